// Token counting and prompt-caching usage. The count is a deterministic approximation
// (ceil(chars / 4) per block) applied the same way everywhere, so a prefix's tokens are
// the sum of its blocks' tokens and cache numbers add up exactly. Thinking blocks count
// their text, and only in the assistant turn still in progress, as the API counts them.
import { createHash } from 'node:crypto';
import type { MessagesBody, Usage } from './types.js';

export function countText(text: string): number {
  // Like the real tokenizer, roughly: English and code run about four characters a token, while
  // CJK and other non-ASCII text runs about a token a character (two for astral characters such
  // as emoji) — so a budget that estimated characters ÷ 4 would be caught under-reserving.
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) ascii++;
    else other += code > 0xffff ? 2 : 1;
  }
  return Math.ceil(ascii / 4) + other;
}

/** One cacheable unit, in the API's prefix order: tools, then system, then messages. */
export interface Segment {
  /** Canonical content without cache_control, so marking a block does not change its identity. */
  canonical: string;
  tokens: number;
  /** TTL of a cache_control breakpoint on this block, if any. */
  breakpoint: '5m' | '1h' | undefined;
}

function withoutCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (key === 'cache_control') continue;
      out[key] = withoutCacheControl((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

function breakpointOf(block: unknown): Segment['breakpoint'] {
  if (!block || typeof block !== 'object') return undefined;
  const cc = (block as { cache_control?: { type?: string; ttl?: string } | null }).cache_control;
  if (!cc || cc.type !== 'ephemeral') return undefined;
  return cc.ttl === '1h' ? '1h' : '5m';
}

/** The text a block contributes to the token count. */
export function blockText(block: unknown): string {
  if (typeof block === 'string') return block;
  if (!block || typeof block !== 'object') return '';
  const b = block as Record<string, unknown>;
  switch (b.type) {
    case 'text':
      return typeof b.text === 'string' ? b.text : '';
    case 'tool_use':
      return `${String(b.name ?? '')}${JSON.stringify(b.input ?? {})}`;
    case 'thinking':
      // The signature is not model input.
      return typeof b.thinking === 'string' ? b.thinking : '';
    case 'redacted_thinking':
      return typeof b.data === 'string' ? b.data : '';
    case 'tool_result': {
      const c = b.content;
      if (typeof c === 'string') return c;
      if (Array.isArray(c)) return c.map(blockText).join('');
      return '';
    }
    default:
      // Tools, images, documents: count their canonical JSON.
      return JSON.stringify(withoutCacheControl(block));
  }
}

function segment(role: string, block: unknown, counted = true): Segment {
  return {
    canonical: `${role}:${JSON.stringify(withoutCacheControl(block))}`,
    tokens: counted ? countText(blockText(block)) : 0,
    breakpoint: breakpointOf(block),
  };
}

function isThinking(block: unknown): boolean {
  const type = (block as { type?: unknown } | null)?.type;
  return type === 'thinking' || type === 'redacted_thinking';
}

/**
 * The assistant message whose thinking is input, as the API counts it: the final assistant
 * message of a tool loop still in progress (followed only by the user's tool results), or a
 * trailing assistant message. Thinking in every earlier turn is stripped and counts 0.
 */
function currentAssistantTurn(messages: Array<{ role?: string; content?: unknown }>): number {
  const last = messages.length - 1;
  if (messages[last]?.role === 'assistant') return last;
  const content = messages[last]?.content;
  const toolResults = Array.isArray(content) && content.some((b) => (b as { type?: unknown } | null)?.type === 'tool_result');
  return toolResults && messages[last - 1]?.role === 'assistant' ? last - 1 : -1;
}

export function segmentsOf(body: MessagesBody): Segment[] {
  const out: Segment[] = [];
  if (Array.isArray(body.tools)) for (const tool of body.tools) out.push(segment('tool', tool));
  if (typeof body.system === 'string') out.push(segment('system', { type: 'text', text: body.system }));
  else if (Array.isArray(body.system)) for (const block of body.system) out.push(segment('system', block));
  if (Array.isArray(body.messages)) {
    const messages = body.messages as Array<{ role?: string; content?: unknown }>;
    const current = currentAssistantTurn(messages);
    for (const [i, message] of messages.entries()) {
      const role = String(message?.role ?? '');
      const content = message?.content;
      if (typeof content === 'string') out.push(segment(role, { type: 'text', text: content }));
      else if (Array.isArray(content)) for (const block of content) out.push(segment(role, block, i === current || !isThinking(block)));
    }
  }
  return out;
}

export function countInputTokens(body: MessagesBody): number {
  return segmentsOf(body).reduce((sum, s) => sum + s.tokens, 0);
}

interface CacheEntry {
  expiresAt: number;
}

/** One twin's prompt cache; each startTwin() owns one. */
export interface PromptCache {
  entries: Map<string, CacheEntry>;
}

export function newPromptCache(): PromptCache {
  return { entries: new Map() };
}

const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

export interface CacheWrite {
  key: string;
  ttl: '5m' | '1h';
}

/**
 * Usage for one request under the API's caching rules: the cached prefix is everything up
 * to and including a breakpoint block; the longest breakpoint prefix already cached (same
 * model, same canonical content, within its TTL) is read, and its TTL refreshed; the
 * prefix up to the last breakpoint is written when it is long enough; input_tokens is the
 * uncached rest. The writes are returned, not applied: the API makes an entry readable
 * only once the response that wrote it has begun, so requests sent together all miss.
 */
export function planCacheUsage(
  cache: PromptCache,
  body: MessagesBody,
  minTokens: number,
  now: number,
): { usage: Omit<Usage, 'output_tokens'>; writes: CacheWrite[] } {
  const segments = segmentsOf(body);
  const total = segments.reduce((sum, s) => sum + s.tokens, 0);
  const model = String(body.model ?? '');
  const hash = createHash('sha256').update(model);
  const prefixes: Array<{ key: string; tokens: number; ttl: '5m' | '1h' }> = [];
  let running = 0;
  for (const s of segments) {
    hash.update('\u0000').update(s.canonical);
    running += s.tokens;
    if (s.breakpoint) prefixes.push({ key: hash.copy().digest('hex'), tokens: running, ttl: s.breakpoint });
  }

  const live = (key: string) => {
    const entry = cache.entries.get(key);
    return entry !== undefined && entry.expiresAt > now;
  };
  let read = 0;
  for (const p of prefixes) {
    if (!live(p.key)) continue;
    read = Math.max(read, p.tokens);
    cache.entries.get(p.key)!.expiresAt = now + TTL_MS[p.ttl];
  }

  const writes = prefixes.filter((p) => p.tokens >= minTokens && !live(p.key)).map((p) => ({ key: p.key, ttl: p.ttl }));
  let created = 0;
  const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
  const last = prefixes[prefixes.length - 1];
  if (last && last.tokens >= minTokens && last.tokens > read) {
    created = last.tokens - read;
    if (last.ttl === '1h') creation.ephemeral_1h_input_tokens = created;
    else creation.ephemeral_5m_input_tokens = created;
  }

  return {
    usage: {
      input_tokens: total - read - created,
      cache_creation_input_tokens: created,
      cache_read_input_tokens: read,
      cache_creation: creation,
    },
    writes,
  };
}

export function commitCacheWrites(cache: PromptCache, writes: readonly CacheWrite[], now: number): void {
  for (const w of writes) cache.entries.set(w.key, { expiresAt: now + TTL_MS[w.ttl] });
}

/** planCacheUsage() with its writes applied at once. */
export function cacheUsage(cache: PromptCache, body: MessagesBody, minTokens: number, now: number): Omit<Usage, 'output_tokens'> {
  const { usage, writes } = planCacheUsage(cache, body, minTokens, now);
  commitCacheWrites(cache, writes, now);
  return usage;
}

export function defaultMinCacheableTokens(model: string): number {
  return /haiku/i.test(model) ? 2048 : 1024;
}
