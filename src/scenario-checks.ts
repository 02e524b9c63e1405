/**
 * `speccc scenarios generate`: a separate agent turns each plain-language holdout scenario that
 * has no automated check yet into one. It sees the scenario, the spec and the generated code's
 * declarations (`.d.ts`, made with the TypeScript compiler) — never a function body, never the
 * conversation that wrote the code — and may write only that one check. It runs on the same
 * runtime as a build: budget, trace, lock, redaction.
 */
import path from 'node:path';
import type { Diagnostic } from './types/index.js';
import { check } from './compile.js';
import type { Runtime } from './runtime.js';
import { readTemplates } from './io/templates.js';
import { listScenarios, readScenario, writeScenarioCheck } from './io/holdouts.js';
import { readGeneratedTree } from './io/generated-tree.js';
import { mergeTemplates } from './phases/4-render/templates.js';
import { renderScenarioCheck } from './phases/4-render/index.js';
import { declarationsOf } from './phases/4-render/declarations.js';
import { twinsForPrompt } from './phases/4-render/prompts.js';
import { serviceTwin } from './phases/2-model/twins.js';
import { createSandbox } from './phases/6-generate/sandbox.js';
import { stripHeader } from './phases/8-emit/provenance.js';
import { TEST_FILE } from './phases/7-validate/index.js';
import { sha256 } from './hash.js';
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

export async function generateScenarioChecks(options: {
  root: string;
  runtime: Runtime;
  scenariosDir: string;
  specId?: string;
  overwrite?: boolean;
  signal?: AbortSignal;
}): Promise<{ outcomes: ScenarioCheckOutcome[]; blocked: Diagnostic[] }> {
  const checked = await check({ root: options.root });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('generated-'));
  if (errors.length > 0) return { outcomes: [], blocked: errors };
  const { config } = checked;
  const sources = await readTemplates(options.root, config.paths.templates);
  const templates = mergeTemplates(sources.defaults, sources.overrides);
  const tree = await readGeneratedTree(path.join(options.root, config.paths.generated), SPECCC_VERSION);
  const declarations = declarationsOf(new Map([...tree.files].filter(([p]) => !TEST_FILE.test(p)).map(([p, c]) => [p, stripHeader(c)])));
  const outcomes: ScenarioCheckOutcome[] = [];
  const lock = await options.runtime.lock();
  // Marks the run for `speccc audit`: this agent reads scenarios by design, so its requests are not leaks.
  options.runtime.trace.write({ type: 'run-start', command: 'scenarios', provider: options.runtime.providerLabel, sandbox: options.runtime.sandbox, speccc: SPECCC_VERSION, maxCostUsd: options.runtime.budget.cap });
  try {
    for (const s of await listScenarios(options.scenariosDir)) {
      if (options.specId && s.spec !== options.specId) continue;
      const spec = checked.workspace.byId.get(s.spec);
      if (!spec) continue;
      const rel = `${s.spec}/${s.name}.test.ts`;
      if (s.hasCheck && !options.overwrite) {
        outcomes.push({ spec: s.spec, scenario: s.name, file: rel, state: 'skipped-existing' });
        continue;
      }
      const interfaces = spec.frontmatter!.outputs.filter((o) => declarations.has(o)).map((o) => ({ path: o.replace(/\.(?:[cm]?ts|tsx)$/, '.d.ts'), text: declarations.get(o)! }));
      const scenario = await readScenario(options.scenariosDir, s.file);
      const prompt = renderScenarioCheck(templates, { spec, name: s.name, path: rel, scenario, interfaces, property: s.property !== undefined, twins: spec.frontmatter!.kind === 'twin' ? [{ ...serviceTwin(s.spec), source: null }] : twinsForPrompt(spec, checked.workspace) });
      if (!prompt.ok) return { outcomes, blocked: prompt.diagnostics };
      const sandbox = createSandbox({ outputs: [rel], readable: new Map(), maxFileBytes: config.model.maxOutputTokens * 16 });
      const result = await options.runtime.agent.run(
        {
          specId: s.spec,
          jobKey: sha256(`${SYSTEM}\n${prompt.text}`),
          model: config.model.default,
          effort: config.model.effort,
          maxOutputTokens: config.model.maxOutputTokens,
          system: SYSTEM,
          prompt: prompt.text,
          signal: options.signal ?? new AbortController().signal,
        },
        sandbox,
      );
      const content = sandbox.written().get(rel);
      if (result.status !== 'done' || content === undefined) {
        outcomes.push({ spec: s.spec, scenario: s.name, file: rel, state: 'failed', error: result.error ?? `the agent did not write ${rel}` });
        continue;
      }
      await writeScenarioCheck(options.scenariosDir, rel, content);
      outcomes.push({ spec: s.spec, scenario: s.name, file: rel, state: 'written' });
    }
  } finally {
    await lock.release();
  }
  return { outcomes, blocked: [] };
}
