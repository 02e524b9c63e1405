import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_CLASSES, failureClassInfo } from '../../src/report/failure-classes.js';
import type { FailureClass } from '../../src/types/index.js';

/** Every FailureClass the trace can carry: a new one fails to compile here until it has a label and a hint. */
const TRACE_CLASSES: Record<FailureClass, true> = {
  'missing-output': true, 'does-not-compile': true, 'tests-fail': true, 'checks-weakened': true, 'holdout-fails': true, 'mutation-score-low': true, unverified: true, timeout: true, crash: true,
  'sandbox-refused': true, 'budget-exhausted': true, 'agent-gave-up': true, refused: true,
  'context-window-exceeded': true, 'output-limit-reached': true, 'api-error': true, cancelled: true,
};

describe('the failure taxonomy', () => {
  it('gives every class a label and a one-line hint that names a part of the spec or says it is not the spec', () => {
    for (const cls of [...Object.keys(TRACE_CLASSES), 'spec-incomplete']) {
      const { label, hint } = failureClassInfo(cls, { scenariosDir: 'scenarios' });
      expect(label, cls).not.toBe(cls);
      expect(hint, cls).not.toContain('\n');
      expect(hint, cls).toMatch(/^(?:Not the spec: |Fix the errors |(?:What|Who|Outputs|Rules|Edge cases|Evaluation|Constraints|budget_usd)\b)/);
    }
    expect(failureClassInfo('from-a-newer-speccc', { scenariosDir: 'scenarios' })).toEqual({ label: 'from-a-newer-speccc', hint: expect.stringContaining('Unknown failure class') });
  });

  it('names the scenarios folder the workspace configures, not a fixed one', () => {
    expect(failureClassInfo('unverified', { scenariosDir: 'scenarios' }).hint).toContain('under scenarios/<spec-id>/');
    expect(failureClassInfo('unverified', { scenariosDir: '../holdouts/' }).hint).toContain('under ../holdouts/<spec-id>/');
    for (const cls of Object.keys(FAILURE_CLASSES)) expect(failureClassInfo(cls, { scenariosDir: 'x' }).hint).not.toContain('<paths.scenarios>');
  });

  it('is documented in docs/report.md, row for row', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/report.md'), 'utf8');
    for (const [cls, { label, hint }] of Object.entries(FAILURE_CLASSES)) expect(doc).toContain(`| \`${cls}\` | ${label} | ${hint.replace(/\|/g, '\\|')} |`);
  });
});
