/**
 * A plain-language holdout scenario (`<scenarios>/<spec-id>/<name>.md`) -> whether it states a
 * property, and whether that property names its inputs (a For any step) and what holds for them
 * (a Then step). Read line by line, as the spec's own steps are (phases/2-model/scenarios.ts): a
 * step is a line, or a list item, that starts with its keyword, bold or not. Pure; here because
 * only io reads the scenarios folder.
 */

export interface HoldoutPropertyShape {
  /** A For any step: the generators a check draws from. */
  generator: boolean;
  /** A Then step: what must hold for every input. */
  assertion: boolean;
}

const STEP = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?(for any|for all|then)\b/i;
const PROPERTY_TITLE = /^#{1,3}\s+property\s*[:\-–—]/im;

/** Null for an example scenario: one with no Property title and no For any step. */
export function holdoutPropertyShape(markdown: string): HoldoutPropertyShape | null {
  const keywords = markdown.split('\n').map((line) => STEP.exec(line)?.[1]?.toLowerCase());
  const generator = keywords.some((k) => k === 'for any' || k === 'for all');
  if (!generator && !PROPERTY_TITLE.test(markdown)) return null;
  return { generator, assertion: keywords.includes('then') };
}
