/**
 * Why a run's first request wrote the prompt cache instead of reading it. Every job of a build
 * shares one prefix (tools + system prompt), so the first request of a run that comes within
 * the cache lifetime of the previous run's last request should read it. When it writes it
 * instead, the two runs' `prefix` trace events say which block changed (a context file, a
 * template, a constraint spec, the tools, the system prompt as a whole); failing that, whether
 * the entry had expired or the model changed. `speccc log` and `speccc report` print it. Pure.
 */
import type { PrefixBlock, TracedEvent } from '../types/index.js';

type RequestEvent = Extract<TracedEvent, { type: 'request' }>;
type PrefixEvent = Extract<TracedEvent, { type: 'prefix' }>;

export interface CacheMiss {
  /** The run whose prefix this run's was compared with. */
  previousRun: string;
  /** The request that wrote the shared prefix instead of reading it. */
  spec: string;
  requestId: string | null;
  writtenTokens: number;
  /** Blocks of the prefix that differ from the previous run's: changed, new or gone. */
  changed: { block: string; change: 'changed' | 'added' | 'removed' }[];
  /** One line for people: what changed, or why the entry was gone anyway. */
  reason: string;
}

const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

function compare(before: readonly PrefixBlock[], after: readonly PrefixBlock[]): CacheMiss['changed'] {
  const old = new Map(before.map((b) => [b.name, b.digest]));
  const now = new Map(after.map((b) => [b.name, b.digest]));
  const changed: CacheMiss['changed'] = [];
  for (const [name, digest] of now) {
    if (!old.has(name)) changed.push({ block: name, change: 'added' });
    else if (old.get(name) !== digest) changed.push({ block: name, change: 'changed' });
  }
  for (const name of old.keys()) if (!now.has(name)) changed.push({ block: name, change: 'removed' });
  // The rendered system prompt changes with any block in it: name it only when nothing more specific did.
  const specific = changed.filter((c) => c.block !== 'system prompt');
  return specific.length > 0 ? specific : changed;
}

const words = (c: CacheMiss['changed'][number]) => (c.change === 'changed' ? `${c.block} changed` : c.change === 'added' ? `${c.block} was added` : `${c.block} was removed`);

/** The explanation for `current`'s first request, against `previous` (the run before it), or null when it read the cache or nothing can be said. */
export function explainCacheMiss(previous: { id: string; events: readonly TracedEvent[] }, current: { events: readonly TracedEvent[] }): CacheMiss | null {
  const first = current.events.find((e): e is RequestEvent => e.type === 'request' && !e.batch);
  if (!first || first.cacheReadTokens > 0 || first.cacheWriteTokens === 0) return null;
  const before = previous.events.find((e): e is PrefixEvent => e.type === 'prefix');
  const after = current.events.find((e): e is PrefixEvent => e.type === 'prefix');
  const lastBefore = previous.events.filter((e): e is RequestEvent => e.type === 'request').at(-1);
  if (!before || !after || !before.caching || !lastBefore) return null;
  const changed = compare(before.blocks, after.blocks);
  const gapMs = Date.parse(first.at) - Date.parse(lastBefore.at);
  const expired = gapMs > TTL_MS[before.ttl];
  const minutes = `${Math.round(gapMs / 60_000)} min after run ${previous.id}'s last request, past the ${before.ttl} cache lifetime`;
  let reason: string;
  if (changed.length > 0) reason = `${changed.map(words).join(', ')} since run ${previous.id}${expired ? ` (and the entry had expired: ${minutes})` : ''}`;
  else if (expired) reason = `the cache entry had expired: ${minutes}`;
  else if (lastBefore.model !== first.model) reason = `the model changed from ${lastBefore.model} to ${first.model} since run ${previous.id} (each model has its own cache)`;
  else reason = `no block of the prefix changed since run ${previous.id} and it was within its lifetime: the API evicted the entry`;
  return { previousRun: previous.id, spec: first.spec, requestId: first.requestId, writtenTokens: first.cacheWriteTokens, changed, reason };
}

/** The line `speccc log` and the report print. */
export function cacheMissLine(miss: CacheMiss): string {
  return `prompt cache: the first request (${miss.spec}) wrote ${miss.writtenTokens} tokens of the shared prefix instead of reading them: ${miss.reason}`;
}
