/**
 * The review file's contents: lessons proposed from the traces, numbered, each accepted or
 * rejected by a person (never by speccc), and what accepting one adds to context/rules.md. Pure.
 */
import type { z } from 'zod';
import type { LessonSchema } from '../schemas/state.js';
import type { Candidate } from './derive.js';

export type Lesson = z.output<typeof LessonSchema>;

/**
 * The lessons with the candidates merged in: a new failure becomes a proposal with the next
 * number; a proposal still open gets the latest evidence and wording; an accepted or rejected
 * lesson is never proposed again. Returns the numbers of the new proposals.
 */
export function mergeLessons(lessons: readonly Lesson[], candidates: readonly Candidate[], now: string): { lessons: Lesson[]; added: number[] } {
  const byKey = new Map(lessons.map((l) => [l.key, l]));
  const next = lessons.map((l) => ({ ...l }));
  const added: number[] = [];
  let n = Math.max(0, ...lessons.map((l) => l.n));
  for (const c of candidates) {
    const known = byKey.get(c.key);
    if (known) {
      if (known.status !== 'proposed') continue;
      const i = next.findIndex((l) => l.key === c.key);
      next[i] = { ...next[i]!, text: c.text, evidence: c.evidence };
      continue;
    }
    n += 1;
    added.push(n);
    next.push({ n, key: c.key, status: 'proposed', failureClass: c.failureClass, signature: c.signature, text: c.text, evidence: c.evidence, proposedAt: now });
  }
  return { lessons: next, added };
}

/**
 * context/rules.md with `text` added as its next rule: numbered after the last numbered rule
 * (`6. …`), a bullet after a bulleted list, or a first numbered rule (in a new file, under
 * `# Rules`).
 */
export function withRule(rules: string | null, text: string): { text: string; label: string } {
  const rule = text.replace(/\s+/g, ' ').trim();
  if (rules === null || rules.trim() === '') return { text: `# Rules\n\n1. ${rule}\n`, label: 'rule 1' };
  const body = rules.replace(/\s+$/, '');
  const lines = body.split('\n');
  const items = lines.flatMap((l, i) => {
    const m = /^(?:(\d+)[.)]|([-*+]))[ \t]/.exec(l);
    return m ? [{ i, number: m[1], bullet: m[2] }] : [];
  });
  const last = items.at(-1);
  if (!last) return { text: `${body}\n\n1. ${rule}\n`, label: 'rule 1' };
  // The rule joins the list when the list ends the file (indented lines continue its last item), else it starts a paragraph.
  const gap = lines.slice(last.i + 1).every((l) => l.trim() === '' || /^[ \t]/.test(l)) ? '\n' : '\n\n';
  if (last.number !== undefined) {
    const n = Number(last.number) + 1;
    return { text: `${body}${gap}${n}. ${rule}\n`, label: `rule ${n}` };
  }
  return { text: `${body}${gap}${last.bullet} ${rule}\n`, label: 'a new rule' };
}
