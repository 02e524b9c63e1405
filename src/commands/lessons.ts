import { Option } from 'commander';
import type { Lesson } from '../lessons/review.js';
import { EXIT, inWorkspace, toJson, UsageError, type CliIo, type RegisterCommand } from './shared.js';

interface Flags {
  root?: string;
  accept?: string;
  reject?: string;
  as?: string;
  format: 'text' | 'json';
}

function evidenceLine(l: Lesson): string {
  const e = l.evidence;
  const jobs = e.failedJobs > 0 ? `, ${e.failedJobs} failed job${e.failedJobs === 1 ? '' : 's'}` : '';
  return `${e.occurrences} failed attempt${e.occurrences === 1 ? '' : 's'}${jobs} · ${e.specs.join(', ')} · ${e.runs.length} run${e.runs.length === 1 ? '' : 's'}`;
}

export function formatLessons(lessons: readonly Lesson[]): string {
  if (lessons.length === 0) return 'no lessons: no failure of a spec\'s own checks repeated or ended a job in .speccc/runs/\n';
  const lines: string[] = [];
  for (const l of lessons) {
    if (l.status === 'proposed') {
      lines.push(`${l.n} proposed · ${l.failureClass} · ${evidenceLine(l)}`, `  ${l.text}`, `  accept: speccc lessons --accept ${l.n} [--as "<your words>"]; reject: speccc lessons --reject ${l.n}`);
    } else {
      lines.push(`${l.n} ${l.status} ${l.decidedAt?.slice(0, 10) ?? ''} · ${l.failureClass}${l.status === 'accepted' ? `: ${l.accepted}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

function lessonNumber(flag: string, text: string, lessons: readonly Lesson[]): Lesson {
  const n = Number(text);
  const lesson = /^\s*\d+\s*$/.test(text) ? lessons.find((l) => l.n === n) : undefined;
  if (!lesson) throw new UsageError(`${flag} ${text}: no such lesson; ${lessons.length === 0 ? 'none is proposed' : `the lessons are ${lessons.map((l) => l.n).join(', ')}`} (speccc lessons lists them)`);
  if (lesson.status !== 'proposed') throw new UsageError(`${flag} ${text}: lesson ${lesson.n} was ${lesson.status} on ${lesson.decidedAt?.slice(0, 10) ?? 'an earlier day'}; only a proposed lesson can be accepted or rejected`);
  return lesson;
}

export async function runLessons(io: CliIo, flags: Flags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.accept !== undefined && flags.reject !== undefined) throw new UsageError('--accept and --reject decide one lesson each; give one of them');
    if (flags.as !== undefined && flags.accept === undefined) throw new UsageError('--as words a lesson you accept; add --accept <n>');
    if (flags.as !== undefined && flags.as.trim() === '') throw new UsageError('--as is empty: give the words to add to the rules');
    const { refreshLessons, writeLessons, readRules } = await import('../io/lessons.js');
    const now = new Date().toISOString();
    const { lessons, added } = await refreshLessons(root, now);
    if (flags.accept === undefined && flags.reject === undefined) {
      io.stdout(flags.format === 'json' ? toJson({ lessons, added }) : formatLessons(lessons));
      return EXIT.ok;
    }
    const lesson = lessonNumber(flags.accept !== undefined ? '--accept' : '--reject', flags.accept ?? flags.reject!, lessons);
    const decided = (change: Partial<Lesson>) => lessons.map((l) => (l.n === lesson.n ? { ...l, ...change, decidedAt: now } : l));
    if (flags.reject !== undefined) {
      await writeLessons(root, decided({ status: 'rejected' }));
      io.stdout(`lesson ${lesson.n} rejected; it will not be proposed again\n`);
      return EXIT.ok;
    }
    // Governance changes while no build reads it: the rules are part of every prompt of a build in flight.
    const { acquireWorkspaceLock } = await import('../io/lock.js');
    const { loadConfig } = await import('../io/config-file.js');
    const { writeInside } = await import('../io/safe-write.js');
    const { withRule } = await import('../lessons/review.js');
    const lock = await acquireWorkspaceLock(root, 'lessons');
    try {
      const rules = await readRules(root, (await loadConfig(root)).config.paths.context);
      const words = (flags.as ?? lesson.text).trim();
      const next = withRule(rules.text, words);
      await writeInside(root, rules.file, next.text);
      await writeLessons(root, decided({ status: 'accepted', accepted: words }));
      io.stdout(`✔ lesson ${lesson.n} added to ${rules.file} as ${next.label}. The rules are part of every job's system prompt, so every job key changes: the next build rebuilds every spec (speccc build --dry-run lists them)\n`);
    } finally {
      await lock.release();
    }
    return EXIT.ok;
  });
}

export const registerLessons: RegisterCommand = (program, io, done) => {
  program
    .command('lessons')
    .description("Lessons proposed for context/rules.md from failed and costly builds (the traces' failure classes and first errors), for a person to accept or reject.")
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--accept <n>', 'add lesson n to context/rules.md (part of every later prompt, and so of every job key)')
    .option('--as <text>', 'with --accept: the words to add instead of the proposal')
    .option('--reject <n>', 'reject lesson n: it is never proposed again')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: Flags) => done(runLessons(io, flags)));
};
