import { createRequire } from 'node:module';

// node:crypto is loaded on the first hash, not imported: a warm check of an unchanged workspace
// hashes nothing (file hashes come from the stat cache, its key is compared as text), and loading
// crypto (with the stream library it needs) was a tenth of that check's time.
let createHash: typeof import('node:crypto').createHash | undefined;

/** sha256 of bytes or text, as lower-case hex: the content hash every cache and key in speccc uses. */
export function sha256(data: Uint8Array | string): string {
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level (Maps as objects): the same value always serialises to the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return value.every(isPlainDeep) ? JSON.stringify(value) : `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Map) return canonicalJson(Object.fromEntries(value));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A value JSON.stringify writes the same inside an array as canonicalJson does: no keys to sort,
 * not undefined (which an array turns into null); or an array of such values (the [file, hash]
 * pairs digests are made of).
 */
const isPlainDeep = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (Array.isArray(v) && v.every(isPlainDeep));
