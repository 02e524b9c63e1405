/**
 * What a run with service twins adds to a tree besides the launcher (io): the folder it lives in
 * and the vitest hook that resets every twin before each test. Used by the validator's runs and by
 * the mutation plan alike (its own module, so neither imports the other for it).
 */
import { RESET_HOOK, type ServiceTwin } from '../../types/index.js';

/**
 * A vitest setup file: before every test, each twin is reset to a fresh instance (faults and its
 * request log cleared), so no scenario sees what another left behind.
 */
export function twinResetHook(twins: readonly ServiceTwin[]): string {
  return [
    '// Written by speccc: every test starts with fresh service twins (docs/twins.md).',
    "import { beforeEach } from 'vitest';",
    `const names = ${JSON.stringify(twins.map((t) => t.env))};`,
    'beforeEach(async () => {',
    '  for (const name of names) {',
    '    const url = process.env[name];',
    '    if (!url) continue;',
    "    const answer = await fetch(`${url}/__twin/reset`, { method: 'POST' });",
    '    if (!answer.ok) throw new Error(`speccc: resetting the twin at ${name} failed: ${answer.status} ${await answer.text()}`);',
    '  }',
    '});',
    '',
  ].join('\n');
}
