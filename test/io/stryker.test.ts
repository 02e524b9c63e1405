/**
 * Stryker is an optional peer dependency (src/io/stryker.ts): without it, or with one that cannot
 * run on this Node, the commands that need it stop with one line saying what to install.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkStryker } from '../../src/io/stryker.js';
import { requireStryker } from '../../src/commands/stryker.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

/** A project folder with the given packages in node_modules; returns a module URL inside it to resolve from. */
function project(packages: Record<string, object>): string {
  const root = workspaces.empty('speccc-stryker-');
  for (const [name, json] of Object.entries(packages)) {
    mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, ...json }));
  }
  return pathToFileURL(path.join(root, 'index.js')).href;
}

const stryker = (version: string, node: string) => ({
  '@stryker-mutator/core': { version, engines: { node } },
  '@stryker-mutator/vitest-runner': { version },
});

describe('checkStryker', () => {
  it('without Stryker: what to install, for Node 22 and later', () => {
    expect(checkStryker('v22.12.0', project({}))).toEqual({
      ok: false,
      message: 'mutation testing needs @stryker-mutator/core 10; run `npm i -D @stryker-mutator/core@10 @stryker-mutator/vitest-runner@10`',
    });
  });

  it('without Stryker on Node 20: version 9, and why not 10', () => {
    const check = checkStryker('v20.20.2', project({}));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toBe('mutation testing needs @stryker-mutator/core 9 (Stryker 10 needs Node 22 or later; this is Node 20.20.2); run `npm i -D @stryker-mutator/core@9 @stryker-mutator/vitest-runner@9`');
  });

  it('core without its vitest runner is not enough', () => {
    expect(checkStryker('v22.12.0', project({ '@stryker-mutator/core': { version: '10.1.1', engines: { node: '>=22.0.0' } } })).ok).toBe(false);
  });

  it('Stryker 10 on Node 20 is refused before Stryker refuses with a stack trace', () => {
    const check = checkStryker('v20.20.2', project(stryker('10.1.1', '>=22.0.0')));
    expect(!check.ok && check.message).toMatch(/found 10\.1\.1, which needs Node 22 or later\)$/);
    expect(checkStryker('v22.12.0', project(stryker('10.1.1', '>=22.0.0')))).toEqual({ ok: true, version: '10.1.1' });
  });

  it('a major speccc does not write the configuration of is refused', () => {
    const check = checkStryker('v22.12.0', project(stryker('8.7.1', '>=18.0.0')));
    expect(!check.ok && check.message).toMatch(/\(found 8\.7\.1\)$/);
    expect(checkStryker('v20.20.2', project(stryker('9.6.1', '>=20.0.0')))).toEqual({ ok: true, version: '9.6.1' });
  });

  it('this repository has it as a devDependency, so --mutate runs here', () => {
    expect(checkStryker().ok).toBe(true);
    expect(() => requireStryker()).not.toThrow();
  });
});
