/**
 * The one did-you-mean: every suggestion speccc makes (a misspelt section heading, frontmatter
 * field, config key, rule code, spec id, twin, glossary term, model; a command, option or choice
 * on the command line) comes from here, so a typo gets the same answer wherever it is made.
 */

const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The candidate nearest to a typo, if it is close enough to be a likely intent (for "Did you mean …?"):
 * the one at the smallest edit distance, if that is at most a third of its length (at least 1);
 * else the only candidate that the word begins, or that begins with the word (an abbreviation
 * `mon` of `money`, a suffixed `money-v2`), when the shorter of the two has 3 characters or more.
 * Case, `-`, `_` and spaces do not count.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = norm(word);
  let best: { name: string; distance: number } | undefined;
  const prefixed: string[] = [];
  for (const name of candidates) {
    const known = norm(name);
    const distance = levenshtein(typed, known);
    if (!best || distance < best.distance) best = { name, distance };
    const [short, long] = typed.length <= known.length ? [typed, known] : [known, typed];
    if (short.length >= 3 && long.startsWith(short) && !prefixed.includes(name)) prefixed.push(name);
  }
  if (best && best.distance <= Math.max(1, Math.floor(best.name.length / 3))) return best.name;
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Edit distance where swapping two neighbouring letters is one edit (`modle` -> `model`), as typing mistakes go. */
function levenshtein(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
