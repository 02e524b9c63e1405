/**
 * Context editing in long fix loops: the bundled example's money spec through 4 fix rounds
 * (visible checks fail four times with ~2 KB of output, then pass) against the twin, with the
 * provider sending earlier attempts whole and with it cutting them down (anthropic/conversation.ts
 * elideEarlierAttempts). Reports the input tokens of each round's request (plain + cache reads +
 * cache writes, which is what the context window holds) and the job's bill at Sonnet 5.5 prices.
 * The twin counts tokens deterministically, so one run is exact.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import { loadConfig } from '../src/io/config-file.js';
import { createAnthropicAgent } from '../src/phases/6-generate/anthropic/provider.js';
import { createBudget } from '../src/phases/6-generate/budget.js';
import { nullTrace } from '../src/io/trace.js';
import { costOf, priceOf } from '../src/prices/pricing.js';
import { startTwin, writeFilesReply } from '../src/api-twin/index.js';
import type { Validator } from '../src/types/index.js';
import { repo, type BenchResult } from './util.js';

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
    mutate: async () => ({ result: null, error: 'not scored in this bench', durationMs: 0 }),
    prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
  };
}

const replies = path.join(repo, 'examples/replies/money');
const files = Object.fromEntries(['package.json', 'tsconfig.json', 'src/money.ts', 'src/money.test.ts'].map((f) => [f, readFileSync(path.join(replies, f), 'utf8')]));

async function rounds(contextEditing: boolean) {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-fix-'));
  const twin = await startTwin({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(files) }] });
  try {
    cpSync(path.join(repo, 'context'), path.join(root, 'context'), { recursive: true });
    mkdirSync(path.join(root, 'specs'));
    for (const dir of ['core', 'constraints']) cpSync(path.join(repo, 'specs', dir), path.join(root, 'specs', dir), { recursive: true });
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ validation: { maxFixAttempts: 4 } }));
    const config = (await loadConfig(root)).config;
    const agent = createAnthropicAgent({ apiKey: 'bench-key', baseURL: twin.url, budget: createBudget(null), trace: nullTrace, maxTurns: 6, redact: (t) => t, priceOf: (m) => priceOf(m), maxFileChars: 256_000, contextEditing });
    const runtime = createRuntime({ root, config, credentials: takeCredentials({}), command: 'build', provider: 'anthropic', inject: { agent, validator: failing(4) } });
    const result = await build({ root, mode: 'build', runtime });
    if (result.kind !== 'built' || result.outcomes.get('money')?.state !== 'built') throw new Error('the bench job did not build');
    const usages = twin.messageRequests().map((r) => r.usage!);
    const tokens = usages.map((u) => u.input_tokens + u.cache_read_input_tokens + u.cache_creation_input_tokens);
    const price = priceOf('claude-sonnet-5-5')!;
    const bill = usages.reduce((s, u) => s + costOf(price, { inputTokens: u.input_tokens, outputTokens: u.output_tokens, cacheReadTokens: u.cache_read_input_tokens, cacheWriteTokens: u.cache_creation_input_tokens }), 0);
    return { tokens, bill };
  } finally {
    await twin.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const whole = await rounds(false);
  const edited = await rounds(true);
  const out: BenchResult[] = whole.tokens.map((t, i) => ({
    name: `${i === 0 ? 'first attempt' : `fix round ${i}`}: input tokens, whole -> edited`,
    value: edited.tokens[i]!,
    unit: 'tokens',
    note: `whole ${t}; ${(100 * (1 - edited.tokens[i]! / t)).toFixed(0)}% fewer`,
  }));
  out.push({ name: 'the job (5 requests): bill at Sonnet 5.5 prices', value: edited.bill, unit: 'USD', note: `edited $${edited.bill.toFixed(4)}, whole $${whole.bill.toFixed(4)}` });
  return out;
}
