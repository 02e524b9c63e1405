/**
 * The judge's vitest JSON report -> one verdict per holdout scenario: passed or not, why not as
 * vitest says it, and for a property holdout the seed and run count it ran with and its shrunk
 * counterexample (properties.ts). The judge wrote the report in its own sandbox; it is still
 * parsed defensively, and a scenario missing from it failed. Pure.
 */
import type { HoldoutCheck, PropertyRun, ScenarioVerdict } from '../../types/index.js';
import { isPropertyCheck, propertyStopped, readPropertyFailure } from './properties.js';

interface FileResult {
  passed: boolean;
  /** Every failing test by its full name (`describe › it`), for a report that names each (speccc adopt --check). */
  failedTests?: string[];
  /** The failing test's title and its first failure message, raw. */
  failed?: { title: string; message: string };
}

/** A failure message as people read it first: its first lines, colour codes and stack frames left out. */
function firstLines(message: string): string {
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => !/^\s+at /.test(l) && l.trim() !== '');
  return lines.slice(0, 4).join('\n').slice(0, 600);
}

/** Per test file name: whether it passed and, when not, its first failing test. */
function readVitestReport(text: string | undefined): Map<string, FileResult> {
  const perFile = new Map<string, FileResult>();
  if (!text) return perFile;
  try {
    type Assertion = { title?: unknown; status?: unknown; failureMessages?: unknown };
    const json = JSON.parse(text) as { testResults?: { name?: unknown; status?: unknown; message?: unknown; assertionResults?: Assertion[] }[] };
    for (const r of Array.isArray(json.testResults) ? json.testResults : []) {
      if (typeof r.name !== 'string') continue;
      const failing = (Array.isArray(r.assertionResults) ? r.assertionResults : []).find((a) => a.status === 'failed');
      const message = failing && Array.isArray(failing.failureMessages) && typeof failing.failureMessages[0] === 'string' ? failing.failureMessages[0] : undefined;
      const failed = message !== undefined ? { title: String(failing!.title), message } : typeof r.message === 'string' && r.message ? { title: '', message: r.message } : undefined;
      const passed = r.status === 'passed';
      const failedTests = (Array.isArray(r.assertionResults) ? r.assertionResults : [])
        .filter((a) => a.status === 'failed')
        .map((a) => [...(Array.isArray((a as { ancestorTitles?: unknown }).ancestorTitles) ? ((a as { ancestorTitles: unknown[] }).ancestorTitles.filter((t) => typeof t === 'string') as string[]) : []), String(a.title)].join(' › '));
      perFile.set(r.name.split(/[\\/]/).pop()!, { passed, ...(!passed && failed ? { failed } : {}), ...(failedTests.length > 0 ? { failedTests } : {}) });
    }
  } catch {
    // no usable report: every scenario counts as failed
  }
  return perFile;
}

const withTitle = (title: string, text: string) => (title ? `${title}: ${text}` : text);

/** One property scenario's verdict: its seed and run count always, its counterexample when it failed on one. */
function propertyVerdict(base: ScenarioVerdict, found: FileResult | undefined, run: PropertyRun, stoppedAtMs: number | undefined): ScenarioVerdict {
  if (found?.passed) return { ...base, property: run };
  if (!found && stoppedAtMs !== undefined) return { ...base, ...propertyStopped(run, stoppedAtMs) };
  const read = found?.failed ? readPropertyFailure(found.failed.message, run) : undefined;
  if (!read) return { ...base, property: run };
  return {
    ...base,
    failure: withTitle(found!.failed!.title, read.text),
    property: { ...run, failed: read.failed, ...(read.counterexample !== undefined ? { counterexample: read.counterexample } : {}) },
  };
}

export function scenarioVerdicts(
  checks: readonly HoldoutCheck[],
  report: string | undefined,
  run: { property: PropertyRun | undefined; stoppedAtMs: number | undefined },
): ScenarioVerdict[] {
  const perFile = readVitestReport(report);
  return checks.map((c) => {
    const found = perFile.get(c.file.split('/').pop()!);
    const failure = found?.failed ? withTitle(found.failed.title, firstLines(found.failed.message)) : undefined;
    const base: ScenarioVerdict = {
      name: c.name,
      file: c.file,
      passed: found?.passed === true,
      ...(failure ? { failure } : found ? {} : { failure: 'it did not run (see the run output)' }),
      ...(found?.failedTests ? { failedTests: found.failedTests } : {}),
    };
    return run.property && isPropertyCheck(c.content) ? propertyVerdict(base, found, run.property, run.stoppedAtMs) : base;
  });
}
