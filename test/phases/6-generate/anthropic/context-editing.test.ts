/**
 * Context editing in long fix loops: from the second fix attempt on, the provider sends earlier
 * attempts cut down to placeholders (the files they wrote, long tool results, old failure output)
 * while the job prompt, the latest attempt and the latest fix request go whole, and thinking
 * blocks go back untouched (the twin verifies their signatures). A job through 4 fix rounds sends
 * fewer input tokens per round than the same job without editing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../../helpers/runtime.js';
import { writeFilesReply } from '../../../../src/api-twin/index.js';
import type { Validator } from '../../../../src/types/index.js';
import { agentFor, money } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

/** Visible checks fail `times` times with ~2 KB of output each (a different line each round), then pass. */
function failing(times: number): Validator {
  let calls = 0;
  return {
    visible: async () => {
      calls += 1;
      if (calls > times) return { passed: true, feedback: '', durationMs: 0 };
      const output = Array.from({ length: 40 }, (_, i) => `round ${calls}: money.test.ts > rounds half up > case ${i}: expected 3 to be 4`).join('\n');
      return { passed: false, failureClass: 'tests-fail', feedback: output, durationMs: 0 };
    },
    holdout: async () => ({ passed: true, feedback: '', durationMs: 0, scenarios: [] }),
    mutate: async () => ({ result: null, error: 'not scored', durationMs: 0 }),
    prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
  };
}

/** Input tokens of each request (plain, cache reads and cache writes): one request per attempt here. */
async function fixRounds(contextEditing: boolean) {
  const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(money) }] });
  const root = workspaces.moneyOnly();
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ validation: { maxFixAttempts: 4 } }));
  const { agent } = agentFor(root, twin.url, { contextEditing });
  const outcome = view(await buildWith(root, agent, { validator: failing(4) })).outcomes.get('money')!;
  const requests = twin.messageRequests();
  const tokens = requests.map((r) => r.usage!.input_tokens + r.usage!.cache_read_input_tokens + r.usage!.cache_creation_input_tokens);
  const result = { outcome, requests, tokens };
  await twin.close();
  return result;
}

type Block = { type: string; name?: string; input?: { content?: string }; text?: string; content?: string };
type Sent = { messages: { role: string; content: string | Block[] }[] };

describe('context editing in a fix loop', () => {
  it('through 4 fix rounds: the same job, fewer input tokens from the second fix round on; every request accepted', async () => {
    const whole = await fixRounds(false);
    const edited = await fixRounds(true);
    for (const run of [whole, edited]) {
      expect(run.outcome).toMatchObject({ state: 'built', attempts: 5 });
      expect(run.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    }
    // The first attempt and the first fix round send the same conversation either way.
    expect(edited.tokens.slice(0, 2)).toEqual(whole.tokens.slice(0, 2));
    for (const round of [2, 3, 4]) expect(edited.tokens[round]!).toBeLessThan(whole.tokens[round]!);
    // Without editing every round resends every earlier attempt; with it, a round costs about the same as the one before.
    expect(whole.tokens[4]! - whole.tokens[2]!).toBeGreaterThan(2 * (edited.tokens[4]! - edited.tokens[2]!));
  }, 60_000);

  it('keeps the spec, the latest attempt and the latest failures whole; cuts the rest; leaves thinking blocks alone', async () => {
    const { requests } = await fixRounds(true);
    const last = requests.at(-1)!.body as Sent;
    const blocks = (i: number) => last.messages[i]!.content as Block[];
    const assistants = last.messages.flatMap((m, i) => (m.role === 'assistant' ? [i] : []));
    expect(assistants).toHaveLength(4);
    expect(typeof last.messages[0]!.content === 'string' ? last.messages[0]!.content : '').toContain('speccc-spec-id: money');
    const writes = (i: number) => blocks(i).filter((b) => b.type === 'tool_use' && b.name === 'write_file').map((b) => b.input!.content!);
    for (const i of assistants.slice(0, -1)) {
      expect(blocks(i)[0]!.type).toBe('thinking');
      expect(writes(i).every((c) => /^\[\d+ characters elided: an earlier attempt at this file/.test(c))).toBe(true);
    }
    expect(writes(assistants.at(-1)!)).toEqual(Object.values(money));
    const text = (i: number) => blocks(i).filter((b) => b.type === 'text').map((b) => b.text!).join('\n');
    expect(text(last.messages.length - 1)).toContain('round 4: money.test.ts');
    expect(text(assistants.at(-1)! - 1)).toContain('An earlier fix request, elided');
    expect(JSON.stringify(last)).not.toContain('round 1: money.test.ts');
  }, 60_000);
});
