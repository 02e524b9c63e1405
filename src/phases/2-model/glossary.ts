import type { ContextDoc, GlossaryTerm } from '../../types/index.js';
import { createLineIndex } from '../1-parse/line-index.js';

/**
 * context/glossary.md -> terms. Each H2 heading is a term; a line `Aliases: a, b` directly
 * under it adds aliases. Fenced code is skipped. Matching is case-insensitive.
 */
export function parseGlossary(doc: ContextDoc): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  const lines = createLineIndex(doc.text);
  let offset = 0;
  let inFence = false;
  let last: GlossaryTerm | undefined;
  for (const line of doc.text.split('\n')) {
    const clean = line.replace(/\r$/, '');
    if (/^\s*(```|~~~)/.test(clean)) inFence = !inFence;
    const heading = !inFence && /^##\s+(.+?)\s*#*\s*$/.exec(clean);
    const aliases = !inFence && /^\s*aliases\s*:\s*(.+)$/i.exec(clean);
    if (heading) {
      const term = heading[1]!.trim();
      last = { term, keys: [term.toLowerCase()], file: doc.file, span: lines.span(offset, offset + clean.length) };
      terms.push(last);
    } else if (aliases && last) {
      last.keys.push(...aliases[1]!.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean));
    } else if (clean.trim() !== '') {
      last = undefined; // aliases must follow the heading directly
    }
    offset += line.length + 1;
  }
  return terms;
}
