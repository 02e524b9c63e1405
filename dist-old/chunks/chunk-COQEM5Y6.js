import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/lessons/review.ts
function mergeLessons(lessons, candidates, now) {
  let byKey = new Map(lessons.map((l) => [l.key, l])), next = lessons.map((l) => ({ ...l })), added = [], n = Math.max(0, ...lessons.map((l) => l.n));
  for (let c of candidates) {
    let known = byKey.get(c.key);
    if (known) {
      if (known.status !== "proposed") continue;
      let i = next.findIndex((l) => l.key === c.key);
      next[i] = { ...next[i], text: c.text, evidence: c.evidence };
      continue;
    }
    n += 1, added.push(n), next.push({ n, key: c.key, status: "proposed", failureClass: c.failureClass, signature: c.signature, text: c.text, evidence: c.evidence, proposedAt: now });
  }
  return { lessons: next, added };
}
function withRule(rules, text) {
  let rule = text.replace(/\s+/g, " ").trim();
  if (rules === null || rules.trim() === "") return { text: `# Rules

1. ${rule}
`, label: "rule 1" };
  let body = rules.replace(/\s+$/, ""), lines = body.split(`
`), last = lines.flatMap((l, i) => {
    let m = /^(?:(\d+)[.)]|([-*+]))[ \t]/.exec(l);
    return m ? [{ i, number: m[1], bullet: m[2] }] : [];
  }).at(-1);
  if (!last) return { text: `${body}

1. ${rule}
`, label: "rule 1" };
  let gap = lines.slice(last.i + 1).every((l) => l.trim() === "" || /^[ \t]/.test(l)) ? `
` : `

`;
  if (last.number !== void 0) {
    let n = Number(last.number) + 1;
    return { text: `${body}${gap}${n}. ${rule}
`, label: `rule ${n}` };
  }
  return { text: `${body}${gap}${last.bullet} ${rule}
`, label: "a new rule" };
}

export {
  mergeLessons,
  withRule
};
