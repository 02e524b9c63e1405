// The Models API (GET /v1/models, GET /v1/models/:id) and the model facts other parts of
// the twin need (lifecycles: which are deprecated or retired, and their successors). The default list is the `Model` union of @anthropic-ai/sdk 1.13
// (resources/messages/messages.d.ts), newest first, as the API lists them;
// test/api-twin/models.test.ts fails when the SDK's union and this list drift apart.

export const DEFAULT_MODELS: readonly string[] = [
  'claude-fable-5-2',
  'claude-mythos-5-2',
  'claude-haiku-5-5',
  'claude-sonnet-5-5',
  'claude-fable-5-1',
  'claude-opus-5-5',
  'claude-mythos-5-1',
  'claude-sonnet-5',
  'claude-fable-5',
  'claude-mythos-5',
  'claude-opus-5',
  'claude-opus-4-8',
  'claude-opus-4-7',
  'claude-mythos-preview',
  'claude-opus-4-6',
  'claude-sonnet-4-6',
  'claude-haiku-4-5',
  'claude-haiku-4-5-20251001',
  'claude-opus-4-5',
  'claude-opus-4-5-20251101',
  'claude-sonnet-4-5',
  'claude-sonnet-4-5-20250929',
];

/**
 * Where a model stands in its life, as GET /v1/models reports it: the SDK's `lifecycle`,
 * `deprecated_at` and `retires_at` (RFC 3339), and `successor`, the id the twin suggests instead
 * (not an SDK field: the twin's own, documented in docs/twin.md; speccc reads it when present).
 */
export interface ModelLifecycle {
  lifecycle: 'active' | 'deprecated' | 'retired';
  deprecated_at: string | null;
  retires_at: string | null;
  successor: string | null;
}

/**
 * The twin's default lifecycles: illustrative dates for the models a newer generation replaced,
 * so a rehearsal shows what speccc does with a model that is going away; the rest are active.
 * Not Anthropic's schedule: check the Models API or the deprecations page for that.
 */
export const DEFAULT_LIFECYCLES: Readonly<Record<string, ModelLifecycle>> = {
  'claude-mythos-preview': { lifecycle: 'retired', deprecated_at: '2026-06-09T00:00:00Z', retires_at: '2026-09-09T00:00:00Z', successor: 'claude-mythos-5-2' },
  'claude-opus-4-5': { lifecycle: 'deprecated', deprecated_at: '2026-09-01T00:00:00Z', retires_at: '2027-03-01T00:00:00Z', successor: 'claude-opus-5-5' },
  'claude-opus-4-5-20251101': { lifecycle: 'deprecated', deprecated_at: '2026-09-01T00:00:00Z', retires_at: '2027-03-01T00:00:00Z', successor: 'claude-opus-5-5' },
  'claude-sonnet-4-5': { lifecycle: 'deprecated', deprecated_at: '2026-09-01T00:00:00Z', retires_at: '2027-03-01T00:00:00Z', successor: 'claude-sonnet-5-5' },
  'claude-sonnet-4-5-20250929': { lifecycle: 'deprecated', deprecated_at: '2026-09-01T00:00:00Z', retires_at: '2027-03-01T00:00:00Z', successor: 'claude-sonnet-5-5' },
};

const ACTIVE: ModelLifecycle = { lifecycle: 'active', deprecated_at: null, retires_at: null, successor: null };

/** The 5.x models, which reject a forced tool_choice. */
export function isFiveSeries(model: string): boolean {
  return /^claude-(opus|sonnet|haiku|fable|mythos)-5/.test(model);
}

const LINES = ['haiku', 'sonnet', 'opus', 'fable', 'mythos'] as const;

/** "claude-haiku-4-5-20251001" -> "Claude Haiku 4.5"; "claude-mythos-preview" -> "Claude Mythos Preview". */
function displayName(id: string): string {
  const words = id.replace(/-\d{8}$/, '').split('-');
  const out: string[] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    if (/^\d+$/.test(word) && last !== undefined && /^\d+(\.\d+)*$/.test(last)) out[out.length - 1] = `${last}.${word}`;
    else out.push(/^\d/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1));
  }
  return out.join(' ');
}

/** A ModelInfo as the SDK types it, plus `successor`; facts the twin does not know are null. */
export function modelInfo(id: string, index: number, lifecycles: Readonly<Record<string, ModelLifecycle>> = DEFAULT_LIFECYCLES) {
  const life = lifecycles[id] ?? ACTIVE;
  // Newest first: each later entry one week older, from a fixed date (deterministic).
  const created = new Date(Date.UTC(2026, 10, 1) - index * 7 * 86_400_000).toISOString().replace('.000Z', 'Z');
  return {
    type: 'model',
    id,
    display_name: displayName(id),
    created_at: created,
    capabilities: null,
    deprecated_at: life.deprecated_at,
    lifecycle: life.lifecycle,
    line: LINES.find((line) => id.startsWith(`claude-${line}-`)) ?? null,
    max_input_tokens: null,
    max_tokens: null,
    retires_at: life.retires_at,
    successor: life.successor,
  };
}

export type ModelsAnswer = { status: 200; body: unknown } | { status: 404 | 400; message: string; errorType: string };

/** GET /v1/models (paginated with limit, after_id, before_id) and GET /v1/models/:id. */
export function handleModels(models: readonly string[], path: string, query: URLSearchParams, lifecycles: Readonly<Record<string, ModelLifecycle>> = DEFAULT_LIFECYCLES): ModelsAnswer {
  if (path.startsWith('/v1/models/')) {
    const id = decodeURIComponent(path.slice('/v1/models/'.length));
    const index = models.indexOf(id);
    if (index < 0) return { status: 404, errorType: 'not_found_error', message: `model: ${id}` };
    return { status: 200, body: modelInfo(id, index, lifecycles) };
  }
  if (path !== '/v1/models') return { status: 404, errorType: 'not_found_error', message: `Not found: GET ${path}` };
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return { status: 400, errorType: 'invalid_request_error', message: 'limit: Input should be greater than or equal to 1 and less than or equal to 1000' };
  const all = models.map((id, i) => modelInfo(id, i, lifecycles));
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let data: typeof all;
  let hasMore: boolean;
  if (beforeId !== null) {
    const end = Math.max(0, models.indexOf(beforeId));
    const start = Math.max(0, end - limit);
    data = all.slice(start, end);
    hasMore = start > 0;
  } else {
    const start = afterId === null ? 0 : models.indexOf(afterId) + 1;
    data = start === 0 && afterId !== null ? [] : all.slice(start, start + limit);
    hasMore = start + limit < all.length && data.length > 0;
  }
  return {
    status: 200,
    body: { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null },
  };
}
