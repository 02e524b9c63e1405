import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { resolveRoot } from './check.js';

interface SpecSummary {
  spec: string;
  state: string;
  failureClass?: string;
  requests: number;
  retries: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  durationMs: number;
}

type Event = Record<string, unknown> & { type: string; spec?: string };

/** A run's trace -> one summary per spec: what happened, what it cost, how often it retried. */
export function summariseRun(events: Event[]): SpecSummary[] {
  const bySpec = new Map<string, SpecSummary>();
  const of = (spec: string) => {
    let s = bySpec.get(spec);
    if (!s) bySpec.set(spec, (s = { spec, state: 'running', requests: 0, retries: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0, durationMs: 0 }));
    return s;
  };
  for (const e of events) {
    if (!e.spec) continue;
    const s = of(e.spec);
    if (e.type === 'request') {
      s.requests++;
      s.inputTokens += Number(e.inputTokens ?? 0);
      s.outputTokens += Number(e.outputTokens ?? 0);
      s.cacheReadTokens += Number(e.cacheReadTokens ?? 0);
      s.cacheWriteTokens += Number(e.cacheWriteTokens ?? 0);
      s.costUsd += Number(e.costUsd ?? 0);
    } else if (e.type === 'retry') s.retries++;
    else if (e.type === 'job') {
      s.state = String(e.state);
      if (e.failureClass) s.failureClass = String(e.failureClass);
      if (e.durationMs !== undefined) s.durationMs = Number(e.durationMs);
    }
  }
  return [...bySpec.values()].sort((a, b) => (a.spec < b.spec ? -1 : 1));
}

export async function runLog(io: CliIo, runId: string | undefined, flags: { root?: string; format: 'text' | 'json' }): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  const dir = path.join(root, '.speccc', 'runs');
  const runs = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl')).sort();
  const chosen = runId ? runs.find((r) => r === `${runId}.jsonl` || r.startsWith(runId)) : runs.at(-1);
  if (!chosen) {
    io.stderr(runId ? `speccc: no run ${runId} in ${dir}\n` : 'speccc: no build runs recorded yet; run `speccc build`\n');
    return EXIT.usage;
  }
  const events = (await fs.readFile(path.join(dir, chosen), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .flatMap((l): Event[] => {
      try {
        return [JSON.parse(l) as Event];
      } catch {
        return []; // a line cut by a crash
      }
    });
  const specs = summariseRun(events);
  const total = specs.reduce(
    (t, s) => ({ requests: t.requests + s.requests, retries: t.retries + s.retries, input: t.input + s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens, output: t.output + s.outputTokens, cost: t.cost + s.costUsd }),
    { requests: 0, retries: 0, input: 0, output: 0, cost: 0 },
  );
  if (flags.format === 'json') {
    io.stdout(JSON.stringify({ run: chosen.replace(/\.jsonl$/, ''), specs, total }, null, 2) + '\n');
    return EXIT.ok;
  }
  const rows = [
    ['spec', 'status', 'requests', 'retries', 'in tokens', 'cache r/w', 'out tokens', 'cost', 'time'],
    ...specs.map((s) => [
      s.spec,
      s.failureClass ? `${s.state} (${s.failureClass})` : s.state,
      String(s.requests),
      String(s.retries),
      String(s.inputTokens),
      `${s.cacheReadTokens}/${s.cacheWriteTokens}`,
      String(s.outputTokens),
      `$${s.costUsd.toFixed(4)}`,
      `${(s.durationMs / 1000).toFixed(1)} s`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  io.stdout(`run ${chosen.replace(/\.jsonl$/, '')}\n`);
  for (const r of rows) io.stdout(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
  io.stdout(`total: ${total.requests} requests, ${total.retries} retries, ${total.input} input and ${total.output} output tokens, $${total.cost.toFixed(4)}\n`);
  return EXIT.ok;
}

export const registerLog: RegisterCommand = (program, io, done) => {
  program
    .command('log')
    .description('Summarise a build run from its trace: per spec status, tokens, cost, time and retries.')
    .argument('[run-id]', 'run id (default: the latest)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((runId: string | undefined, flags: { root?: string; format: 'text' | 'json' }) => done(runLog(io, runId, flags)));
};
