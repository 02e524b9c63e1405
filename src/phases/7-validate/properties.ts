/**
 * Property holdouts (docs/scenarios.md, "Property scenarios"): a holdout check that imports
 * fast-check states a property over generated inputs. The judge runs it like every holdout, with
 * fast-check configured for the run by its setup file (assets/judge/setup.mjs): a seed speccc
 * chose, the configured number of runs, a time limit after which the property fails rather than
 * passes, and the failing input's error in the report. This module decides those settings and
 * reads a failure back as people need it: the shrunk counterexample, the seed to replay it, and
 * what kind of failure it was. Pure.
 */
import type { PropertyRun, ScenarioVerdict } from '../../types/index.js';

/** The settings the judge's setup file reads, in the judge's tree beside it. */
export const PROPERTY_SETTINGS = 'property.json';

/** A check is a property holdout when it imports fast-check. */
const IMPORTS_FAST_CHECK = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])fast-check(?:\/[^'"]*)?\1/;

export function isPropertyCheck(content: string): boolean {
  return IMPORTS_FAST_CHECK.test(content);
}

/** A seed for fast-check: a 31-bit integer, chosen per run so that runs explore different inputs. */
export function chooseSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 0x7fffffff);
}

/** The judge's per-test limit; a property is interrupted (and fails) a margin before it. */
export const JUDGE_TEST_TIMEOUT_MS = 10_000;
const INTERRUPT_MARGIN_MS = 2_000;

/** What the judge's setup file hands to `fc.configureGlobal`. */
export function propertySettings(seed: number, runs: number): string {
  return `${JSON.stringify({
    seed,
    numRuns: runs,
    // A property that runs out of time fails with the seed; it never passes on the inputs it reached.
    interruptAfterTimeLimit: JUDGE_TEST_TIMEOUT_MS - INTERRUPT_MARGIN_MS,
    markInterruptAsFailure: true,
    // The failing input's own error goes into the message vitest reports, next to the counterexample.
    includeErrorInReport: true,
  })}\n`;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * A property check's failure message (fast-check's report as vitest recorded it) -> what failed and
 * a one-paragraph text naming the counterexample and the seed. Undefined when the message is not
 * fast-check's (the check failed some other way: an import, a syntax error).
 */
export function readPropertyFailure(message: string, run: PropertyRun): { failed: NonNullable<PropertyRun['failed']>; counterexample?: string; text: string } | undefined {
  const text = message.replace(ANSI, '');
  const seedNote = `seed ${run.seed}, ${run.runs} runs`;
  if (/too many pre-condition failures/i.test(text)) {
    const skipped = /Skipped (\d+) time/.exec(text)?.[1];
    return { failed: 'cannot-generate', text: `the property cannot generate its inputs: too many pre-condition failures${skipped ? ` (${skipped} values skipped, none used)` : ''} (${seedNote})` };
  }
  const interrupted = /Property interrupted after (\d+) tests?/.exec(text);
  if (interrupted) {
    return { failed: 'timed-out', text: `the property timed out after ${interrupted[1]} of ${run.runs} runs (${seedNote})` };
  }
  const failed = /Property failed after (\d+) tests?/.exec(text);
  if (!failed) {
    if (/Test timed out in \d+ ?ms/.test(text)) return { failed: 'timed-out', text: `the property timed out: one run took longer than the judge's ${JUDGE_TEST_TIMEOUT_MS} ms per check (${seedNote})` };
    return undefined;
  }
  const counterexample = /^Counterexample: (.*)$/m.exec(text)?.[1]?.trim();
  const shrunk = /^Shrunk (\d+) time/m.exec(text)?.[1];
  const error = errorLines(text);
  const shown = counterexample === undefined ? '' : ` on ${counterexample.length > 400 ? `${counterexample.slice(0, 399)}…` : counterexample}`;
  return {
    failed: 'counterexample',
    ...(counterexample !== undefined ? { counterexample } : {}),
    text: `the property fails${shown}${shrunk ? ` (shrunk ${shrunk} times)` : ''} after ${failed[1]} runs (${seedNote})${error ? `: ${error}` : ''}`,
  };
}

/** The failing input's error from fast-check's report (`Got error: …`, or `Got ` and its stack), without stack frames. */
function errorLines(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Got '));
  if (at < 0) return '';
  const out = [lines[at]!.replace(/^Got (?:error: )?/, '')];
  for (const line of lines.slice(at + 1)) {
    if (/^\s+at /.test(line) || line.trim() === '' || /^Hint\b/.test(line)) break;
    out.push(line.trim());
  }
  return out.join(' ').slice(0, 400);
}

/** A property scenario that produced no result because the judge's run was stopped at its time limit. */
export function propertyStopped(run: PropertyRun, limitMs: number): Pick<ScenarioVerdict, 'failure'> & { property: PropertyRun } {
  return { failure: `the property timed out: the judge's run was stopped at its limit of ${limitMs} ms (seed ${run.seed}, ${run.runs} runs)`, property: { ...run, failed: 'timed-out' } };
}
