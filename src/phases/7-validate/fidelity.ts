/**
 * Twin fidelity (docs/twins.md): traffic recorded against the real service is replayed against
 * its twin, sealed, and every difference is reported, so a twin that drifts from the service it
 * stands in for is caught. Pure: this module reads recordings (JSON lines or HAR) into steps,
 * says what the replayer inside the sandbox must send (src/io/service-twins/replayer.ts), and
 * compares what the twin answered with what the service answered.
 *
 * A JSON-lines recording, one object a line (blank lines skipped):
 *
 *   {"compare": {"headers": ["content-type", "retry-after"], "ignore": ["/id", "/created"]}}
 *   {"state": {"charges": []}}
 *   {"request": {"method": "POST", "path": "/v1/charges", "headers": {...}, "body": {...}},
 *    "response": {"status": 201, "headers": {...}, "body": {...}}, "ignore": ["/receipt_url"]}
 *
 * A `compare` line sets what the exchanges after it compare (default: the status, the
 * content-type's media type, the whole body; in `ignore`, `*` matches one segment); a `state`
 * line puts the twin in that state; `note` lines are skipped. Every file replays against a
 * fresh twin.
 */
import type { ReplayPlan } from '../../types/index.js';

/** An ignored string value at least this long that the twin answers differently is taken for an id, and mapped in later requests. */
const MIN_ID_LENGTH = 6;

export interface RecordedMessage {
  headers: Record<string, string>;
  /** JSON when the recorded body parses as JSON, else its text; undefined when there was none. */
  body?: unknown;
}

export interface RecordedRequest extends RecordedMessage {
  method: string;
  /** Path and query, e.g. `/v1/charges?limit=3`. */
  path: string;
}

export interface RecordedResponse extends RecordedMessage {
  status: number;
  /** False when the recording kept no headers at all: none are compared then. */
  headersRecorded: boolean;
}

export interface CompareSettings {
  /** Response headers compared (lower-case; none when the recording kept none); `content-type` by media type only. */
  headers: string[];
  /** JSON pointers into the response body left out of the comparison; `*` matches one segment. */
  ignore: string[];
}

export type RecordingStep =
  | { kind: 'state'; at: string; state: unknown }
  | { kind: 'exchange'; at: string; request: RecordedRequest; response: RecordedResponse; compare: CompareSettings };

export interface Recording {
  /** As shown in reports, e.g. `scenarios/payments/charges.jsonl`. */
  file: string;
  steps: RecordingStep[];
  /** Lines that are not a step: reported, and they fail the run. */
  problems: { at: string; message: string }[];
}

const DEFAULT_COMPARE: CompareSettings = { headers: ['content-type'], ignore: [] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function headerMap(raw: unknown, what: string): Record<string, string> {
  if (raw === undefined) return {};
  if (Array.isArray(raw)) {
    // HAR: [{ name, value }]
    const out: Record<string, string> = {};
    for (const h of raw) if (isObject(h) && typeof h.name === 'string') out[h.name.toLowerCase()] = String(h.value ?? '');
    return out;
  }
  if (!isObject(raw)) throw new Error(`${what} headers are not an object`);
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]));
}

/** A body as recorded: a string that parses as JSON is that JSON (HAR keeps every body as text). */
function bodyOf(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function pathOf(request: Record<string, unknown>): string {
  if (typeof request.path === 'string' && request.path.startsWith('/')) return request.path;
  if (typeof request.url === 'string') {
    const url = new URL(request.url, 'http://recorded.invalid');
    return url.pathname + url.search;
  }
  throw new Error('request has no path (or url)');
}

function readSettings(raw: unknown, base: CompareSettings): CompareSettings {
  if (!isObject(raw)) throw new Error('compare is not an object');
  const list = (v: unknown, what: string) => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`compare.${what} is not a list of strings`);
    return v as string[];
  };
  const headers = list(raw.headers, 'headers');
  const ignore = list(raw.ignore, 'ignore');
  for (const p of ignore ?? []) if (p !== '' && !p.startsWith('/')) throw new Error(`compare.ignore: \`${p}\` is not a JSON pointer (expected /field/…)`);
  return { headers: (headers ?? base.headers).map((h) => h.toLowerCase()), ignore: ignore ?? base.ignore };
}

function readExchange(line: Record<string, unknown>, at: string, compare: CompareSettings): RecordingStep {
  const request = line.request;
  const response = line.response;
  if (!isObject(request) || !isObject(response)) throw new Error('expected request and response objects');
  if (typeof response.status !== 'number') throw new Error('response has no numeric status');
  const ignore = line.ignore === undefined ? [] : readSettings({ ignore: line.ignore }, compare).ignore;
  const req: RecordedRequest = { method: String(request.method ?? 'GET').toUpperCase(), path: pathOf(request), headers: headerMap(request.headers, 'request') };
  const reqBody = 'body' in request ? request.body : isObject(request.postData) ? request.postData.text : undefined;
  if (reqBody !== undefined && reqBody !== null) req.body = bodyOf(reqBody);
  const res: RecordedResponse = { status: response.status, headers: headerMap(response.headers, 'response'), headersRecorded: response.headers !== undefined };
  const resBody = 'body' in response ? response.body : isObject(response.content) ? response.content.text : undefined;
  if (resBody !== undefined && resBody !== null && resBody !== '') res.body = bodyOf(resBody);
  return { kind: 'exchange', at, request: req, response: res, compare: { headers: compare.headers, ignore: [...compare.ignore, ...ignore] } };
}

/** A recording's text -> its steps. `.har` files (and text that is one HAR document) are read as HAR. */
export function parseRecording(file: string, text: string): Recording {
  const recording: Recording = { file, steps: [], problems: [] };
  const trimmed = text.trim();
  if (file.endsWith('.har') || (trimmed.startsWith('{') && /^\{\s*"log"\s*:/.test(trimmed))) {
    try {
      const har = JSON.parse(trimmed) as { log?: { entries?: unknown } };
      const entries = har.log?.entries;
      if (!Array.isArray(entries)) throw new Error('a HAR file has log.entries');
      entries.forEach((entry, i) => {
        const at = `${file}#${i + 1}`;
        try {
          if (!isObject(entry)) throw new Error('entry is not an object');
          recording.steps.push(readExchange(entry, at, DEFAULT_COMPARE));
        } catch (error) {
          recording.problems.push({ at, message: error instanceof Error ? error.message : String(error) });
        }
      });
    } catch (error) {
      recording.problems.push({ at: file, message: `not a HAR file: ${error instanceof Error ? error.message : String(error)}` });
    }
    return recording;
  }
  let compare = DEFAULT_COMPARE;
  text.split('\n').forEach((raw, i) => {
    const at = `${file}:${i + 1}`;
    if (raw.trim() === '') return;
    try {
      const line = JSON.parse(raw) as unknown;
      if (!isObject(line)) throw new Error('a line is a JSON object');
      if ('compare' in line) compare = readSettings(line.compare, compare);
      else if ('state' in line) recording.steps.push({ kind: 'state', at, state: line.state });
      else if ('request' in line || 'response' in line) recording.steps.push(readExchange(line, at, compare));
      else if (!('note' in line)) throw new Error('expected request and response, state, compare or note');
    } catch (error) {
      recording.problems.push({ at, message: error instanceof SyntaxError ? `not JSON: ${error.message}` : error instanceof Error ? error.message : String(error) });
    }
  });
  return recording;
}

/** Every concrete pointer in `value` that `pattern` names (`*` one segment), with its value. */
export function resolvePointer(value: unknown, pattern: string): [string, unknown][] {
  const segments = pattern === '' ? [] : pattern.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let found: [string, unknown][] = [['', value]];
  for (const segment of segments) {
    const next: [string, unknown][] = [];
    for (const [at, v] of found) {
      const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : isObject(v) ? Object.keys(v) : [];
      for (const key of segment === '*' ? keys : keys.includes(segment) ? [segment] : []) {
        next.push([`${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, (v as Record<string, unknown>)[key]]);
      }
    }
    found = next;
  }
  return found;
}

const ignored = (pointer: string, patterns: readonly string[]) =>
  patterns.some((pattern) => {
    const p = pattern === '' ? [] : pattern.slice(1).split('/');
    const a = pointer === '' ? [] : pointer.slice(1).split('/');
    return p.length <= a.length && p.every((seg, i) => seg === '*' || seg === a[i]);
  });

export function replayPlan(recordings: readonly Recording[], env: string): ReplayPlan {
  return {
    env,
    files: recordings.map((r) => ({
      file: r.file,
      steps: r.steps.map((step) => {
        if (step.kind === 'state') return { at: step.at, state: step.state };
        const { request } = step;
        const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
        // Ignored string values that look like ids: the twin's own ids replace them in later requests.
        const captures = step.compare.ignore
          .flatMap((p) => resolvePointer(step.response.body, p))
          .filter((c): c is [string, string] => typeof c[1] === 'string' && c[1].length >= MIN_ID_LENGTH)
          .map(([pointer, recorded]) => ({ pointer, recorded }));
        return { at: step.at, request: { method: request.method, path: request.path, headers: request.headers, ...(body === undefined ? {} : { body }) }, captures };
      }),
    })),
  };
}

/** What the replayer wrote: per file, per step, what the twin answered. Written inside the sandbox: read defensively. */
export interface ReplayReport {
  files: { file: string; results: { at: string; status?: number; headers?: Record<string, string>; body?: string; error?: string; state?: string }[]; captures: [string, string][] }[];
}

export interface FidelityDifference {
  at: string;
  method: string;
  path: string;
  what: 'status' | 'header' | 'body' | 'no answer' | 'state';
  /** The header name or the JSON pointer. */
  where?: string;
  recorded?: unknown;
  twin?: unknown;
  /** Why there was no answer, or why the state was refused. */
  message?: string;
}

export interface FidelityResult {
  exchanges: number;
  differences: FidelityDifference[];
}

const ABSENT = Symbol('absent');

function substitute(value: unknown, captures: ReadonlyMap<string, string>): unknown {
  if (captures.size === 0) return value;
  if (typeof value === 'string') {
    let out = value;
    for (const [recorded, twin] of captures) out = out.split(recorded).join(twin);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, captures));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, captures)]));
  return value;
}

function diffJson(recorded: unknown, twin: unknown, pointer: string, ignore: readonly string[], out: (where: string, r: unknown, t: unknown) => void): void {
  if (ignored(pointer, ignore)) return;
  if (Array.isArray(recorded) && Array.isArray(twin)) {
    for (let i = 0; i < Math.max(recorded.length, twin.length); i++) diffJson(i < recorded.length ? recorded[i] : ABSENT, i < twin.length ? twin[i] : ABSENT, `${pointer}/${i}`, ignore, out);
    return;
  }
  if (isObject(recorded) && isObject(twin)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(twin)])].sort();
    for (const key of keys) {
      diffJson(Object.hasOwn(recorded, key) ? recorded[key] : ABSENT, Object.hasOwn(twin, key) ? twin[key] : ABSENT, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, ignore, out);
    }
    return;
  }
  if (JSON.stringify(recorded) !== JSON.stringify(twin) || (recorded === ABSENT) !== (twin === ABSENT)) out(pointer, recorded, twin);
}

const mediaType = (v: string | undefined) => v?.split(';')[0]!.trim().toLowerCase();

export function compareReplay(recordings: readonly Recording[], report: ReplayReport | undefined): FidelityResult {
  const differences: FidelityDifference[] = [];
  let exchanges = 0;
  recordings.forEach((recording, f) => {
    const replayed = report?.files[f];
    const captures = new Map(replayed?.captures ?? []);
    recording.steps.forEach((step, s) => {
      const result = replayed?.results[s];
      if (step.kind === 'state') {
        if (result?.state !== 'ok') differences.push({ at: step.at, method: 'PUT', path: '/__twin/state', what: 'state', message: result?.state ?? 'not replayed' });
        return;
      }
      exchanges++;
      const base = { at: step.at, method: step.request.method, path: step.request.path };
      if (!result || result.status === undefined) {
        differences.push({ ...base, what: 'no answer', message: result?.error ?? 'not replayed (the replay stopped early)' });
        return;
      }
      if (result.status !== step.response.status) differences.push({ ...base, what: 'status', recorded: step.response.status, twin: result.status });
      for (const name of step.response.headersRecorded ? step.compare.headers : []) {
        const r = step.response.headers[name];
        const t = result.headers?.[name];
        const same = name === 'content-type' ? mediaType(r) === mediaType(t) : substitute(r, captures) === t;
        if (!same) differences.push({ ...base, what: 'header', where: name, recorded: r ?? ABSENT, twin: t ?? ABSENT });
      }
      const twinBody = result.body === undefined || result.body === '' ? undefined : bodyOf(result.body);
      const recordedBody = substitute(step.response.body, captures);
      if (recordedBody === undefined && twinBody === undefined) return;
      diffJson(recordedBody === undefined ? ABSENT : recordedBody, twinBody === undefined ? ABSENT : twinBody, '', step.compare.ignore, (where, r, t) =>
        differences.push({ ...base, what: 'body', where: where || '/', recorded: r, twin: t }),
      );
    });
  });
  return { exchanges, differences };
}

/** A value as a difference line shows it: JSON, cut at 80 characters; `(absent)` for a missing one. */
export function showValue(value: unknown): string {
  if (value === ABSENT || value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** `charges.jsonl:4: POST /v1/charges: body /currency: recorded "eur", twin "EUR"` */
export function formatDifference(d: FidelityDifference): string {
  const head = `${d.at}: ${d.method} ${d.path}`;
  switch (d.what) {
    case 'no answer':
      return `${head}: no answer from the twin: ${d.message}`;
    case 'state':
      return `${d.at}: the twin refused the recorded state: ${d.message}`;
    case 'status':
      return `${head}: status: recorded ${String(d.recorded)}, twin ${String(d.twin)}`;
    default:
      return `${head}: ${d.what} ${d.where}: recorded ${showValue(d.recorded)}, twin ${showValue(d.twin)}`;
  }
}

/** A difference as JSON output shows it: absent values left out. */
export function differenceJson(d: FidelityDifference): Record<string, unknown> {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== ABSENT && v !== undefined));
}

/** The replayer's report, or undefined when it is not one. */
export function readReplayReport(text: string | undefined): ReplayReport | undefined {
  if (!text) return undefined;
  try {
    const report = JSON.parse(text) as ReplayReport;
    return isObject(report) && Array.isArray(report.files) ? report : undefined;
  } catch {
    return undefined;
  }
}
