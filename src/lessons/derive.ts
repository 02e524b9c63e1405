/**
 * Run traces -> lessons to propose for context/rules.md. Deterministic: failures of the spec's
 * own checks are grouped by class and by their first compiler error or failing test with the
 * places taken out, across attempts, jobs and runs; a group becomes a proposal when it repeats
 * (two failed attempts or more: a fix loop that paid for the same mistake again) or ended a job
 * as failed. Only classes a rule for the agent can prevent are learned from. Holdout failures
 * never are: a lesson goes into every prompt, and holdout scenarios must never reach one. Pure.
 */
import type { FailureClass, TracedEvent } from '../types/index.js';
import { sha256 } from '../hash.js';

/** The failure classes a line in the rules can prevent; the rest are the machine's, the budget's or the holdouts'. */
export const LEARNABLE: ReadonlySet<FailureClass> = new Set<FailureClass>(['does-not-compile', 'tests-fail', 'checks-weakened', 'missing-output', 'crash', 'timeout']);

export interface Candidate {
  key: string;
  failureClass: FailureClass;
  signature: string;
  text: string;
  evidence: { occurrences: number; failedJobs: number; specs: string[]; runs: string[] };
}

interface Occurrence {
  run: string;
  spec: string;
  failureClass: FailureClass;
  signature: string;
  /** It ended its job as failed. */
  final: boolean;
}

/**
 * A failure line without what differs from one place to the next: a compiler error keeps its
 * code and message, not its file and position; any line loses the job's own prefix.
 */
export function signatureOf(detail: string): string {
  const line = detail.replace(/^visible checks failed after \d+ attempt\(s\): /, '').replace(/\s+/g, ' ').trim();
  const compiler = /\berror (TS\d+): (.*)$/.exec(line);
  return compiler ? `${compiler[1]}: ${compiler[2]}` : line;
}

/** The occurrences of one run: each failed visible check, and each failed job whose failure no check event shows. */
function occurrencesOf(run: { id: string; events: readonly TracedEvent[] }): Occurrence[] {
  const out: Occurrence[] = [];
  for (const e of run.events) {
    if (e.type === 'validation' && e.stage === 'visible' && !e.passed && e.failureClass && LEARNABLE.has(e.failureClass)) {
      out.push({ run: run.id, spec: e.spec, failureClass: e.failureClass, signature: signatureOf(e.detail ?? ''), final: false });
    }
    if (e.type !== 'job' || e.state !== 'failed' || !e.failureClass || !LEARNABLE.has(e.failureClass)) continue;
    const signature = signatureOf(e.error ?? '');
    // The failed job's last attempt is usually the check event just seen: mark it final rather than count it twice.
    const last = [...out].reverse().find((o) => o.spec === e.spec && o.run === run.id);
    if (last && last.failureClass === e.failureClass) last.final = true;
    else out.push({ run: run.id, spec: e.spec, failureClass: e.failureClass, signature, final: true });
  }
  return out;
}

const specList = (specs: string[]) => specs.map((s) => `\`${s}\``).join(', ');

/** The proposed wording: an instruction to the agent, with what it is learned from. A person may accept other words. */
export function lessonText(failureClass: FailureClass, signature: string, evidence: Candidate['evidence']): string {
  const seen = `${evidence.occurrences} attempt${evidence.occurrences === 1 ? '' : 's'} at ${specList(evidence.specs)}`;
  const quoted = signature ? ` \`${signature.replace(/`/g, "'")}\`` : '';
  switch (failureClass) {
    case 'does-not-compile':
      return `Write code that type-checks under strict TypeScript on the first try; the compiler rejected ${seen} with${quoted || ' errors'}.`;
    case 'tests-fail':
      return `Make the code and its own tests agree before writing them: ${seen} failed on${quoted || ' their own tests'}.`;
    case 'checks-weakened':
      return `Never switch a check off (\`@ts-nocheck\`, \`@ts-ignore\`, \`@ts-expect-error\`, a mock of the module under test, code that detects a test run): ${seen} were refused for it${quoted ? `:${quoted}` : ''}.`;
    case 'missing-output': {
      const files = signature.replace(/^the agent did not write /, '');
      return `Write every file the job lists, all of them in one reply: ${seen} ended without ${files ? `\`${files}\`` : 'one of them'}.`;
    }
    case 'crash':
      return `Code and tests must not crash the test process (no process.exit, no unhandled rejection, no unbounded recursion): ${seen} crashed${quoted ? ` with${quoted}` : ''}.`;
    case 'timeout':
      return `Keep every test fast and bounded (no real timers or waits, no unbounded loops): ${seen} ran past the time limit${quoted ? ` at${quoted}` : ''}.`;
    default:
      return `${seen} failed with ${failureClass}${quoted ? `:${quoted}` : ''}.`;
  }
}

/** Every lesson the traces support, in the order their failures first appear. */
export function deriveLessons(runs: readonly { id: string; events: readonly TracedEvent[] }[]): Candidate[] {
  const groups = new Map<string, Occurrence[]>();
  for (const run of runs) {
    if (!run.events.some((e) => e.type === 'run-start' && (e.command === 'build' || e.command === 'watch'))) continue;
    for (const o of occurrencesOf(run)) {
      const key = sha256(`${o.failureClass}\0${o.signature}`).slice(0, 12);
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
  }
  const out: Candidate[] = [];
  for (const [key, list] of groups) {
    const failedJobs = list.filter((o) => o.final).length;
    if (list.length < 2 && failedJobs === 0) continue;
    const first = list[0]!;
    const evidence = { occurrences: list.length, failedJobs, specs: [...new Set(list.map((o) => o.spec))].sort(), runs: [...new Set(list.map((o) => o.run))] };
    out.push({ key, failureClass: first.failureClass, signature: first.signature, text: lessonText(first.failureClass, first.signature, evidence), evidence });
  }
  return out;
}
