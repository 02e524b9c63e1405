/**
 * The bundled example built into a temp folder the way a user's factory would leave it, for
 * `speccc report` tests: two real builds (real plan, job keys, run traces, result store,
 * manifest and promotion) with the scripted example agent and a validator that passes visible
 * checks and answers holdouts from the real scenario files, so no sealed child process runs.
 *
 *   setup  line-items' holdout scenario is removed from the copy, so one spec is unverified
 *   run 1  every spec built
 *   edit   a rule of discount-codes
 *   run 2  discount-codes fails its holdout scenario; generated/ keeps run 1's output
 *   edit   a rule of invoice-totals (stale, but it waits for discount-codes: blocked)
 *   run 3  (only with `cancelled: true`) Ctrl-C while the agent works on discount-codes: the run
 *          is cancelled, invoice-totals with it
 *   verify two recorded verify runs: an old one where invoice-totals failed, a later one where all
 *          pass and `--mutate` scored money at 87.5%
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readHoldoutSet } from '../../src/io/holdouts.js';
import type { Validator } from '../../src/types/index.js';
import { exampleReplies } from '../helpers/example-replies.js';
import { fakeAgent, specIdOf } from '../helpers/fake-agent.js';
import { buildWith, ran } from '../helpers/runtime.js';
import { exampleCopy } from '../helpers/workspaces.js';

export const FAILING_SPEC = 'discount-codes';
/** The failing spec's holdout scenario as the report shows it: the title of its plain-language file. */
export const FAILING_SCENARIO = 'Codes typed by customers are matched forgivingly';

function edit(root: string, file: string, from: string, to: string): void {
  const p = path.join(root, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}: update this helper`);
  writeFileSync(p, text.replace(from, to));
}

export async function exampleWithFailingHoldout(temps: string[], options: { cancelled?: boolean } = {}): Promise<{ root: string; runs: string[] }> {
  const root = exampleCopy(temps, ['specs', 'context', 'scenarios']);
  rmSync(path.join(root, 'scenarios/line-items'), { recursive: true, force: true });
  const replies = exampleReplies();
  const ctrlC = new AbortController();
  let cancelOn: string | null = null;
  const { agent } = fakeAgent((task) => {
    if (specIdOf(task) !== cancelOn) return { files: replies[specIdOf(task)] ?? {} };
    ctrlC.abort(); // what Ctrl-C does to `speccc build`: the build's signal fires while the agent works
    return { status: 'aborted', error: 'cancelled' };
  });
  const holdouts = await readHoldoutSet(path.join(root, 'scenarios'));
  let failing: string | null = null;
  const validator: Validator = {
    visible: async () => ({ passed: true, feedback: '', durationMs: 3 }),
    holdout: async ({ specId }) => {
      const passed = specId !== failing;
      const scenarios = (holdouts.get(specId) ?? []).map((c) => ({ name: c.name, file: c.file, passed }));
      return { passed, ...(passed ? {} : { failureClass: 'holdout-fails' as const }), feedback: passed ? '' : 'expected SPRING to be applied', durationMs: 3, scenarios };
    },
    mutate: async () => ({ result: null, error: 'not scored here', durationMs: 0 }),
  prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
  };

  const first = ran(await buildWith(root, agent, { validator }));
  edit(root, 'specs/features/discount-codes.md', 'An empty list of codes gives a discount of 0', 'An empty list of codes gives a discount of exactly 0');
  failing = FAILING_SPEC;
  const second = ran(await buildWith(root, agent, { validator }));
  edit(root, 'specs/features/invoice-totals.md', '## Rules\n', '## Rules\n\n- Totals are reported in integer cents.\n');
  const third = options.cancelled ? ((cancelOn = FAILING_SPEC), ran(await buildWith(root, agent, { validator, signal: ctrlC.signal }))) : null;

  const verify = path.join(root, '.speccc/verify');
  mkdirSync(verify, { recursive: true });
  const line = (at: string, failed: string[], mutation?: { spec: string; score: number }) => ({
    at,
    results: [
      { spec: 'discount-codes', scenario: 'codes-are-forgiving', passed: !failed.includes('discount-codes') },
      { spec: 'invoice-totals', scenario: 'reconcile-by-hand', passed: !failed.includes('invoice-totals') },
      { spec: 'money', scenario: 'negative-ties', passed: !failed.includes('money') },
    ],
    unverified: ['line-items'],
    ...(mutation ? { mutation: [{ ...mutation, killed: 7, survived: 1, timedOut: 0, noCoverage: 0, total: 8, durationMs: 1200 }] } : {}),
  });
  const now = new Date().toISOString();
  writeFileSync(path.join(verify, 'history.jsonl'), [line('2020-01-01T00:00:00.000Z', ['invoice-totals']), line(now, [], { spec: 'money', score: 87.5 })].map((l) => JSON.stringify(l)).join('\n') + '\n');
  return { root, runs: [first, second, ...(third ? [third] : [])].map((r) => (r.kind === 'built' ? r.runId : '')) };
}
