/**
 * vague-wording's pattern starts with \b to be fast (src/phases/3-check/rules/vague-wording.ts),
 * which changes no finding only while every entry starts with an ASCII letter: a new entry that
 * starts otherwise ("24/7", "(…)") would lose findings silently.
 */
import { describe, expect, it } from 'vitest';
import { VAGUE_WORDS, vagueWordingRule } from '../../../../src/phases/3-check/rules/vague-wording.js';
import { parseSpecFile } from '../../../../src/phases/1-parse/index.js';
import { modelSpec } from '../../../../src/phases/2-model/index.js';
import { specLocalContext } from '../../../../src/phases/3-check/spec-local.js';

describe('vague-wording', () => {
  it('every vague word (each alternative of a leading group too) starts with an ASCII letter', () => {
    const starts = (entry: string) => (entry.startsWith('(?:') ? entry.slice(3, entry.indexOf(')')).split('|') : [entry]);
    expect(VAGUE_WORDS.flatMap(starts).filter((word) => !/^[a-z]/.test(word))).toEqual([]);
  });

  it('finds a vague word at the start of a line, after a space or punctuation, not inside a word or after "as"', () => {
    const text = '---\nid: v\nkind: feature\nstatus: draft\n---\n# V\n\n## Behaviour\n\n- Fast replies.\n- Parsing is robust;easy too.\n- Unfast, as appropriate, re-robust.\n';
    const model = modelSpec(parseSpecFile('specs/v.md', Buffer.from(text)));
    const found = vagueWordingRule.check(specLocalContext([model])).map((d) => text.slice(d.span.start.offset, d.span.end.offset));
    expect(found).toEqual(['Fast', 'robust', 'easy']);
  });
});
