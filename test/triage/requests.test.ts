/** Requests as they come in, and the pre-checks that decide some of them without a model. */
import { describe, expect, it } from 'vitest';
import { requestFromMarkdown, requestsFromIssues } from '../../src/triage/requests.js';
import { governanceTarget, precheck } from '../../src/triage/precheck.js';
import { missionLineOf } from '../../src/triage/decision.js';
import type { TriageRequest } from '../../src/triage/types.js';

const request = (title: string, body = ''): TriageRequest => ({ id: 'r', title, body, labels: [], url: null, source: 'test' });
const CONTEXT = ['context/mission.md', 'context/rules.md'];

describe('triage input', () => {
  it('reads gh issue list and gh issue view output, and locates each item it cannot use', () => {
    const list = requestsFromIssues('i.json', '[\n  {"number": 4, "title": " Totals ", "body": null, "labels": [{"name": "bug"}], "url": "u"},\n  {"title": "no number"},\n  "text",\n  {"number": 4, "title": "again"}\n]');
    expect(list.requests.map((r) => [r.id, r.title, r.body, r.labels])).toEqual([['gh-4', 'Totals', '', ['bug']]]);
    expect(list.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:3 item 2 has no issue `number` (a whole number); add `number` to `gh issue list --json`',
      '4:3 item 3 is a string; expected an issue object with `number` and `title`',
      '5:3 issue 4 appears twice in this file',
    ]);
    expect(requestsFromIssues('one.json', '{"number": 9, "title": "One"}').requests.map((r) => r.id)).toEqual(['gh-9']);
    expect(requestsFromIssues('e.json', '  \n').problems[0]!.message).toMatch(/^the file is empty/);
    expect(requestFromMarkdown('ideas/Faster Totals.md', 'Make totals faster\nplease').requests[0]).toMatchObject({ id: 'faster-totals', title: 'Make totals faster', body: 'please' });
  });

  it('refuses changes to governance by a change verb in the sentence that names a context file, and only then', () => {
    expect(governanceTarget(request('Allow floats', 'Please update context/rules.md to allow floats.'), CONTEXT, 'context')).toBe('context/rules.md');
    expect(governanceTarget(request('Edit mission.md: add refunds'), CONTEXT, 'context')).toBe('context/mission.md');
    expect(governanceTarget(request('CSV export', 'Add a CSV export. The scope is in context/mission.md.'), CONTEXT, 'context')).toBeNull();
    const decided = precheck(request('Money'), { specs: [{ id: 'money', title: 'Money', file: 'specs/money.md', status: 'ready', kind: 'architecture' }], decided: new Map(), contextFiles: CONTEXT, contextDir: 'context' });
    expect(decided).toMatchObject({ kind: 'decided', decision: { decision: 'duplicate', duplicateOf: 'money', by: 'pre-check' } });
  });

  it('finds the mission line a rejection quotes, as written there, and nothing made up', () => {
    const mission = '# Mission\n\n## Out of scope\n\n- Payment processing and refunds.\n- **Storing** invoices, rendering PDFs.\n';
    expect(missionLineOf(mission, 'payment processing and refunds')).toBe('- Payment processing and refunds.');
    expect(missionLineOf(mission, '"Storing invoices"')).toBe('- **Storing** invoices, rendering PDFs.');
    expect(missionLineOf(mission, 'No refunds ever.')).toBeNull();
    expect(missionLineOf(mission, 'refunds')).toBeNull(); // too short to be a quote of a line
  });
});
