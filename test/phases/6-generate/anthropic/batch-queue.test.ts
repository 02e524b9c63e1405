/**
 * The batch queue's pure steps: how an ended (or lost) batch's result becomes a job's answer, how
 * waiting requests are cut into batches, and which failed creates are tried again. The queue as a
 * whole is exercised against the twin in batch.test.ts.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { answerOf, chunksOf, firstOfEachId, retryableCreate } from '../../../../src/phases/6-generate/anthropic/batches.js';

type Result = Anthropic.Messages.MessageBatchResult;
const redact = (text: string) => text.replace('sk-ant-secret', '[redacted]');
const ended = (results: Record<string, Result>) => ({ id: 'msgbatch_1', results: new Map(Object.entries(results)) });

describe('answerOf', () => {
  it('hands a succeeded request its message', () => {
    const message = { id: 'msg_1' } as Anthropic.Message;
    expect(answerOf(ended({ a: { type: 'succeeded', message } }), 'a', redact)).toEqual({ kind: 'succeeded', batchId: 'msgbatch_1', message });
  });

  it("reports an errored request with the API's error type and a redacted message", () => {
    const error = { type: 'error', error: { type: 'invalid_request_error', message: 'bad key sk-ant-secret' } } as unknown as Anthropic.ErrorResponse;
    expect(answerOf(ended({ a: { type: 'errored', error } }), 'a', redact)).toEqual({
      kind: 'errored',
      batchId: 'msgbatch_1',
      errorType: 'invalid_request_error',
      message: 'bad key [redacted]',
    });
  });

  it('falls back to the outer type, then api_error, when the error body is thin', () => {
    const thin = { type: 'overloaded_error' } as unknown as Anthropic.ErrorResponse;
    expect(answerOf(ended({ a: { type: 'errored', error: thin } }), 'a', redact)).toMatchObject({ errorType: 'overloaded_error', message: 'the request failed in the batch' });
    expect(answerOf(ended({ a: { type: 'errored', error: {} as Anthropic.ErrorResponse } }), 'a', redact)).toMatchObject({ errorType: 'api_error' });
  });

  it('passes on expired and canceled requests', () => {
    const t = ended({ a: { type: 'expired' }, b: { type: 'canceled' } });
    expect(answerOf(t, 'a', redact)).toEqual({ kind: 'expired', batchId: 'msgbatch_1' });
    expect(answerOf(t, 'b', redact)).toEqual({ kind: 'canceled', batchId: 'msgbatch_1' });
  });

  it('answers unavailable for a lost batch, and for a request the results do not mention', () => {
    expect(answerOf({ id: 'msgbatch_1', lost: 'batch msgbatch_1 no longer exists' }, 'a', redact)).toEqual({ kind: 'unavailable', reason: 'batch msgbatch_1 no longer exists' });
    expect(answerOf(ended({}), 'a', redact)).toEqual({ kind: 'unavailable', reason: 'batch msgbatch_1 has no result for this request' });
  });
});

describe('firstOfEachId', () => {
  const live = new AbortController().signal;
  const w = (customId: string, signal = live) => ({ ref: { customId }, signal });

  it('keeps the first request of each custom_id for this batch and the repeats for the next, dropping aborted ones', () => {
    const aborted = AbortSignal.abort();
    const [a1, b, a2, c] = [w('a'), w('b'), w('a'), w('c', aborted)];
    expect(firstOfEachId([a1, b, a2, c])).toEqual({ ready: [a1, b], later: [a2] });
  });
});

describe('chunksOf', () => {
  const sized = (...bytes: number[]) => bytes.map((b, i) => ({ i, bytes: b }));
  const ids = (chunks: { i: number }[][]) => chunks.map((c) => c.map((w) => w.i));

  it('cuts at the request count', () => {
    expect(ids(chunksOf(sized(1, 1, 1, 1, 1), 2))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('cuts before a request that would pass the byte limit, and gives an oversized request a batch of its own', () => {
    expect(ids(chunksOf(sized(40, 50, 20, 200, 10), 100, 100))).toEqual([[0, 1], [2], [3], [4]]);
  });

  it('makes no batch of nothing', () => {
    expect(chunksOf([], 10)).toEqual([]);
  });
});

describe('retryableCreate', () => {
  it('tries again after network failures, timeouts, conflicts, rate limits and server errors only', () => {
    expect([undefined, 408, 409, 429, 500, 529].map(retryableCreate)).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 413].map(retryableCreate)).toEqual([false, false, false, false, false]);
  });
});
