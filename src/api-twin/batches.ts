// The Message Batches endpoints: each item is answered by the same script as
// POST /v1/messages (no delays, no streaming); results are computed at creation and
// released once the batch has "ended" (after batchDelayMs). Items finish evenly spread over
// batchDelayMs; those that would finish after the expiry (batchExpireAfterMs, 24 h) are
// `expired`, as the API reports items it could not process within 24 hours.
import { errorResponse, faultResponse } from './errors.js';
import { resolveReply, scriptedToolInputError, validateRequest } from './answer.js';
import { messageJson } from './reply.js';
import { requestContext } from './request.js';
import { pickRule } from './script.js';
import { nextId, type State, type StoredBatch } from './state.js';
import { commitCacheWrites, defaultMinCacheableTokens, planCacheUsage } from './tokens.js';
import type { MessagesBody } from './types.js';
import { countedDown } from './task-budget.js';

export interface BatchResponse {
  status: number;
  body?: unknown;
  /** Set for the results endpoint: the JSONL text. */
  jsonl?: string;
}

function errored(type: string, message: string, requestId: string) {
  return { type: 'errored', error: errorResponse(400, type, message, requestId).body };
}

/** One batch item through the script, as a succeeded or errored result. */
function answerItem(state: State, params: MessagesBody, betas: ReadonlySet<string>): Record<string, unknown> {
  const requestId = nextId(state, 'req');
  const invalid = validateRequest(state, params, true, betas);
  if (invalid) return errored('invalid_request_error', invalid, requestId);
  state.messageCount += 1;
  const ctx = requestContext(params, state.messageCount);
  const indexFault = state.options.faults?.[state.messageCount];
  const rule = indexFault ? undefined : pickRule(state.script, state.uses, ctx);
  const fault = indexFault ?? (typeof rule?.fault === 'function' ? rule.fault(ctx) : rule?.fault);
  if (fault) {
    const http = faultResponse(fault, requestId);
    return { type: 'errored', error: (http ?? errorResponse(500, 'api_error', 'Internal server error', requestId)).body };
  }
  if (!rule) return errored('invalid_request_error', `twin: no script rule matched batch request ${state.messageCount}`, requestId);
  const turn = typeof rule.reply === 'function' ? rule.reply(ctx) : rule.reply;
  if (!turn) return errored('api_error', 'twin: the matched rule has neither reply nor fault', requestId);
  const model = String(params.model);
  const now = (state.options.now ?? Date.now)();
  const { usage, writes } = planCacheUsage(state.cache, params, (state.options.minCacheableTokens ?? defaultMinCacheableTokens)(model), now);
  const resolved = resolveReply(state, params, ctx, turn);
  const badInput = scriptedToolInputError(params, resolved);
  if (badInput) return errored('invalid_request_error', badInput, requestId);
  commitCacheWrites(state.cache, writes, now);
  return { type: 'succeeded', message: messageJson(nextId(state, 'msg'), model, resolved, { ...usage, ...countedDown(ctx.taskBudget, resolved.outputTokens) }) };
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

function batchJson(batch: StoredBatch, now: number, baseUrl: string) {
  const ended = batch.canceledAt !== undefined || now >= batch.endsAt;
  const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
  for (const r of batch.results) {
    if (!ended) counts.processing += 1;
    else counts[r.result.type as 'succeeded' | 'errored' | 'canceled' | 'expired'] += 1;
  }
  return {
    id: batch.id,
    type: 'message_batch',
    processing_status: ended ? 'ended' : 'in_progress',
    request_counts: counts,
    created_at: iso(batch.createdAt),
    ended_at: ended ? iso(batch.canceledAt ?? batch.endsAt) : null,
    expires_at: iso(batch.expiresAt),
    archived_at: iso(batch.archivedAt),
    cancel_initiated_at: iso(batch.canceledAt),
    results_url: ended ? `${baseUrl}/v1/messages/batches/${batch.id}/results` : null,
  };
}

export function handleBatches(
  state: State,
  method: string,
  path: string,
  body: unknown,
  baseUrl: string,
  requestId: string,
  /** The batch request's `anthropic-beta` header: it covers every item. */
  betas: ReadonlySet<string> = new Set(),
): BatchResponse {
  const now = (state.options.now ?? Date.now)();
  const bad = (status: number, type: string, message: string): BatchResponse => ({
    status,
    body: errorResponse(status, type, message, requestId).body,
  });
  const [, , , , id, action] = path.split('/'); // '', 'v1', 'messages', 'batches', id?, action?

  if (id === undefined || id === '') {
    if (method === 'GET') {
      const data = [...state.batches.values()].reverse().map((b) => batchJson(b, now, baseUrl));
      return { status: 200, body: { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
    }
    if (method !== 'POST') return bad(405, 'invalid_request_error', `Method ${method} not allowed`);
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return bad(400, 'invalid_request_error', 'requests: List should have at least 1 item');
    const ids = new Set<string>();
    for (const [i, r] of requests.entries()) {
      const customId = (r as { custom_id?: unknown })?.custom_id;
      if (typeof customId !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(customId))
        return bad(400, 'invalid_request_error', `requests.${i}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      if (ids.has(customId)) return bad(400, 'invalid_request_error', `Duplicate custom_id: ${customId}`);
      ids.add(customId);
    }
    const delay = state.options.batchDelayMs ?? 0;
    const expiresAt = now + (state.options.batchExpireAfterMs ?? 24 * 3600_000);
    const finishesAt = (i: number) => now + (delay * (i + 1)) / requests.length;
    const batch: StoredBatch = {
      id: nextId(state, 'msgbatch'),
      createdAt: now,
      endsAt: Math.min(now + delay, expiresAt),
      expiresAt,
      results: requests.map((r: { custom_id: string; params?: unknown }, i) => ({
        custom_id: r.custom_id,
        result: finishesAt(i) > expiresAt ? { type: 'expired' } : answerItem(state, (r.params ?? {}) as MessagesBody, betas),
      })),
    };
    state.batches.set(batch.id, batch);
    return { status: 200, body: batchJson(batch, now, baseUrl) };
  }

  const batch = state.batches.get(id);
  if (!batch) return bad(404, 'not_found_error', `message_batch_id: ${id} not found`);
  const ended = batch.canceledAt !== undefined || now >= batch.endsAt;
  if (action === undefined && method === 'GET') return { status: 200, body: batchJson(batch, now, baseUrl) };
  if (action === undefined && method === 'DELETE') {
    if (!ended) return bad(400, 'invalid_request_error', 'Batch is still in progress; cancel it before deleting');
    state.batches.delete(id);
    return { status: 200, body: { id, type: 'message_batch_deleted' } };
  }
  if (action === 'cancel' && method === 'POST') {
    if (!ended) {
      batch.canceledAt = now;
      for (const r of batch.results) r.result = { type: 'canceled' };
    }
    return { status: 200, body: batchJson(batch, now, baseUrl) };
  }
  if (action === 'results' && method === 'GET') {
    if (!ended) return bad(404, 'not_found_error', `Results for batch ${id} are not ready yet`);
    return { status: 200, jsonl: batch.results.map((r) => JSON.stringify(r)).join('\n') + '\n' };
  }
  return bad(404, 'not_found_error', `Not found: ${method} ${path}`);
}
