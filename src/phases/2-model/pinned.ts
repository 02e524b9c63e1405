/**
 * Pinned requirement ids: `{#id}` at the end of a Rules or Edge cases item, a scenario heading or
 * a one-line scenario (docs/spec-format.md). An id is a letter or digit, then up to 63 letters,
 * digits, `-`, `_` or `.`; anything else in braces is plain text.
 */
const PINNED_AT_END = /\{#([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\}\s*$/;
const PINNED_ANYWHERE = /\s*\{#[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\}(?=\s*$)/;

export interface PinnedAt {
  value: string;
  /** [start, end) offsets of `{#id}` in the source. */
  start: number;
  end: number;
}

/** The `{#id}` that ends source[start, end), if any. */
export function findPinned(source: string, start: number, end: number): PinnedAt | undefined {
  const slice = source.slice(start, end);
  const m = PINNED_AT_END.exec(slice);
  if (!m) return undefined;
  return { value: m[1]!, start: start + m.index, end: start + m.index + m[0].trimEnd().length };
}

/** Text without a trailing `{#id}`. */
export function stripPinned(text: string): string {
  return text.replace(PINNED_ANYWHERE, '').trimEnd();
}
