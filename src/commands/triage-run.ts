/**
 * One triage run: every request through the pre-checks, and each one they leave open through one
 * conversation with the model, on the runtime every build uses (its budget a hard cap, its trace,
 * redaction and the workspace lock). Requests are decided one at a time, in order, so a request
 * can be found to duplicate a draft accepted a moment before. A request's record is written as
 * soon as it is decided, then its draft; a request the model could not decide gets nothing.
 */
import type { ContextDoc, SpecccConfig, Workspace } from '../types/index.js';
import type { Runtime } from '../runtime.js';
import { checkDraft, withSpecFile } from '../triage/draft.js';
import { interpretDecision, type DecisionEnv } from '../triage/decision.js';
import { precheck, type KnownSpec } from '../triage/precheck.js';
import { renderTriageRequest, renderTriageSystem, type TriageTemplates } from '../triage/prompt.js';
import { READ_SPEC, RECORD_DECISION, TRIAGE_MAX_TURNS, TRIAGE_TOOLS, type RecordDecisionInput } from '../triage/tools.js';
import type { Decision, TriageRequest } from '../triage/types.js';
import { existsInside, readDecided, writeDecision } from '../io/triage-files.js';
import { sha256 } from '../hash.js';
import { withRun, type RunOutcome } from '../pipeline/with-run.js';

export type RequestOutcome =
  | { request: TriageRequest; state: 'decided'; decision: Decision; record: string }
  | { request: TriageRequest; state: 'already-decided'; record: string }
  | { request: TriageRequest; state: 'not-decided'; error: string; costUsd: number };

/** What the model is shown of the workspace, and what the pre-checks compare against. */
export interface TriageWorkspace {
  specs: (KnownSpec & { source: string })[];
  context: ContextDoc[];
  contextDir: string;
  specsDir: string;
  mission: { file: string; text: string } | null;
}

export function triageWorkspace(workspace: Workspace, config: SpecccConfig): TriageWorkspace {
  const specs = workspace.files.flatMap((f) => {
    const fm = f.spec?.frontmatter;
    return fm ? [{ id: fm.id, title: f.spec!.title?.value ?? fm.id, file: f.file, status: fm.status, kind: fm.kind, source: f.spec!.source }] : [];
  });
  const missionDoc = workspace.context.find((c) => c.file.split('/').pop()!.toLowerCase() === 'mission.md');
  return { specs, context: workspace.context, contextDir: config.paths.context, specsDir: config.paths.specs, mission: missionDoc ? { file: missionDoc.file, text: missionDoc.text } : null };
}

/** The pre-checks' verdicts, without a model or a write: what a dry run prices. */
export async function planTriage(root: string, tw: TriageWorkspace, requests: readonly TriageRequest[]) {
  const decided = await readDecided(root);
  return requests.map((request) => ({ request, check: precheck(request, { specs: tw.specs, decided, contextFiles: tw.context.map((c) => c.file), contextDir: tw.contextDir }) }));
}

/** The conversation's sandbox: record_decision and read_spec, and nothing that touches a file. */
function triageSandbox(env: Omit<DecisionEnv, 'rejectedDrafts'>, sources: ReadonlyMap<string, string>) {
  let decision: Omit<Decision, 'by' | 'costUsd'> | undefined;
  let rejectedDrafts = 0;
  const refuse = () => ({ ok: false as const, error: 'triage writes no files: record the decision with record_decision' });
  return {
    outputs: ['decision'],
    write: refuse,
    read: refuse,
    written: (): ReadonlyMap<string, string> => (decision ? new Map([['decision', decision.decision]]) : new Map()),
    reminder: 'You have not recorded a decision yet: call record_decision.',
    call(name: string, input: unknown) {
      if (name === READ_SPEC) {
        const id = (input as { id: string }).id;
        const source = sources.get(id);
        return source !== undefined ? { ok: true as const, content: source } : { ok: false as const, error: `no spec has id \`${id}\`; the specs are: ${[...sources.keys()].join(', ') || 'none'}` };
      }
      if (name !== RECORD_DECISION) return { ok: false as const, error: `no tool named ${name}` };
      if (decision) return { ok: true as const, content: 'The decision is recorded already.' };
      const result = interpretDecision(input as RecordDecisionInput, { ...env, rejectedDrafts });
      if (!result.ok) {
        if (result.draftRejected) rejectedDrafts++;
        return { ok: false as const, error: result.error };
      }
      decision = result.decision;
      return { ok: true as const, content: `Recorded: ${decision.decision}.` };
    },
    decision: () => decision,
  };
}

export interface TriageRunInput {
  root: string;
  config: SpecccConfig;
  runtime: Runtime;
  workspace: Workspace;
  requests: readonly TriageRequest[];
  templates: TriageTemplates;
  model: string;
  signal: AbortSignal;
  onOutcome?: (outcome: RequestOutcome) => void;
}

/**
 * Every request, decided inside one run (src/pipeline/with-run.ts: the lock, run-start, and
 * run-end whatever happens): a run that runs no code, so its trace names no sandbox.
 */
export async function runTriage(input: TriageRunInput): Promise<RequestOutcome[]> {
  const outcomeOf = (outcomes: RequestOutcome[]): RunOutcome => (input.signal.aborted ? 'cancelled' : outcomes.some((o) => o.state === 'not-decided') ? 'failed' : 'done');
  return withRun({ root: input.root, runtime: input.runtime, traceCommand: 'triage', traceSandbox: 'none', outcomeOf }, () => decideAll(input));
}

async function decideAll(input: TriageRunInput): Promise<RequestOutcome[]> {
  const { root, config, runtime } = input;
  const tw = triageWorkspace(input.workspace, config);
  const system = renderTriageSystem(input.templates, { context: tw.context, specs: tw.specs });
  const sources = new Map(tw.specs.map((s) => [s.id, s.source]));
  const drafted: KnownSpec[] = [];
  const outcomes: RequestOutcome[] = [];
  const exists = existsInside(root);
  let workspace = input.workspace;
  /** A fatal API error (a refused key, the spend limit) stops every conversation still to come. */
  let stopped: string | null = null;
  const decided = await readDecided(root);
  for (const request of input.requests) {
    const known = [...tw.specs, ...drafted];
    const pre = precheck(request, { specs: known, decided, contextFiles: tw.context.map((c) => c.file), contextDir: tw.contextDir });
    let outcome: RequestOutcome;
    if (pre.kind === 'already-decided') outcome = { request, state: 'already-decided', record: pre.record };
    else if (input.signal.aborted || (pre.kind === 'to-model' && stopped)) outcome = { request, state: 'not-decided', error: stopped ? `stopped: ${stopped}` : 'cancelled', costUsd: 0 };
    else {
      const decision = pre.kind === 'decided' ? pre.decision : await converse(input, request, system, { workspace, known, drafted, sources, exists, tw });
      if ('error' in decision) {
        if (decision.fatal) stopped = decision.error;
        outcome = { request, state: 'not-decided', error: decision.error, costUsd: decision.costUsd };
      }
      else {
        const record = await writeDecision(root, decision, new Date(runtime.clock()).toISOString(), runtime.redact);
        decided.set(request.id, record);
        const draft = decision.draft;
        // A new spec in specs/ is part of the workspace from now on: later drafts may build on it.
        if (draft?.kind === 'new' && draft.passes) {
          drafted.push({ id: draft.specId, title: draft.title, file: draft.file, status: 'proposed', kind: draft.specKind });
          workspace = withSpecFile(workspace, draft.file, draft.markdown).workspace;
        }
        outcome = { request, state: 'decided', decision, record };
      }
    }
    const spent = outcome.state === 'decided' ? outcome.decision.costUsd : outcome.state === 'not-decided' ? outcome.costUsd : 0;
    runtime.trace.write({ type: 'triage', spec: `triage:${request.id}`, request: request.id, decision: outcome.state === 'decided' ? outcome.decision.decision : null, by: outcome.state === 'decided' ? outcome.decision.by : null, record: outcome.state === 'not-decided' ? null : outcome.record, costUsd: spent, ...(outcome.state === 'not-decided' ? { error: outcome.error } : {}) });
    outcomes.push(outcome);
    input.onOutcome?.(outcome);
  }
  return outcomes;
}

/** One request's conversation: the decision the model recorded, or why there is none. */
async function converse(
  input: TriageRunInput,
  request: TriageRequest,
  system: string,
  at: { workspace: Workspace; known: KnownSpec[]; drafted: KnownSpec[]; sources: ReadonlyMap<string, string>; exists: (rel: string) => boolean; tw: TriageWorkspace },
): Promise<Decision | { error: string; costUsd: number; fatal?: boolean }> {
  const prompt = renderTriageRequest(input.templates, { request, drafted: at.drafted });
  const sandbox = triageSandbox(
    {
      request,
      mission: at.tw.mission,
      specs: at.known,
      specsDir: at.tw.specsDir,
      exists: at.exists,
      check: (file, markdown) => checkDraft({ workspace: at.workspace, config: input.config, file, markdown }),
    },
    at.sources,
  );
  const outcome = await input.runtime.agent.run(
    {
      specId: `triage:${request.id}`,
      jobKey: sha256(`${system}\n${prompt}`),
      model: input.model,
      effort: input.config.model.effort,
      maxOutputTokens: input.config.model.maxOutputTokens,
      system,
      prompt,
      tools: TRIAGE_TOOLS,
      maxTurns: TRIAGE_MAX_TURNS,
      signal: input.signal,
    },
    sandbox,
  );
  const decision = sandbox.decision();
  if (outcome.status !== 'done' || !decision) {
    const why = outcome.status === 'incomplete' ? `the model used all ${TRIAGE_MAX_TURNS} turns without recording a decision speccc accepts` : (outcome.error ?? `the model stopped (${outcome.status}) without recording a decision`);
    return { error: why, costUsd: outcome.costUsd, ...(outcome.fatal ? { fatal: true } : {}) };
  }
  return { ...decision, by: outcome.model ?? input.model, costUsd: outcome.costUsd };
}
