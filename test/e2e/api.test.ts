/** The public API as users import it: by the package's name, from the built package (package.json exports). */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { repo } from '../helpers/workspaces.js';

describe('public API', () => {
  it('import … from "speccc" gives check, build, the loader, the runtime and the catalogue', async () => {
    const api = await import('speccc');
    for (const name of ['check', 'build', 'loadWorkspace', 'loadConfig', 'createRuntime', 'createGate', 'takeCredentials', 'parseTrace', 'CATALOGUE', 'SPECCC_VERSION']) {
      expect(api, name).toHaveProperty(name);
    }
    const checked = await api.check({ root: path.join(repo, 'test/commands/check/samples/clean') });
    expect(checked).toMatchObject({ specs: 1, errors: 0 });
    // The bundled example is in sync: answered by the stamp, or planned with every job fresh.
    const planned = await api.build({ root: repo, mode: 'plan' });
    if (planned.kind === 'planned') expect([...planned.outcomes.values()].every((o) => o.state === 'fresh')).toBe(true);
    else expect(planned.kind).toBe('up-to-date');
  });
});
