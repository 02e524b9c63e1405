/**
 * Spec-local rules run beside modelling (in the parse workers) and their findings travel and are
 * cached with the model. That is only right if each reads nothing but its one spec, and if the
 * findings that come with a model are the ones the rule would find: both checked here, on every
 * kind of spec the check samples hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/hash.js';
import { parseSpecFile } from '../../../src/phases/1-parse/index.js';
import { modelSpec } from '../../../src/phases/2-model/index.js';
import { checkWorkspace } from '../../../src/phases/3-check/index.js';
import { RULES, SPEC_LOCAL_RULES } from '../../../src/phases/3-check/rules/index.js';
import type { CheckContext, SharedFact } from '../../../src/phases/3-check/rule.js';
import { checkSpecsLocally, specLocalContext } from '../../../src/phases/3-check/spec-local.js';
import { modelAndCheck } from '../../../src/phases/3-check/model-and-check.js';
import { assembleWorkspace } from '../../../src/workspace.js';
import { defaultConfig } from '../../../src/config/parse.js';
import { mixedWorkspace, specFiles } from '../../helpers/mixed-workspace.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const root = mixedWorkspace(workspaces.temps, 5);
const jobs = specFiles(root).map((file) => {
  const bytes = new Uint8Array(readFileSync(path.join(root, file)));
  return { file, bytes, hash: sha256(bytes) };
});

describe('spec-local rules', () => {
  it('read nothing but the spec they judge', () => {
    const models = jobs.map((j) => modelSpec(parseSpecFile(j.file, j.bytes, j.hash)));
    for (const rule of SPEC_LOCAL_RULES) expect(() => rule.check(specLocalContext(models)), rule.id).not.toThrow();
  });

  it('are the rules that declare themselves spec-local; a rule that judges one spec at a time reads nothing else but the shared facts it declares', () => {
    expect(SPEC_LOCAL_RULES.map((r) => r.id)).toEqual(RULES.filter((r) => r.scope.kind === 'spec-local').map((r) => r.id));
    const models = jobs.map((j) => modelSpec(parseSpecFile(j.file, j.bytes, j.hash)));
    const whole = assembleWorkspace(root, models, []);
    const fileScoped = RULES.flatMap((r) => (r.scope.kind === 'file' ? [{ rule: r, reads: r.scope.reads }] : []));
    expect(fileScoped.map((f) => f.rule.id)).toEqual(['glossary-terms']);
    for (const { rule, reads } of fileScoped) {
      // The spec-local context, with only the declared shared facts brought back within reach.
      const local = specLocalContext(models);
      const allowed = (fact: SharedFact) => reads.includes(fact);
      const workspace = Object.create(local.workspace, allowed('glossary') ? { glossary: { value: whole.glossary }, context: { value: whole.context } } : {}) as CheckContext['workspace'];
      const context = Object.create(local, {
        workspace: { value: workspace },
        ...(allowed('config') ? { config: { value: defaultConfig() }, configSpans: { value: new Map() } } : {}),
        ...(allowed('scenarios') ? { scenarios: { value: [] } } : {}),
      }) as CheckContext;
      expect(() => rule.check(context), rule.id).not.toThrow();
    }
  });

  it('refuse a context that would let a rule read the config or other specs', () => {
    const context = specLocalContext([]);
    expect(() => context.config).toThrow(/spec-local rule read the config/);
    expect(() => context.workspace.byId).toThrow(/other specs/);
    expect(() => context.workspace.glossary).toThrow(/glossary/);
  });

  it('give, with the model, exactly what checkWorkspace finds without it', () => {
    const checked = modelAndCheck(jobs);
    const bare = checked.map(({ checked: _, ...model }) => model);
    const run = (files: typeof checked) =>
      checkWorkspace({ workspace: assembleWorkspace(root, files, []), generatedRoot: 'generated', config: defaultConfig(), configSpans: new Map(), scenarios: [] });
    const withFindings = run(checked);
    expect(withFindings).toEqual(run(bare));
    // A mix of both: some models came from the cache with findings, some were modelled here.
    expect(run(checked.map((m, i) => (i % 2 ? m : bare[i]!)))).toEqual(withFindings);
    // The samples hold specs every spec-local rule has something to say about.
    const codes = new Set(checkSpecsLocally(bare).flatMap((byRule) => Object.keys(byRule)));
    expect([...codes].sort()).toEqual(SPEC_LOCAL_RULES.map((r) => r.id).sort());
  });
});
