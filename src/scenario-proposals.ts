/**
 * `speccc scenarios propose` and `accept`: holdouts from surviving mutants. Propose reads the last
 * `verify --mutate` run's survivors and asks an agent, for each of a spec's mutants (at most
 * `max`), for a draft scenario and check that tell the mutant from the right code. Drafts go to
 * the scenarios folder's hidden `.proposed/`, where no run counts them. Accept judges a draft in
 * the sandbox: it must pass on the promoted code and fail on its mutant; only then does it join
 * the holdouts, by a person's command. The proposer sees the spec, declarations and the one
 * piece of code the mutant changed, never the generating conversation; its run is traced as a
 * scenarios run (`speccc audit` knows it reads scenarios by design).
 */
import path from 'node:path';
import type { Diagnostic, HoldoutCheck, SpecccConfig, Validator } from './types/index.js';
import type { Runtime } from './runtime.js';
import { readSnapshot } from './pipeline/snapshot.js';
import { checkSnapshot } from './pipeline/check.js';
import { withRun, type RunOutcome } from './pipeline/with-run.js';
import type { RuntimeOf } from './pipeline/build.js';
import { readForVerify } from './pipeline/verify.js';
import { readGeneratedTree } from './io/generated-tree.js';
import { listDrafts, promoteDraft, readDraft, readProposalTemplate, readSurvivorsText, removeDraft, scenarioExists, writeDraft, appendDeclined, appendRejected, readRejectedNames } from './io/proposal-files.js';
import { declarationsOf } from './phases/4-render/declarations.js';
import { agentWrites } from './phases/6-generate/agent-writes.js';
import { stripHeader } from './phases/8-emit/provenance.js';
import { TEST_FILE } from './phases/7-validate/index.js';
import { twinsUsedBy } from './phases/2-model/twins.js';
import { applyMutant, draftName, mutantsToDraft, parseSurvivors, type KnownMutant } from './proposals/mutants.js';
import { draftPaths, renderProposal } from './proposals/prompt.js';
import { acceptedLine, draftMutantText, draftProblem, parseDraftMutant } from './proposals/draft.js';
import { sha256 } from './hash.js';
import { SPECCC_VERSION } from './version.js';

const SYSTEM = `You propose holdout scenarios that tell a mutant of generated code from code that meets its spec.
You are independent of the agent that wrote the code: you state behaviour the spec requires and
check it through the public interface only. Write the two files you are asked for with the
write_file tool, or none when the spec allows what the mutant does; then stop.`;

export interface ProposalOutcome {
  spec: string;
  name: string;
  mutant: KnownMutant;
  state: 'drafted' | 'declined' | 'stale' | 'failed';
  error?: string;
}

export interface ProposeOptions {
  root: string;
  runtime: RuntimeOf;
  scenariosDir?: string;
  specId?: string;
  /** Drafts per spec at most. */
  max: number;
  signal?: AbortSignal;
}

export interface ProposeResult {
  outcomes: ProposalOutcome[];
  blocked: Diagnostic[];
  scenariosDir: string;
  /** No survivors file, or one that is not what verify writes: what to say. */
  survivors?: { missing: true } | { problem: string };
  unknownSpec?: string[];
}

export async function proposeScenarios(options: ProposeOptions): Promise<ProposeResult> {
  return withRun({ root: options.root, runtime: options.runtime, command: 'scenarios', traceCommand: 'scenarios', outcomeOf: outcomeOfProposals }, async (run) => {
    const snapshot = await readSnapshot(options.root, { raw: run.raw, ...(options.scenariosDir ? { scenariosDir: options.scenariosDir } : {}) });
    const checked = await checkSnapshot(snapshot);
    const scenariosDir = snapshot.scenarios.dir;
    const none = { outcomes: [], blocked: [], scenariosDir };
    if (options.specId && !checked.workspace.byId.has(options.specId)) return { ...none, unknownSpec: [...checked.workspace.byId.keys()] };
    const errors = checked.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('generated-'));
    if (errors.length > 0) return { ...none, blocked: errors };
    const text = await readSurvivorsText(options.root);
    if (text === null) return { ...none, survivors: { missing: true } };
    const read = parseSurvivors(text);
    if (!read.ok) return { ...none, survivors: { problem: read.message } };
    const tree = await readGeneratedTree(path.join(options.root, checked.config.paths.generated), SPECCC_VERSION);
    const declarations = declarationsOf(new Map([...tree.files].filter(([p]) => !TEST_FILE.test(p)).map(([p, c]) => [p, stripHeader(c)])));
    const template = await readProposalTemplate();
    const taken = new Set([...(await listDrafts(scenariosDir)).map((d) => `${d.spec}/${d.name}`), ...(await readRejectedNames(scenariosDir)), ...snapshot.scenarios.entries.map((e) => `${e.spec}/${e.name}`)]);
    const outcomes: ProposalOutcome[] = [];
    for (const entry of read.specs) {
      const spec = checked.workspace.byId.get(entry.spec);
      if (!spec || (options.specId && entry.spec !== options.specId)) continue;
      const outputs = new Set(spec.frontmatter!.outputs);
      // A survivor of a file the spec does not own is no mutant of this spec's code: the record was edited.
      const own = entry.survivors.filter((m) => outputs.has(m.file) && tree.files.has(m.file));
      const specTaken = new Set([...taken].filter((t) => t.startsWith(`${entry.spec}/`)).map((t) => t.slice(entry.spec.length + 1)));
      for (const mutant of mutantsToDraft(own, options.max, specTaken)) {
        const name = draftName(mutant);
        if (applyMutant(tree.files.get(mutant.file)!, mutant) === null) {
          outcomes.push({ spec: entry.spec, name, mutant, state: 'stale', error: 'the code changed since the mutation run: run `speccc verify --mutate` again' });
          continue;
        }
        const interfaces = spec.frontmatter!.outputs.filter((o) => declarations.has(o)).map((o) => ({ path: o.replace(/\.(?:[cm]?ts|tsx)$/, '.d.ts'), text: declarations.get(o)! }));
        const prompt = renderProposal(template, { spec, name, mutant, interfaces });
        const drafted = await draftOne(run.runtime, checked.config, { spec: entry.spec, name, mutant, prompt, scenariosDir, signal: options.signal ?? new AbortController().signal });
        outcomes.push(drafted.outcome);
        // The spend limit reached, the key refused: no further request can succeed either.
        if (drafted.fatal) return { outcomes, blocked: [], scenariosDir };
      }
    }
    return { outcomes, blocked: [], scenariosDir };
  });
}

const outcomeOfProposals = (r: ProposeResult): RunOutcome => (r.blocked.length > 0 || r.unknownSpec || r.survivors ? 'blocked' : r.outcomes.some((o) => o.state === 'failed') ? 'failed' : 'done');

/** One mutant's draft: the agent may write exactly the scenario and its check, into an empty sandbox; both land in `.proposed/`. */
async function draftOne(runtime: Runtime, config: SpecccConfig, job: { spec: string; name: string; mutant: KnownMutant; prompt: string; scenariosDir: string; signal: AbortSignal }): Promise<{ outcome: ProposalOutcome; fatal: boolean }> {
  const { spec, name, mutant } = job;
  const paths = draftPaths(spec, name);
  const { result, written } = await agentWrites(runtime.agent, config, { specId: spec, system: SYSTEM, prompt: job.prompt, outputs: [paths.md, paths.check], signal: job.signal });
  const md = written.get(paths.md);
  const check = written.get(paths.check);
  const fatal = result.fatal === true;
  if (md === undefined && check === undefined && (result.status === 'done' || result.status === 'incomplete')) {
    await appendDeclined(job.scenariosDir, JSON.stringify({ at: new Date().toISOString(), scenario: `${spec}/${name}`, mutant: { file: mutant.file, line: mutant.line, column: mutant.column, mutator: mutant.mutator } }));
    return { outcome: { spec, name, mutant, state: 'declined', error: 'the agent wrote no draft: it judged that the spec allows what the mutant does' }, fatal };
  }
  if (md === undefined || check === undefined) return { outcome: { spec, name, mutant, state: 'failed', error: result.error ?? `the agent wrote ${md === undefined ? 'no scenario' : 'no check'}` }, fatal };
  await writeDraft(job.scenariosDir, spec, name, { md, check, mutant: draftMutantText(spec, mutant, new Date()) });
  return { outcome: { spec, name, mutant, state: 'drafted' }, fatal };
}

export interface AcceptOutcome {
  draft: string;
  state: 'accepted' | 'refused' | 'missing';
  mutant?: KnownMutant;
  reason?: string;
}

export interface AcceptOptions {
  root: string;
  scenariosDir?: string;
  /** `<spec-id>/<name>` of each draft, or every draft when empty. */
  drafts: readonly string[];
  /** The sealed validator, made from the config the run read. */
  validator: (config: SpecccConfig) => Validator;
  signal: AbortSignal;
}

/**
 * Judges each draft, then promotes it into the holdouts: it must name its spec, pass on the
 * promoted code (a draft that fails there is wrong, or found a bug: either way a person decides)
 * and fail on its mutant applied to that code. Anything else leaves the draft where it is.
 */
export async function acceptDrafts(options: AcceptOptions): Promise<{ outcomes: AcceptOutcome[]; scenariosDir: string; configBroken?: true }> {
  const { snapshot, checked } = await readForVerify(options.root, options.scenariosDir);
  const scenariosDir = snapshot.scenarios.dir;
  if (checked.configBroken) return { outcomes: [], scenariosDir, configBroken: true };
  const validator = options.validator(checked.config);
  const tree = await readGeneratedTree(path.join(options.root, checked.config.paths.generated), SPECCC_VERSION);
  const all = await listDrafts(scenariosDir);
  const wanted = options.drafts.length === 0 ? all.map((d) => `${d.spec}/${d.name}`) : options.drafts;
  const outcomes: AcceptOutcome[] = [];
  for (const draft of wanted) {
    const found = all.find((d) => `${d.spec}/${d.name}` === draft);
    if (!found) {
      outcomes.push({ draft, state: 'missing', reason: 'no such draft' });
      continue;
    }
    outcomes.push(await acceptOne({ validator, signal: options.signal }, { ...found, draft, scenariosDir, tree: tree.files, checked }));
  }
  return { outcomes, scenariosDir };
}

type Judged = { spec: string; name: string; draft: string; scenariosDir: string; tree: ReadonlyMap<string, string>; checked: Awaited<ReturnType<typeof readForVerify>>['checked'] };

async function acceptOne(options: { validator: Validator; signal: AbortSignal }, d: Judged): Promise<AcceptOutcome> {
  const files = await readDraft(d.scenariosDir, d.spec, d.name);
  const record = parseDraftMutant(files.mutant);
  const refuse = (reason: string, mutant?: KnownMutant): AcceptOutcome => ({ draft: d.draft, state: 'refused', reason, ...(mutant ? { mutant } : {}) });
  if (!record || record.spec !== d.spec) return refuse('its mutant record (.mutant.json) is missing or not what `scenarios propose` writes');
  const { mutant } = record;
  const problem = draftProblem(files.md, files.check, d.spec);
  if (problem) return refuse(problem, mutant);
  const spec = d.checked.workspace.byId.get(d.spec);
  if (!spec || !spec.frontmatter!.outputs.includes(mutant.file)) return refuse(`spec ${d.spec} no longer owns ${mutant.file}`, mutant);
  if (await scenarioExists(d.scenariosDir, d.spec, d.name)) return refuse(`a scenario named ${d.name} exists already in ${d.spec}/`, mutant);
  const mutated = applyMutant(d.tree.get(mutant.file) ?? '', mutant);
  if (mutated === null) return refuse('the promoted code changed since the mutant was found: run `speccc verify --mutate` and `scenarios propose` again', mutant);
  const checks: HoldoutCheck[] = [{ name: d.name, file: `${d.spec}/${d.name}.test.ts`, content: files.check! }];
  const twins = twinsUsedBy(spec, d.checked.workspace);
  const onPromoted = await options.validator.holdout({ specId: d.spec, checks, tree: d.tree, twins, signal: options.signal });
  if (!onPromoted.passed) return refuse(`it fails on the promoted code (${onPromoted.scenarios[0]?.failure ?? (onPromoted.feedback.split('\n')[0] || 'no result')}): the draft is wrong, or it found a bug; edit it, or reject it`, mutant);
  const onMutant = await options.validator.holdout({ specId: d.spec, checks, tree: new Map([...d.tree, [mutant.file, mutated]]), twins, signal: options.signal });
  if (onMutant.passed) return refuse('it passes on the mutated code too: it does not kill its mutant; edit it, or reject it', mutant);
  await promoteDraft(d.scenariosDir, d.spec, d.name, { md: files.md!, check: files.check! }, acceptedLine({ at: new Date().toISOString(), scenario: `${d.spec}/${d.name}`, spec: d.spec, mutant: { file: mutant.file, line: mutant.line, column: mutant.column, mutator: mutant.mutator }, check: sha256(files.check!) }));
  return { draft: d.draft, state: 'accepted', mutant };
}

/** The scenarios folder, as the config (or `--scenarios`) names it: listing and removing drafts needs no check of the workspace. */
const scenariosFolder = async (root: string, scenariosDir: string | undefined): Promise<string> => (await readSnapshot(root, scenariosDir ? { scenariosDir } : {})).scenarios.dir;

/** `scenarios reject`: the draft is removed and its mutant recorded, so `propose` does not draft for it again. */
export async function rejectDrafts(root: string, scenariosDir: string | undefined, drafts: readonly string[]): Promise<{ draft: string; removed: boolean }[]> {
  const dir = await scenariosFolder(root, scenariosDir);
  const all = new Set((await listDrafts(dir)).map((d) => `${d.spec}/${d.name}`));
  const out: { draft: string; removed: boolean }[] = [];
  for (const draft of drafts) {
    if (!all.has(draft)) {
      out.push({ draft, removed: false });
      continue;
    }
    const [spec, name] = draft.split('/') as [string, string];
    await appendRejected(dir, JSON.stringify({ at: new Date().toISOString(), scenario: draft }));
    await removeDraft(dir, spec, name);
    out.push({ draft, removed: true });
  }
  return out;
}

/** Every draft with its mutant and the heading of its scenario, for `scenarios drafts`. */
export async function listProposals(root: string, scenariosDir: string | undefined): Promise<{ scenariosDir: string; drafts: { draft: string; title: string; mutant: KnownMutant | null }[] }> {
  const dir = await scenariosFolder(root, scenariosDir);
  const drafts = [];
  for (const d of await listDrafts(dir)) {
    const files = await readDraft(dir, d.spec, d.name);
    const title = /^#\s+(.+)$/m.exec(files.md ?? '')?.[1]?.trim() ?? '(no scenario)';
    drafts.push({ draft: `${d.spec}/${d.name}`, title, mutant: parseDraftMutant(files.mutant)?.mutant ?? null });
  }
  return { scenariosDir: dir, drafts };
}

export { draftName };
