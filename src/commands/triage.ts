import { Option } from 'commander';
import type { InputProblem } from '../triage/types.js';
import type { RequestOutcome } from './triage-run.js';
import { EXIT, inWorkspace, parseUsd, toJson, UsageError, type CliIo, type RegisterCommand } from './shared.js';

export interface TriageFlags {
  root?: string;
  dryRun?: boolean;
  maxCost?: string;
  model?: string;
  format: 'text' | 'json';
}

const usd = (n: number) => `$${n.toFixed(n > 0 && n < 0.01 ? 4 : 2)}`;

function problemLine(p: InputProblem): string {
  return `${p.file}:${p.line}:${p.column}: error ${p.message}\n`;
}

/** One line per request, as a person scans a triage run. */
export function outcomeLine(o: RequestOutcome): string {
  const id = o.request.id;
  if (o.state === 'already-decided') return `- ${id}: decided before (${o.record}); left as it is`;
  if (o.state === 'not-decided') return `✖ ${id}: not decided: ${o.error}; nothing written for it`;
  const d = o.decision;
  const by = d.by === 'pre-check' ? ' (pre-check)' : '';
  const cost = d.costUsd > 0 ? ` ${usd(d.costUsd)}` : '';
  switch (d.decision) {
    case 'accept': {
      const draft = d.draft!;
      const verdict = draft.passes ? 'passes check' : `does not pass check: ${draft.findings.filter((f) => / error /.test(f)).length} error(s)`;
      return `✔ ${id}: accept → ${draft.file} (${draft.kind === 'new' ? 'new spec' : `change to ${draft.specId}`}, proposed; ${verdict})${cost}`;
    }
    case 'duplicate':
      return `= ${id}: duplicate of ${d.duplicateOf}${by}${cost}`;
    case 'reject':
      return `✖ ${id}: reject${by}: ${d.changesGovernance ? 'asks to change governance (context/), which only people edit' : `conflicts with the mission: "${d.missionLine}"`}${cost}`;
    case 'needs-info':
      return `? ${id}: needs info${by}: ${d.questions.length} question${d.questions.length === 1 ? '' : 's'}${cost}`;
  }
}

function outcomeJson(o: RequestOutcome) {
  const base = { id: o.request.id, title: o.request.title, source: o.request.source, state: o.state };
  if (o.state === 'already-decided') return { ...base, record: o.record };
  if (o.state === 'not-decided') return { ...base, error: o.error, costUsd: o.costUsd };
  const d = o.decision;
  return {
    ...base,
    record: o.record,
    decision: d.decision,
    by: d.by,
    reasons: d.reasons,
    missionLine: d.missionLine,
    changesGovernance: d.changesGovernance,
    duplicateOf: d.duplicateOf,
    questions: d.questions,
    draft: d.draft ? { kind: d.draft.kind, spec: d.draft.specId, file: d.draft.file, passes: d.draft.passes, findings: d.draft.findings } : null,
    costUsd: d.costUsd,
  };
}

export async function runTriageCommand(io: CliIo, inputs: string[], flags: TriageFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const maxCost = parseUsd('--max-cost', flags.maxCost);
    const { readRequests, readTriageTemplates } = await import('../io/triage-files.js');
    const stdin = io.stdin && !io.stdin.isTTY ? () => io.stdin!.read() : null;
    const parsed = await readRequests(io.cwd, inputs, stdin);
    if (parsed.problems.length > 0) {
      for (const p of parsed.problems) io.stdout(problemLine(p));
      io.stderr('speccc: triage stopped before deciding anything: fix the requests above\n');
      return EXIT.usage;
    }
    const { check } = await import('../compile.js');
    const checked = await check({ root });
    if (checked.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
    const config = checked.config;
    const model = flags.model ?? config.model.default;
    const { priceOf } = await import('../prices/pricing.js');
    if (!priceOf(model, config.model.prices)) throw new UsageError(`speccc knows no price for model ${model}, so it cannot cap what triage spends; add it under model.prices in speccc.config.json`);
    const templates = await readTriageTemplates();
    if (flags.dryRun) return dryRun(io, root, { checked, templates, requests: parsed.requests, model, maxCost: (await import('../phases/6-generate/budget.js')).spendCaps(config, maxCost !== undefined ? { maxCostUsd: maxCost } : {}).run, format: flags.format });

    const { createRuntime, takeCredentials } = await import('../runtime.js');
    const { runTriage } = await import('./triage-run.js');
    const runtime = createRuntime({ root, config, credentials: takeCredentials(io.env), command: 'triage', provider: 'anthropic', ...(maxCost !== undefined ? { maxCostUsd: maxCost } : {}), onWarning: (line) => io.stderr(`speccc: warning: ${line}\n`) });
    const outcomes = await runTriage({
      root,
      config,
      runtime,
      workspace: checked.workspace,
      requests: parsed.requests,
      templates,
      model,
      signal: io.signal,
      ...(flags.format === 'text' ? { onOutcome: (o: RequestOutcome) => io.stdout(`${outcomeLine(o)}\n`) } : {}),
    });
    const spent = runtime.budget.spent();
    if (flags.format === 'json') io.stdout(toJson({ run: runtime.runId, requests: outcomes.map(outcomeJson), spentUsd: spent }));
    else io.stdout(summaryLine(outcomes, spent));
    return outcomes.some((o) => o.state === 'not-decided') ? EXIT.failed : EXIT.ok;
  });
}

function summaryLine(outcomes: readonly RequestOutcome[], spent: number): string {
  const count = (k: string) => outcomes.filter((o) => o.state === 'decided' && o.decision.decision === k).length;
  const parts = [
    [count('accept'), 'accepted'],
    [count('duplicate'), 'duplicate'],
    [count('reject'), 'rejected'],
    [count('needs-info'), 'need info'],
    [outcomes.filter((o) => o.state === 'already-decided').length, 'decided before'],
    [outcomes.filter((o) => o.state === 'not-decided').length, 'not decided'],
  ].filter(([n]) => (n as number) > 0);
  const n = outcomes.length;
  return `${n} request${n === 1 ? '' : 's'}: ${parts.map(([k, w]) => `${k} ${w}`).join(', ') || 'none'}; ${usd(spent)} spent; decisions in triage/decisions/\n`;
}

type Checked = Awaited<ReturnType<typeof import('../compile.js').check>>;

/** The pre-checks' decisions and the price of the rest, with nothing sent and nothing written. */
async function dryRun(io: CliIo, root: string, input: { checked: Checked; templates: import('../triage/prompt.js').TriageTemplates; requests: import('../triage/types.js').TriageRequest[]; model: string; maxCost: number | null; format: 'text' | 'json' }): Promise<number> {
  const { planTriage, triageWorkspace } = await import('./triage-run.js');
  const { renderTriageRequest, renderTriageSystem } = await import('../triage/prompt.js');
  const { estimateTriage } = await import('../triage/estimate.js');
  const { TRIAGE_TOOLS } = await import('../triage/tools.js');
  const tw = triageWorkspace(input.checked.workspace, input.checked.config);
  const planned = await planTriage(root, tw, input.requests);
  const system = renderTriageSystem(input.templates, { context: tw.context, specs: tw.specs });
  const toModel = planned.filter((p) => p.check.kind === 'to-model').map((p) => ({ id: p.request.id, prompt: renderTriageRequest(input.templates, { request: p.request, drafted: [] }) }));
  const counted = await countTriageTokens(io.env, input.model, system, toModel);
  const estimate = estimateTriage({ config: input.checked.config, model: input.model, system, toolsBytes: Buffer.byteLength(JSON.stringify(TRIAGE_TOOLS)), prompts: toModel, counted })!;
  const byId = new Map(estimate.requests.map((r) => [r.id, r]));
  if (input.format === 'json') {
    io.stdout(toJson({ requests: planned.map((p) => ({ id: p.request.id, title: p.request.title, precheck: p.check.kind === 'decided' ? { decision: p.check.decision.decision, reasons: p.check.decision.reasons } : p.check.kind === 'already-decided' ? { decidedBefore: p.check.record } : null, estimate: byId.get(p.request.id) ?? null })), model: estimate.model, expectedUsd: estimate.expectedUsd, worstCaseUsd: estimate.worstCaseUsd, estimated: estimate.estimated }));
    return EXIT.ok;
  }
  for (const p of planned) {
    const e = byId.get(p.request.id);
    if (p.check.kind === 'already-decided') io.stdout(`  - ${p.request.id}: decided before (${p.check.record})\n`);
    else if (p.check.kind === 'decided') io.stdout(`  • ${p.request.id}: ${p.check.decision.decision} by pre-check, no model call: ${p.check.decision.reasons[0]}\n`);
    else if (e) io.stdout(`  • ${p.request.id}: to the model — ~${e.inputTokens.toLocaleString('en-US')} input tokens${e.counted ? '' : ' (estimated)'}, expected ${usd(e.expectedUsd)}, worst case ${usd(e.worstCaseUsd)}\n`);
  }
  const fits = input.maxCost === null ? '' : estimate.worstCaseUsd <= input.maxCost ? `; within --max-cost ${usd(input.maxCost)}` : `; above --max-cost ${usd(input.maxCost)}: the budget stops triage before a request could pass it`;
  io.stdout(`${input.requests.length} request${input.requests.length === 1 ? '' : 's'}, ${toModel.length} to the model (${estimate.model}): expected ${usd(estimate.expectedUsd)}, worst case ${usd(estimate.worstCaseUsd)}${estimate.estimated && toModel.length > 0 ? ' (tokens estimated)' : ''}${fits}; nothing sent, nothing written\n`);
  return EXIT.ok;
}

/** With a key, the API counts each request's first turn exactly; without one, the estimate stands. */
async function countTriageTokens(env: NodeJS.ProcessEnv, model: string, system: string, prompts: { id: string; prompt: string }[]): Promise<Map<string, number>> {
  const counted = new Map<string, number>();
  const { takeCredentials } = await import('../runtime.js');
  const credentials = takeCredentials(env);
  if (!credentials.apiKey || prompts.length === 0) return counted;
  const { countInputTokens } = await import('../phases/6-generate/anthropic/count-tokens.js');
  const { TRIAGE_TOOLS } = await import('../triage/tools.js');
  for (const { id, prompt } of prompts) {
    const tokens = await countInputTokens({ apiKey: credentials.apiKey, ...(credentials.baseURL ? { baseURL: credentials.baseURL } : {}) }, { model, system: credentials.redact(system), prompt: credentials.redact(prompt), tools: TRIAGE_TOOLS });
    if (tokens !== undefined) counted.set(id, tokens);
  }
  return counted;
}

export const registerTriage: RegisterCommand = (program, io, done) => {
  program
    .command('triage')
    .description('Decide on incoming requests against the mission: accept (with a draft spec), duplicate, reject or needs-info, each recorded under triage/decisions/.')
    .argument('[requests...]', 'files or folders of requests: .json as `gh issue list --json number,title,body,labels,url` prints them, or .md (default: text on stdin)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--dry-run', 'run the pre-checks and price the rest; call no model, write nothing')
    .option('--max-cost <usd>', 'stop before any request that could take this run past this many US dollars')
    .option('--model <id>', 'the model that decides (default: model.default)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((requests: string[], flags: TriageFlags) => done(runTriageCommand(io, requests, flags)));
};
