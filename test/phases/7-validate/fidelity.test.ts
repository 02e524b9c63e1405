/** Twin fidelity, the pure part: recordings read (JSON lines, HAR), replay plans, differences found and shown. */
import { describe, expect, it } from 'vitest';
import { compareReplay, formatDifference, parseRecording, replayPlan, resolvePointer, type ReplayReport } from '../../../src/phases/7-validate/fidelity.js';

const lines = (...objects: unknown[]) => objects.map((o) => JSON.stringify(o)).join('\n') + '\n';

const charges = lines(
  { note: 'recorded 2026-05-02 against the sandbox account' },
  { compare: { headers: ['content-type', 'retry-after'], ignore: ['/id', '/created'] } },
  { state: { charges: [] } },
  {
    request: { method: 'post', url: 'https://api.pay.example/v1/charges?expand=x', headers: { 'Content-Type': 'application/json', Host: 'api.pay.example' }, body: { amount: 1250, currency: 'eur' } },
    response: { status: 201, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { id: 'ch_3MmlLrLkdIwHu7ix', created: 1714600000, amount: 1250, currency: 'eur', status: 'succeeded' } },
  },
  { request: { method: 'GET', path: '/v1/charges/ch_3MmlLrLkdIwHu7ix' }, response: { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 'ch_3MmlLrLkdIwHu7ix', created: 1714600000, amount: 1250, currency: 'eur', refunds: [{ amount: 0 }] } } },
  'not json',
);

describe('recordings', () => {
  it('reads JSON lines: compare settings, state, exchanges; a line that is none of them is a problem, not a crash', () => {
    const r = parseRecording('charges.jsonl', charges.replace('"not json"', 'not json'));
    expect(r.steps.map((s) => s.kind)).toEqual(['state', 'exchange', 'exchange']);
    const post = r.steps[1]!;
    expect(post).toMatchObject({ at: 'charges.jsonl:4', request: { method: 'POST', path: '/v1/charges?expand=x', headers: { 'content-type': 'application/json', host: 'api.pay.example' } }, compare: { headers: ['content-type', 'retry-after'], ignore: ['/id', '/created'] } });
    expect(r.problems).toEqual([{ at: 'charges.jsonl:6', message: expect.stringMatching(/^not JSON: /) }]);
  });

  it('reads HAR, whose bodies are text', () => {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            request: { method: 'POST', url: 'https://api.pay.example/v1/charges', headers: [{ name: 'Content-Type', value: 'application/json' }], postData: { mimeType: 'application/json', text: '{"amount":5}' } },
            response: { status: 400, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: '{"error":"amount_too_small"}' } },
          },
        ],
      },
    });
    const r = parseRecording('session.har', har);
    expect(r.problems).toEqual([]);
    expect(r.steps).toEqual([
      { kind: 'exchange', at: 'session.har#1', request: { method: 'POST', path: '/v1/charges', headers: { 'content-type': 'application/json' }, body: { amount: 5 } }, response: { status: 400, headers: { 'content-type': 'application/json' }, headersRecorded: true, body: { error: 'amount_too_small' } }, compare: { headers: ['content-type'], ignore: [] } },
    ]);
  });

  it('resolves pointers with wildcards', () => {
    expect(resolvePointer({ data: [{ id: 'a' }, { id: 'b' }], 'x/y': 1 }, '/data/*/id')).toEqual([['/data/0/id', 'a'], ['/data/1/id', 'b']]);
    expect(resolvePointer({ 'x/y': 1 }, '/x~1y')).toEqual([['/x~1y', 1]]);
  });
});

describe('comparing a replay', () => {
  const recording = parseRecording('charges.jsonl', charges.split('\n').slice(0, 5).join('\n'));

  it('plans ids the twin will make up as captures, so later requests ask for the twin’s own', () => {
    const plan = replayPlan([recording], 'SPECCC_TWIN_PAYMENTS_URL');
    expect(plan.files[0]!.steps[1]).toMatchObject({ request: { method: 'POST', body: '{"amount":1250,"currency":"eur"}' }, captures: [{ pointer: '/id', recorded: 'ch_3MmlLrLkdIwHu7ix' }] });
  });

  it('finds nothing when the twin answers as recorded, ids and ignored fields aside', () => {
    const report: ReplayReport = {
      files: [
        {
          file: 'charges.jsonl',
          captures: [['ch_3MmlLrLkdIwHu7ix', 'ch_1']],
          results: [
            { at: 'charges.jsonl:3', state: 'ok' },
            { at: 'charges.jsonl:4', status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"ch_1","created":1,"amount":1250,"currency":"eur","status":"succeeded"}' },
            { at: 'charges.jsonl:5', status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"ch_1","created":1,"amount":1250,"currency":"eur","refunds":[{"amount":0}]}' },
          ],
        },
      ],
    };
    expect(compareReplay([recording], report)).toEqual({ exchanges: 2, differences: [] });
  });

  it('reports every difference: status, a compared header, each body field, and an exchange with no answer', () => {
    const report: ReplayReport = {
      files: [
        {
          file: 'charges.jsonl',
          captures: [],
          results: [
            { at: 'charges.jsonl:3', state: 'ok' },
            { at: 'charges.jsonl:4', status: 200, headers: { 'content-type': 'text/plain', 'retry-after': '1' }, body: '{"id":"x","amount":1250,"currency":"EUR","status":"succeeded","extra":true}' },
            { at: 'charges.jsonl:5', error: 'fetch failed' },
          ],
        },
      ],
    };
    const { differences } = compareReplay([recording], report);
    expect(differences.map(formatDifference)).toEqual([
      'charges.jsonl:4: POST /v1/charges?expand=x: status: recorded 201, twin 200',
      'charges.jsonl:4: POST /v1/charges?expand=x: header content-type: recorded "application/json; charset=utf-8", twin "text/plain"',
      'charges.jsonl:4: POST /v1/charges?expand=x: header retry-after: recorded (absent), twin "1"',
      'charges.jsonl:4: POST /v1/charges?expand=x: body /currency: recorded "eur", twin "EUR"',
      'charges.jsonl:4: POST /v1/charges?expand=x: body /extra: recorded (absent), twin true',
      'charges.jsonl:5: GET /v1/charges/ch_3MmlLrLkdIwHu7ix: no answer from the twin: fetch failed',
    ]);
  });

  it('compares no header of a response recorded without headers', () => {
    const bare = parseRecording('bare.jsonl', lines({ request: { method: 'GET', path: '/health' }, response: { status: 200, body: { ok: true } } }));
    const report: ReplayReport = { files: [{ file: 'bare.jsonl', captures: [], results: [{ at: 'bare.jsonl:1', status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }] }] };
    expect(compareReplay([bare], report)).toEqual({ exchanges: 1, differences: [] });
  });

  it('counts a missing report as no answer for every exchange', () => {
    expect(compareReplay([recording], undefined).differences.map((d) => d.what)).toEqual(['state', 'no answer', 'no answer']);
  });
});
