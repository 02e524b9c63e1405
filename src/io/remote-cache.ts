/**
 * A client for the Turborepo remote cache HTTP API (v8 artifacts), so a team shares finished build
 * jobs' results by job key: Vercel's hosted cache, the open-source `turborepo-remote-cache` server,
 * or anything else that speaks the protocol.
 *
 *   GET  /v8/artifacts/:hash?teamId=…&slug=…   200 + bytes (+ x-artifact-tag), 404 when absent
 *   PUT  /v8/artifacts/:hash?teamId=…&slug=…   body = bytes, Content-Type application/octet-stream
 *   HEAD /v8/artifacts/:hash?teamId=…&slug=…   200 / 404: used by `status` to check the token
 *   GET  /v8/artifacts/status                   {"status":"enabled"} when the cache can be used
 *
 * The server is untrusted. With a signing key, each artifact carries an `x-artifact-tag`: a
 * base64 HMAC-SHA256, keyed by the signing key, over the hash, the team id and the artifact bytes,
 * framed exactly as current `turbo` frames them (see `artifactTag`), so an artifact signed by
 * either verifies in the other. A download without a tag, or whose tag does not verify, is
 * refused and never handed back.
 *
 * Nothing here throws: every failure — refused connection, timeout, abort, 4xx/5xx, a malformed
 * answer, a bad hash or option — is a result with a one-line detail, and no detail ever contains
 * the token or the signing key (they are scrubbed from every message, the server's included).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface RemoteCacheOptions {
  url: string; // base URL, e.g. http://127.0.0.1:3000
  team: string; // teamId / slug sent as ?teamId= (and ?slug=)
  token: string; // Bearer token (from the environment; never logged)
  signingKey?: string; // HMAC key (from the environment); when set, artifacts are signed and verified
  timeoutMs?: number; // per request, default 10_000
  fetch?: typeof fetch; // injectable for tests
}
export type CacheGet =
  | { status: 'hit'; bytes: Uint8Array }
  | { status: 'miss' }
  | { status: 'refused'; reason: 'unsigned' | 'bad-signature'; detail: string } // untrusted artifact: never use it
  | { status: 'error'; detail: string }; // network/HTTP failure: fall back to building
export type CachePut = { status: 'stored' } | { status: 'error'; detail: string };
export interface RemoteCache {
  get(hash: string, signal?: AbortSignal): Promise<CacheGet>;
  put(hash: string, bytes: Uint8Array, signal?: AbortSignal): Promise<CachePut>;
  /** GET /v8/artifacts/status or equivalent health probe. */
  status(signal?: AbortSignal): Promise<{ ok: boolean; detail: string }>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Job keys are sha256 hex (64); Turborepo's are 16. Checked before a hash goes into a URL. */
const HASH_PATTERN = /^[0-9a-fA-F]{16,128}$/;
/** Standard base64 of a 32-byte HMAC: 43 characters and one `=` (accepted without padding too). */
const TAG_PATTERN = /^[A-Za-z0-9+/]{43}=?$/;
/** What `status` asks about to learn whether the token is accepted: a key no job produces. */
const PROBE_HASH = '0'.repeat(64);
const MAX_DETAIL = 240;

/** Turborepo's domain prefix for artifact tags (its signature scheme "v2"). */
const TAG_DOMAIN = Buffer.from('artifact-signature:v2', 'utf8');

/** A field as Turborepo feeds it to the HMAC: its byte length as u64 little-endian, then the bytes. */
function framed(bytes: Uint8Array): Buffer[] {
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.byteLength));
  return [length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
}

/**
 * The tag Turborepo puts in `x-artifact-tag`, as current `turbo` computes it:
 *   base64(HMAC-SHA256(key, F("artifact-signature:v2") ‖ F(hash) ‖ F(teamId) ‖ F(artifact)))
 * where F(x) is x's length as a u64 little-endian followed by x, strings as UTF-8, the key as
 * the UTF-8 bytes of the signing key, and base64 the standard alphabet with padding.
 */
function artifactTag(signingKey: string, hash: string, team: string, bytes: Uint8Array): string {
  return tagBytes(signingKey, hash, team, bytes).toString('base64');
}

function tagBytes(signingKey: string, hash: string, team: string, bytes: Uint8Array): Buffer {
  const hmac = createHmac('sha256', Buffer.from(signingKey, 'utf8'));
  for (const field of [TAG_DOMAIN, Buffer.from(hash, 'utf8'), Buffer.from(team, 'utf8'), bytes]) {
    for (const part of framed(field)) hmac.update(part);
  }
  return hmac.digest();
}

/** Constant-time check of a received tag; any malformed tag simply fails. */
function tagMatches(expected: Buffer, received: string): boolean {
  if (!TAG_PATTERN.test(received)) return false;
  const got = Buffer.from(received, 'base64');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

type Attempt<T> = { ok: true; value: T } | { ok: false; detail: string };

/** One client's settings, checked once: every function below takes it. */
interface Client {
  readonly options: RemoteCacheOptions;
  /** The token and signing key, scrubbed from every detail. */
  readonly secrets: readonly string[];
  /** Per request, reading the body included (ms). */
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
  /** The server's base URL, or why the options cannot reach one (then every call is an error result). */
  readonly base: { ok: true; url: URL } | { ok: false; problem: string };
}

export function createRemoteCache(options: RemoteCacheOptions): RemoteCache {
  const c = clientOf(options);
  return {
    get: (hash, signal) => getArtifact(c, hash, signal),
    put: (hash, bytes, signal) => putArtifact(c, hash, bytes, signal),
    status: (signal) => cacheStatus(c, signal),
  };
}

function clientOf(options: RemoteCacheOptions): Client {
  const timeoutMs = options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs) && options.timeoutMs > 0
    ? options.timeoutMs
    : DEFAULT_TIMEOUT_MS;
  const base = parseBase(options.url);
  const problem = typeof base === 'string' ? base : optionsProblem(options);
  return {
    options,
    secrets: [options.token, options.signingKey].filter((s): s is string => typeof s === 'string' && s.length > 0),
    timeoutMs,
    fetch: options.fetch ?? globalThis.fetch,
    base: problem === undefined && typeof base !== 'string' ? { ok: true, url: base } : { ok: false, problem: problem! },
  };
}

/** Why the team or token cannot be used, or undefined. */
function optionsProblem(options: Pick<RemoteCacheOptions, 'team' | 'token'>): string | undefined {
  if (typeof options.team !== 'string' || options.team.length === 0) return 'no team configured';
  if (typeof options.token !== 'string' || options.token.length === 0) return 'no token configured';
  if (!/^[\x21-\x7e]+$/.test(options.token)) return 'the token has characters an HTTP header cannot carry';
  return undefined;
}

/** One line, bounded, with every secret replaced: the only way a detail is made. */
export function scrubbed(secrets: readonly string[], text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  out = out.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (out.length > MAX_DETAIL) out = `${out.slice(0, MAX_DETAIL - 1)}…`;
  // Truncation or whitespace folding could in theory recreate a secret's text; check once more.
  for (const secret of secrets) if (out.includes(secret)) return 'remote cache failure (detail withheld: it named a credential)';
  return out;
}

/** `<base>/v8/artifacts/<last>?teamId=<team>&slug=<team>`: `last` is a hash, or `status`. */
function artifactsUrl(base: URL, team: string, last: string): string {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v8/artifacts/${last}`;
  url.search = new URLSearchParams({ teamId: team, slug: team }).toString();
  return url.href;
}

function checkHash(hash: unknown): string | undefined {
  if (typeof hash !== 'string') return 'invalid hash: not a string';
  if (!HASH_PATTERN.test(hash)) return `invalid hash: expected 16 to 128 hex characters, got ${hash.length} characters`;
  return undefined;
}

/**
 * One request with its own timeout (which also covers reading the body), joined to the
 * caller's signal. `read` runs inside the same guard so a body that stalls is a timeout too.
 */
async function request<T>(
  c: Client,
  what: string,
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  read: (res: Response) => Promise<T>,
): Promise<Attempt<T>> {
  if (signal?.aborted) return { ok: false, detail: scrubbed(c.secrets, `${what}: aborted`) };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), c.timeoutMs);
  const joined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  try {
    const res = await c.fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${c.options.token}` },
      signal: joined,
    });
    return { ok: true, value: await read(res) };
  } catch (error) {
    if (timeout.signal.aborted && !signal?.aborted) return { ok: false, detail: scrubbed(c.secrets, `${what}: timed out after ${c.timeoutMs} ms`) };
    if (signal?.aborted) return { ok: false, detail: scrubbed(c.secrets, `${what}: aborted`) };
    return { ok: false, detail: scrubbed(c.secrets, `${what}: ${describe(error)}`) };
  } finally {
    clearTimeout(timer);
  }
}

/** `HTTP 401 Unauthorized: Invalid authorization token`, the server's words shortened (callers scrub it). */
async function httpFailure(res: Response): Promise<string> {
  let said = '';
  try {
    const text = (await res.text()).slice(0, 2_000);
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown };
      const error = body.error as { message?: unknown } | string | undefined;
      said = typeof body.message === 'string' ? body.message
        : typeof error === 'string' ? error
        : typeof error?.message === 'string' ? error.message
        : text;
    } catch {
      said = text;
    }
  } catch {
    // the body could not be read; the status says enough
  }
  said = said.replace(/\s+/g, ' ').trim().slice(0, 120);
  return `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${said ? `: ${said}` : ''}`;
}

async function getArtifact(c: Client, hash: string, signal: AbortSignal | undefined): Promise<CacheGet> {
  try {
    const problem = c.base.ok ? checkHash(hash) : c.base.problem;
    if (problem !== undefined || !c.base.ok) return { status: 'error', detail: scrubbed(c.secrets, `remote cache get: ${problem}`) };
    const what = `remote cache get ${hash.slice(0, 16)}`;
    const attempt = await request(c, what, artifactsUrl(c.base.url, c.options.team, hash), { method: 'GET' }, signal, (res) => readArtifact(c, what, hash, res));
    return attempt.ok ? attempt.value : { status: 'error', detail: attempt.detail };
  } catch (error) {
    return { status: 'error', detail: scrubbed(c.secrets, `remote cache get: ${describe(error)}`) };
  }
}

/** A download's answer: a miss, an HTTP failure, or the bytes, refused unless their tag verifies when signing is on. */
async function readArtifact(c: Client, what: string, hash: string, res: Response): Promise<CacheGet> {
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return { status: 'miss' };
  }
  if (res.status !== 200) return { status: 'error', detail: scrubbed(c.secrets, `${what}: ${await httpFailure(res)}`) };
  const tag = res.headers.get('x-artifact-tag');
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { signingKey, team } = c.options;
  if (signingKey === undefined || signingKey === '') return { status: 'hit', bytes };
  if (tag === null || tag.trim() === '') {
    return { status: 'refused', reason: 'unsigned', detail: scrubbed(c.secrets, `${what}: the artifact has no x-artifact-tag, and signing is on`) };
  }
  if (!tagMatches(tagBytes(signingKey, hash, team, bytes), tag.trim())) {
    return {
      status: 'refused',
      reason: 'bad-signature',
      detail: scrubbed(c.secrets, `${what}: the x-artifact-tag does not verify (tampered, or signed with another key or team)`),
    };
  }
  return { status: 'hit', bytes };
}

async function putArtifact(c: Client, hash: string, bytes: Uint8Array, signal: AbortSignal | undefined): Promise<CachePut> {
  try {
    const problem = c.base.ok ? (checkHash(hash) ?? (bytes instanceof Uint8Array ? undefined : 'the artifact is not bytes')) : c.base.problem;
    if (problem !== undefined || !c.base.ok) return { status: 'error', detail: scrubbed(c.secrets, `remote cache put: ${problem}`) };
    const what = `remote cache put ${hash.slice(0, 16)}`;
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (c.options.signingKey) headers['x-artifact-tag'] = artifactTag(c.options.signingKey, hash, c.options.team, bytes);
    // A view on the same memory, typed as fetch wants it (a SharedArrayBuffer-backed array is copied).
    const body = bytes.buffer instanceof ArrayBuffer
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : new Uint8Array(bytes);
    const attempt = await request(c, what, artifactsUrl(c.base.url, c.options.team, hash), { method: 'PUT', headers, body }, signal, async (res): Promise<CachePut> => {
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return { status: 'stored' };
      }
      return { status: 'error', detail: scrubbed(c.secrets, `${what}: ${await httpFailure(res)}`) };
    });
    return attempt.ok ? attempt.value : { status: 'error', detail: attempt.detail };
  } catch (error) {
    return { status: 'error', detail: scrubbed(c.secrets, `remote cache put: ${describe(error)}`) };
  }
}

/** The status route says the cache is enabled, and a probe for an artifact shows the token is accepted. */
async function cacheStatus(c: Client, signal: AbortSignal | undefined): Promise<{ ok: boolean; detail: string }> {
  try {
    if (!c.base.ok) return { ok: false, detail: scrubbed(c.secrets, `remote cache: ${c.base.problem}`) };
    const base = c.base.url;
    const { team } = c.options;
    const what = 'remote cache status';
    const state = await request(c, what, artifactsUrl(base, team, 'status'), { method: 'GET' }, signal, (res) => readStatus(c, what, res));
    if (!state.ok) return { ok: false, detail: state.detail };
    if (!state.value.ok) return { ok: false, detail: state.value.detail };
    // Some servers answer the status route without checking the token: ask about an artifact.
    const probe = await request(c, 'remote cache token check', artifactsUrl(base, team, PROBE_HASH), { method: 'HEAD' }, signal, async (res) => {
      await res.body?.cancel().catch(() => undefined);
      return res.status;
    });
    if (!probe.ok) return { ok: false, detail: probe.detail };
    if (probe.value === 401 || probe.value === 403) {
      return { ok: false, detail: scrubbed(c.secrets, `remote cache at ${base.host}: the token is not accepted for team ${team} (HTTP ${probe.value})`) };
    }
    if (probe.value !== 200 && probe.value !== 404) {
      return { ok: false, detail: scrubbed(c.secrets, `remote cache token check: HTTP ${probe.value}`) };
    }
    return { ok: true, detail: scrubbed(c.secrets, `remote cache at ${base.host} is enabled for team ${team}`) };
  } catch (error) {
    return { ok: false, detail: scrubbed(c.secrets, `remote cache status: ${describe(error)}`) };
  }
}

/** The status route's answer: `{"status":"enabled"}`, or why the cache cannot be used. */
async function readStatus(c: Client, what: string, res: Response): Promise<Attempt<string>> {
  if (res.status !== 200) return { ok: false, detail: scrubbed(c.secrets, `${what}: ${await httpFailure(res)}`) };
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    return { ok: false, detail: scrubbed(c.secrets, `${what}: the answer is not JSON`) };
  }
  const value = (body as { status?: unknown } | null)?.status;
  if (typeof value !== 'string') return { ok: false, detail: scrubbed(c.secrets, `${what}: the answer has no status`) };
  return value === 'enabled' ? { ok: true, value } : { ok: false, detail: scrubbed(c.secrets, `${what}: the cache is ${value}`) };
}

/** The base URL, or why it cannot be one. Never echoes the URL itself (it may hold userinfo). */
function parseBase(raw: unknown): URL | string {
  if (typeof raw !== 'string' || raw.trim() === '') return 'no remote cache URL configured';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'the remote cache URL is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the remote cache URL must be http or https, not ${url.protocol}`;
  if (url.username !== '' || url.password !== '') return 'the remote cache URL must not contain credentials (use the token)';
  url.search = '';
  url.hash = '';
  return url;
}

/** A fetch failure in a few words: undici puts the useful part (ECONNREFUSED …) in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${typeof code === 'string' && !cause.message.includes(code) ? `${code} ` : ''}${cause.message}`;
  }
  return error.message;
}
