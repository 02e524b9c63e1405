/**
 * The fix loop and holdout isolation against the twin, through the Anthropic provider and the
 * real SDK: the first answer fails its tests, the failure reaches the second request, the
 * second answer passes and is promoted; holdout text never appears in any request.
 */
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../helpers/runtime.js';
import { writeFilesSequence } from '../../../src/api-twin/index.js';
import { money, moneyUnproven } from '../../helpers/provider.js';
import { repo } from '../../helpers/workspaces.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';

const twins = useTwin({ scope: 'all' });
const workspaces = useTempWorkspace({ scope: 'all' });

describe('fix loop against the twin', () => {
  it('a failing first answer is fixed in the same conversation and promoted; holdouts never reach the model', async () => {
    const broken = { ...money, 'src/money.ts': money['src/money.ts'].replace('return sign * rounded + 0;', 'return sign * quotient + 0;') };
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesSequence([broken, moneyUnproven]) }] });
    const root = workspaces.moneyOnly();
    cpSync(path.join(repo, 'scenarios/money'), path.join(root, 'scenarios/money'), { recursive: true });
    const result = view(await buildWith(root, undefined, { validator: 'sealed', env: twin.env() }));

    expect(result.outcomes.get('money')).toMatchObject({ state: 'built', attempts: 2 });
    const requests = twin.messageRequests();
    const fix = requests.find((r) => r.rawBody.includes('did not pass validation'))!;
    expect(fix).toBeDefined();
    expect(fix.rawBody).toContain('half-even rounding of a tie'); // the failing test's name reached the model
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toContain('return sign * rounded + 0;');
    for (const file of readdirSync(path.join(root, 'scenarios/money'))) {
      const body = readFileSync(path.join(root, 'scenarios/money', file), 'utf8');
      for (const line of body.split('\n').filter((l) => l.trim().length > 25)) expect(twin.anyRequestContains(line.trim())).toBe(false);
    }
  }, 90_000);
});
