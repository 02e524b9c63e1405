/**
 * Checks' output -> the one line a person reads first in a failed job's status: the compiler's
 * first error, or the first failing test with its reason, instead of whatever line a tool prints
 * first (vitest opens with the file's summary, " ❯ src/x.test.ts (3 tests | 1 failed)").
 */
const MAX = 240;
/** Requirement ids in a test title (`[money#R-…, money#E-…]`) and a trailing duration: noise in one line. */
const NOISE = /\s*\[[^\]\n]*#[^\]\n]*\]|\s+\d+(?:\.\d+)?\s?m?s$/g;

export function failureLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);
  const compiler = lines.find((l) => /\berror TS\d+:/.test(l));
  if (compiler) return clip(compiler);
  const test = lines.find((l) => l.startsWith('×') || l.startsWith('✗'));
  // vitest prints each failure's error under it (`AssertionError: expected 2 to be 3 …`), or a `→` line.
  const error = lines.find((l) => /^(?:[A-Z][A-Za-z]*Error|Error)\b/.test(l)) ?? lines.find((l) => l.startsWith('→'))?.replace(/^→\s*/, '');
  if (test) {
    const name = test.replace(/^[×✗]\s*/, '').replace(NOISE, '');
    return clip(error ? `${name}: ${error}` : name);
  }
  return clip(error ?? lines[0] ?? 'no output');
}
