/**
 * `speccc scenarios generate`: a separate agent turns each plain-language holdout scenario that
 * has no automated check yet into one. It sees the scenario, the spec and the generated code's
 * public interface — never the implementation, never the conversation that wrote it (the holdout
 * pattern: the tester never sees how the code was made) — and may write only that one check.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Agent, Diagnostic } from './types/index.js';
import { check } from './compile.js';
import { readTemplates } from './io/templates.js';
import { mergeTemplates } from './phases/4-render/templates.js';
import { renderScenarioCheck } from './phases/4-render/index.js';
import { createSandbox } from './phases/6-generate/sandbox.js';
import { publicInterface } from './phases/7-validate/public-interface.js';
import { TEST_FILE } from './phases/7-validate/index.js';
import { sha256 } from './phases/1-parse/hash.js';

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
  agent: Agent;
  scenariosDir: string;
  specId?: string;
  overwrite?: boolean;
  signal?: AbortSignal;
}): Promise<{ outcomes: ScenarioCheckOutcome[]; blocked: Diagnostic[] }> {
  const checked = await check({ root: options.root });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('generated-'));
  if (errors.length > 0) return { outcomes: [], blocked: errors };
  const config = checked.config;
  const sources = await readTemplates(options.root, config.paths.templates);
  const templates = mergeTemplates(sources.defaults, sources.overrides);
  const outcomes: ScenarioCheckOutcome[] = [];
  let specDirs: string[] = [];
  try {
    specDirs = (await fs.readdir(options.scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    specDirs = [];
  }
  for (const specId of specDirs.filter((id) => !options.specId || id === options.specId)) {
    const spec = checked.workspace.byId.get(specId);
    if (!spec) continue;
    const interfaces = await Promise.all(
      spec.frontmatter!.outputs
        .filter((o) => /\.[cm]?tsx?$/.test(o) && !TEST_FILE.test(o))
        .map(async (o) => ({ path: o, text: publicInterface(await fs.readFile(path.join(options.root, config.paths.generated, o), 'utf8').catch(() => '')) })),
    );
    const names = (await fs.readdir(path.join(options.scenariosDir, specId))).filter((n) => n.endsWith('.md')).sort();
    for (const md of names) {
      const name = md.replace(/\.md$/, '');
      const rel = `${specId}/${name}.test.ts`;
      const target = path.join(options.scenariosDir, rel);
      const exists = await fs.access(target).then(() => true, () => false);
      if (exists && !options.overwrite) {
        outcomes.push({ spec: specId, scenario: name, file: rel, state: 'skipped-existing' });
        continue;
      }
      const scenario = await fs.readFile(path.join(options.scenariosDir, specId, md), 'utf8');
      const prompt = renderScenarioCheck(templates, { spec, name, path: rel, scenario, interfaces });
      if (!prompt.ok) return { outcomes, blocked: prompt.diagnostics };
      const sandbox = createSandbox({ outputs: [rel], readable: new Map() });
      const result = await options.agent.run(
        {
          specId,
          jobKey: sha256(`${SYSTEM}\n${prompt.text}`),
          model: config.model.default,
          maxOutputTokens: config.model.maxOutputTokens,
          system: SYSTEM,
          prompt: prompt.text,
          signal: options.signal ?? new AbortController().signal,
        },
        sandbox,
      );
      const content = sandbox.written().get(rel);
      if (result.status !== 'done' || content === undefined) {
        outcomes.push({ spec: specId, scenario: name, file: rel, state: 'failed', error: result.error ?? `the agent did not write ${rel}` });
        continue;
      }
      await fs.writeFile(target, content);
      outcomes.push({ spec: specId, scenario: name, file: rel, state: 'written' });
    }
  }
  return { outcomes, blocked: [] };
}
