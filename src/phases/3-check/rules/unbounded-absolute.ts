import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody } from '../prose.js';

/**
 * Absolutes no test can confirm (ISO/IEC/IEEE 29148's and INCOSE's unachievable absolutes and
 * unbounded universal qualifiers): "always available", "24/7", "never crash", "never lose data",
 * "100% uptime", "zero downtime", "error-free", "all possible inputs", "under any circumstances",
 * "at all times", "any browser", "all users must be able to …". A universal or negative property
 * a test can check on the spec's own inputs ("`parse` must never throw", "every line shows its
 * quantity", "must not log card numbers") is not one.
 */
const QUALITY = String.raw`available|up|online|accessible|operational|reliable|responsive|secure|correct|accurate|up[- ]to[- ]date|working|consistent|fast`;
const FAILURE = String.raw`fail|fails|crash|crashes|hang|hangs|freeze|freezes|break|breaks|go down|goes down|lose|loses|drop|drops|time out|times out|be (?:down|unavailable|slow|late)`;
// Every alternative starts with \b; the \b repeated in front of the group lets V8 reject most
// positions before trying each alternative in turn (about twice as fast; the same matches).
const PATTERN = new RegExp(
  String.raw`\b(?:` +
  [
    String.raw`\balways (?:be |remain |stay )?(?:${QUALITY})\b`,
    String.raw`\b(?:${QUALITY}) (?:24/7|24x7|24 hours a day|around the clock|round the clock)`,
    String.raw`\b24/7\b|\b24x7\b|\bat all times\b|\baround the clock\b`,
    String.raw`\bnever (?:${FAILURE})\b`,
    String.raw`\b100 ?% (?:uptime|availability|available|reliab\w*|accura\w*|secure|correct\w*|safe)\b|\b(?:uptime|availability|reliability|accuracy) of 100 ?%`,
    String.raw`\bzero (?:downtime|defects|bugs|errors|failures|data loss|outages?)\b`,
    String.raw`\b(?:error|bug|fault|defect|failure)[- ]free\b`,
    String.raw`\b(?:all|any|every) (?:possible|conceivable|imaginable)\b`,
    String.raw`\b(?:under|in) (?:all|any) (?:circumstances|conditions|situations)\b|\bwhatever happens\b`,
    // An open population as a quality claim's target or subject: "with any HTML browser", "to all audiences", "all users must be able to"
    // (not the scope of a setting: "enforced for all users").
    String.raw`\b(?:to|with|on|by) (?:all|any|every) (?:[\w-]+ )?(?:users?|audiences?|browsers?|devices?|platforms?|customers?|people)\b(?= (?:must|shall|should|will|can)\b|[.,;]|$)`,
    String.raw`\b(?:all|every)(?: of the)? (?:[\w-]+ )?(?:users?|audiences?|customers?|people) (?:must|shall|should|will|can) (?:be able to|use|understand)\b`,
    String.raw`\b(?:catch|handle|detect|prevent|fix|stop|block) (?:all|every|any) (?:errors?|bugs?|failures?|problems?|issues?|exceptions?|attacks?|threats?)\b(?! (?:that|which|of|from|in|raised|thrown)\b)`,
  ].join('|') +
    ')',
  'gi',
);

export const unboundedAbsoluteRule: Rule = {
  id: 'unbounded-absolute',
  codes: ['unbounded-absolute'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        out.push(
          d.unboundedAbsolute({
            file: spec.file,
            span: m.span,
            message: `\`${m.text}\` is an absolute no test can confirm; expected a measurable bound`,
          }),
        );
      }
    }
    return out;
  },
};
