// Choosing the script rule that answers a request. Uses are counted per twin instance.
import type { RequestContext, Rule, RuleMatch } from './types.js';

export function matches(match: RuleMatch | undefined, ctx: RequestContext): boolean {
  if (!match) return true;
  if (match.lastUserIncludes !== undefined && !ctx.lastUserText.includes(match.lastUserIncludes)) return false;
  if (match.anyIncludes !== undefined && !ctx.allText.includes(match.anyIncludes)) return false;
  if (match.specId !== undefined && ctx.specId !== match.specId) return false;
  if (match.turn !== undefined && ctx.turn !== match.turn) return false;
  if (match.requestIndex !== undefined && ctx.requestIndex !== match.requestIndex) return false;
  if (match.model !== undefined && ctx.body.model !== match.model) return false;
  if (match.where && !match.where(ctx)) return false;
  return true;
}

/** The first matching rule with uses left; records the use. */
export function pickRule(script: readonly Rule[], uses: Map<Rule, number>, ctx: RequestContext): Rule | undefined {
  for (const rule of script) {
    const used = uses.get(rule) ?? 0;
    if (rule.times !== undefined && used >= rule.times) continue;
    if (!matches(rule.match, ctx)) continue;
    uses.set(rule, used + 1);
    return rule;
  }
  return undefined;
}
