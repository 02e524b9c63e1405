/**
 * `speccc scenarios generate`: a separate agent turns each plain-language holdout scenario that
 * has no automated check yet into one. It sees the scenario, the spec and the generated code's
 * declarations (`.d.ts`, made with the TypeScript compiler) — never a function body, never the
 * conversation that wrote the code — and may write only that one check. It runs on the same
 * runtime as a build, inside the same run: budget, trace, lock, redaction, clean-up.
 */
import path from 'node:path';
import type { Diagnostic, SpecccConfig } from './types/index.js';
import type { Runtime } from './runtime.js';
import { readScenario, writeScenarioCheck } from './io/holdouts.js';
import { readSnapshot } from './pipeline/snapshot.js';
import { checkSnapshot } from './pipeline/check.js';
import { withRun, type RunOutcome } from './pipeline/with-run.js';
import type { RuntimeOf } from './pipeline/build.js';
import { readGeneratedTree } from './io/generated-tree.js';
import { mergeTemplates } from './phases/4-render/templates.js';
import { renderScenarioCheck } from './phases/4-render/index.js';
import { declarationsOf } from './phases/4-render/declarations.js';
import { twinsForPrompt } from './phases/4-render/prompts.js';
import { serviceTwin } from './phases/2-model/twins.js';
import { agentWrites } from './phases/6-generate/agent-writes.js';
import { stripHeader } from './phases/8-emit/provenance.js';
import { TEST_FILE } from './phases/7-validate/index.js';
import { SPECCC_VERSION } from './version.js';

const SYSTEM = `You write automated acceptance checks (vitest) for holdout scenarios of generated code.
You are independent of the agent that wrote the code: you check behaviour through the public
interface only. Write exactly the one file you are asked for with the write_file tool, then stop.`;

export interface ScenarioCheckOutcome {
  spec: string;
  scenario: string;
  file: string;
  state: 'written' | 'skipped-existing' | 'failed';
  error?: string;
}

export interface ScenarioChecksOptions {
  root: string;
  /** The run's runtime, or how to make it from the config the run reads (the command). */
  runtime: RuntimeOf;
  /** Another scenarios folder than the config's (`--scenarios DIR`), absolute. */
  scenariosDir?: string;
  specId?: string;
  overwrite?: boolean;
  signal?: AbortSignal;
}

export interface ScenarioChecksResult {
  outcomes: ScenarioCheckOutcome[];
  blocked: Diagnostic[];
  /** The scenarios folder it read. */
  scenariosDir: string;
  /** `specId` names no spec: the ids there are (nothing was generated). */
  unknownSpec?: string[];
}

/**
 * One run (src/pipeline/with-run.ts: lock, trace with its end record, clean-up): the workspace
 * read once, checked, then one agent request per scenario without a check. Its trace's
 * `run-start` says `scenarios`, which marks the run for `speccc audit`: this agent reads
 * scenarios by design, so its requests are not leaks.
 */
export async function generateScenarioChecks(options: ScenarioChecksOptions): Promise<ScenarioChecksResult> {
  return withRun({ root: options.root, runtime: options.runtime, command: 'scenarios', traceCommand: 'scenarios', outcomeOf: outcomeOfChecks }, async (run) => {
    const snapshot = await readSnapshot(options.root, { raw: run.raw, templates: true, ...(options.scenariosDir ? { scenariosDir: options.scenariosDir } : {}) });
    const checked = await checkSnapshot(snapshot);
    const scenariosDir = snapshot.scenarios.dir;
    if (options.specId && !checked.workspace.byId.has(options.specId)) return { outcomes: [], blocked: [], scenariosDir, unknownSpec: [...checked.workspace.byId.keys()] };
    const errors = checked.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('generated-'));
    if (errors.length > 0) return { outcomes: [], blocked: errors, scenariosDir };
    const templates = mergeTemplates([...snapshot.templates!.defaults], [...snapshot.templates!.overrides]);
    const tree = await readGeneratedTree(path.join(options.root, checked.config.paths.generated), SPECCC_VERSION);
    const declarations = declarationsOf(new Map([...tree.files].filter(([p]) => !TEST_FILE.test(p)).map(([p, c]) => [p, stripHeader(c)])));
    const outcomes: ScenarioCheckOutcome[] = [];
    for (const s of snapshot.scenarios.entries) {
      if (options.specId && s.spec !== options.specId) continue;
      const spec = checked.workspace.byId.get(s.spec);
      if (!spec) continue;
      const rel = `${s.spec}/${s.name}.test.ts`;
      if (s.hasCheck && !options.overwrite) {
        outcomes.push({ spec: s.spec, scenario: s.name, file: rel, state: 'skipped-existing' });
        continue;
      }
      const interfaces = spec.frontmatter!.outputs.filter((o) => declarations.has(o)).map((o) => ({ path: o.replace(/\.(?:[cm]?ts|tsx)$/, '.d.ts'), text: declarations.get(o)! }));
      const scenario = await readScenario(scenariosDir, s.file);
      const prompt = renderScenarioCheck(templates, { spec, name: s.name, path: rel, scenario, interfaces, property: s.property !== undefined, twins: spec.frontmatter!.kind === 'twin' ? [{ ...serviceTwin(s.spec), source: null }] : twinsForPrompt(spec, checked.workspace) });
      if (!prompt.ok) return { outcomes, blocked: prompt.diagnostics, scenariosDir };
      outcomes.push(await writeOne(run.runtime, checked.config, { spec: s.spec, scenario: s.name, rel, prompt: prompt.text, scenariosDir, signal: options.signal ?? new AbortController().signal }));
    }
    return { outcomes, blocked: [], scenariosDir };
  });
}

const outcomeOfChecks = (r: ScenarioChecksResult): RunOutcome => (r.blocked.length > 0 || r.unknownSpec ? 'blocked' : r.outcomes.some((o) => o.state === 'failed') ? 'failed' : 'done');

/** One scenario's check: the agent writes exactly that one file into an empty sandbox; it lands beside the scenario. */
async function writeOne(runtime: Runtime, config: SpecccConfig, job: { spec: string; scenario: string; rel: string; prompt: string; scenariosDir: string; signal: AbortSignal }): Promise<ScenarioCheckOutcome> {
  const { spec, scenario, rel } = job;
  const { result, written } = await agentWrites(runtime.agent, config, { specId: spec, system: SYSTEM, prompt: job.prompt, outputs: [rel], signal: job.signal });
  const content = written.get(rel);
  if (result.status !== 'done' || content === undefined) return { spec, scenario, file: rel, state: 'failed', error: result.error ?? `the agent did not write ${rel}` };
  await writeScenarioCheck(job.scenariosDir, rel, content);
  return { spec, scenario, file: rel, state: 'written' };
}
