import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/diagnostics/closest.ts
var norm = (s) => s.toLowerCase().replace(/[-_\s]/g, "");
function closest(word, candidates) {
  let typed = norm(word), best, prefixed = [];
  for (let name of candidates) {
    let known = norm(name), distance = levenshtein(typed, known);
    (!best || distance < best.distance) && (best = { name, distance });
    let [short, long] = typed.length <= known.length ? [typed, known] : [known, typed];
    short.length >= 3 && long.startsWith(short) && !prefixed.includes(name) && prefixed.push(name);
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : prefixed.length === 1 ? prefixed[0] : void 0;
}
function levenshtein(a, b) {
  let rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let cost = a[i - 1] === b[j - 1] ? 0 : 1, d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && (d = Math.min(d, rows[i - 2][j - 2] + 1)), rows[i][j] = d;
    }
  return rows[a.length][b.length];
}

export {
  closest
};
