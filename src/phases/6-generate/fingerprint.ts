/**
 * Request fingerprints for the leak audit: a Bloom filter of the request's word 5-shingles,
 * hashed. It can answer "does this request contain this run of five words?" with a small
 * false-positive rate (about 1% per shingle), and it holds no text: nothing of a prompt can be
 * read back from it. `speccc audit` tests every scenario's shingles against every request's
 * filter; a scenario sharing more than a few shingles with a request is reported as a leak.
 */
export const SHINGLE_WORDS = 5;
const BITS_PER_ITEM = 10; // about 1% false positives with 7 hashes
const HASHES = 7;

/**
 * The words of a text, lower-cased, letters and digits only. JSON's `\n`, `\r` and `\t` escapes
 * separate words too: a request is fingerprinted as JSON, where "points\nThen" must still be the
 * two words of the markdown it came from.
 */
export function words(text: string): string[] {
  return text.replace(/\\[nrt]/g, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function shingles(text: string): string[] {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(w.slice(i, i + SHINGLE_WORDS).join(' '));
  return [...out];
}

/** FNV-1a, 32-bit, with a seed: two of them give the Bloom filter's k positions (double hashing). */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function positions(shingle: string, bits: number): number[] {
  const a = fnv1a(shingle, 0);
  const b = fnv1a(shingle, 0x9e3779b9) | 1;
  return Array.from({ length: HASHES }, (_, i) => ((a + Math.imul(i, b)) >>> 0) % bits);
}

/** `bloom1:<bits>:<base64>`. */
export function fingerprint(text: string): string {
  const items = shingles(text);
  const bits = Math.max(1024, Math.ceil((items.length * BITS_PER_ITEM) / 8) * 8);
  const bytes = new Uint8Array(bits / 8);
  for (const s of items) for (const p of positions(s, bits)) bytes[p >> 3]! |= 1 << (p & 7);
  return `bloom1:${bits}:${Buffer.from(bytes).toString('base64')}`;
}

/** How many of `candidate`'s shingles the fingerprinted request (probably) contains. */
export function sharedShingles(print: string, candidate: readonly string[]): number {
  const [tag, bitsText, data] = print.split(':');
  if (tag !== 'bloom1' || !bitsText || data === undefined) return 0;
  const bits = Number(bitsText);
  const bytes = Buffer.from(data, 'base64');
  if (!Number.isInteger(bits) || bytes.length * 8 !== bits) return 0;
  return candidate.filter((s) => positions(s, bits).every((p) => (bytes[p >> 3]! & (1 << (p & 7))) !== 0)).length;
}
