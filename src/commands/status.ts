import { Option } from 'commander';
import type { QueueEntry, ReportModel } from '../report/model.js';
import { EXIT, inWorkspace, toJson, type CliIo, type RegisterCommand } from './shared.js';

const MAX_WHY = 110;

const clip = (text: string) => (text.length > MAX_WHY ? `${text.slice(0, MAX_WHY - 1)}…` : text);

const SECTIONS: [keyof ReportModel['queue'], string][] = [
  ['waiting', 'waiting (speccc build --next N takes from the top)'],
  ['running', 'running'],
  ['failed', 'failed (a person acts before it is built again)'],
  ['held', 'held (proposed or draft: a person makes it ready; blocked: fix what blocks it)'],
  ['shipped', 'shipped'],
];

/** The queue as a person scans it: counts, then each non-empty section, most urgent first. */
export function formatQueue(queue: ReportModel['queue'], priorityLabel: (rank: number) => string): string {
  const counts = SECTIONS.map(([key]) => `${queue[key].length} ${key}`).join(', ');
  const lines = [`queue: ${counts}`];
  for (const [key, heading] of SECTIONS) {
    const entries = queue[key];
    if (entries.length === 0) continue;
    lines.push(`${heading}:`);
    const idWidth = Math.max(...entries.map((e) => e.id.length));
    const label = (e: QueueEntry) => (key === 'waiting' ? priorityLabel(e.priority) : key === 'failed' ? (e.failureClass ?? 'failed') : key === 'running' ? (e.run ?? '') : e.stage);
    const labelWidth = Math.max(...entries.map((e) => label(e).length));
    entries.forEach((e, i) => {
      const place = key === 'waiting' ? `${String(i + 1).padStart(String(entries.length).length)}. ` : '';
      lines.push(`  ${place}${e.id.padEnd(idWidth)}  ${label(e).padEnd(labelWidth)}  ${clip(e.why)}`.trimEnd());
    });
  }
  return lines.join('\n') + '\n';
}

export async function runStatus(io: CliIo, flags: { root?: string; format: 'text' | 'json' }): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { gatherReport } = await import('./report.js');
    const { priorityLabel } = await import('../report/queue.js');
    const model = await gatherReport(io, root);
    const lessons = await proposedLessons(io, root);
    if (flags.format === 'json') io.stdout(toJson({ queue: model.queue, lessonsProposed: lessons }));
    else io.stdout(`${formatQueue(model.queue, priorityLabel)}${lessons.length > 0 ? `lessons: ${lessons.join(', ')} proposed for the rules, waiting for a person (speccc lessons)\n` : ''}`);
    return EXIT.ok;
  });
}

/**
 * The numbers of the lessons waiting for a person's decision, as the review file has them (read
 * only: status proposes nothing). A broken file is a warning here; `speccc lessons` names it.
 */
async function proposedLessons(io: CliIo, root: string): Promise<number[]> {
  const { readLessons } = await import('../io/lessons.js');
  const { CorruptStateError } = await import('../io/promote.js');
  try {
    return (await readLessons(root)).filter((l) => l.status === 'proposed').map((l) => l.n);
  } catch (error) {
    if (!(error instanceof CorruptStateError)) throw error;
    io.stderr(`speccc: warning: ${error.message}\n`);
    return [];
  }
}

export const registerStatus: RegisterCommand = (program, io, done) => {
  program
    .command('status')
    .description('The spec queue: what waits to be built (in the order build --next takes it), what is building, what failed, what shipped, what waits for a person.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { root?: string; format: 'text' | 'json' }) => done(runStatus(io, flags)));
};
