/**
 * The invariant the verdict exists for: at any moment, `build` exit 0 implies `verify` exit 0.
 * Checked as a property over random sequences of builds, spec edits and reverts, holdouts added
 * (passing or failing) and removed, and builds killed part-way, each through the CLI against the
 * twin with the real sealed validator, on the chain fixture's slugify spec.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';
import { repo } from '../../helpers/workspaces.js';

const twin = useTwin();
const workspaces = useTempWorkspace();
const FIXTURE = 'test/fixtures/chain';

const CHECK = (expectation: string) => `import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';

it('a title of symbols', () => {
  ${expectation}
});
`;
const FAILING = CHECK("expect(() => slugify('!!')).toThrow();");
const PASSING = CHECK("expect(slugify('!!')).toBe('');");

type Op = 'build' | 'edit' | 'revert' | 'add-failing' | 'add-passing' | 'remove' | 'kill';

describe('one verdict on every path', () => {
  it('build exit 0 implies verify exit 0, over random sequences of edits, reverts, holdouts and killed builds', async () => {
    await twin.replies(path.join(repo, FIXTURE, 'replies'));
    const op = fc.constantFrom<Op>('build', 'edit', 'revert', 'add-failing', 'add-passing', 'remove', 'kill');
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 4 }), async (ops) => {
        const root = workspaces.copy(FIXTURE, ['replies', 'specs/wordcount.md', 'specs/headline.md', 'specs/summary.md', 'scenarios/wordcount', 'scenarios/headline', 'scenarios/summary']);
        const spec = path.join(root, 'specs/slugify.md');
        const original = readFileSync(spec, 'utf8');
        const extra = path.join(root, 'scenarios/slugify/symbols.test.ts');
        for (const o of [...ops, 'build' as const]) {
          if (o === 'edit') writeFileSync(spec, original.replace('Turns a title into', `Turns a title (${Math.random().toString(36).slice(2, 6)}) into`));
          else if (o === 'revert') writeFileSync(spec, original);
          else if (o === 'add-failing') writeFileSync(extra, FAILING);
          else if (o === 'add-passing') writeFileSync(extra, PASSING);
          else if (o === 'remove') rmSync(extra, { force: true });
          else if (o === 'kill') {
            const stop = new AbortController();
            setTimeout(() => stop.abort(), 400);
            await runCli(['build'], { cwd: root, env: twin.env(), signal: stop.signal });
          } else {
            const built = await runCli(['build'], { cwd: root, env: twin.env() });
            if (built.code !== 0) continue;
            const verified = await runCli(['verify'], { cwd: root });
            expect(verified.code, `after ${ops.join(', ')}: build said\n${built.stdout}\nverify said\n${verified.stdout}`).toBe(0);
          }
        }
      }),
      { numRuns: 3 },
    );
  }, 300_000);
});
