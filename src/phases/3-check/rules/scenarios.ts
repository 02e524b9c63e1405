import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, Scenario, Spec, Step } from '../../../types/index.js';
import type { Rule } from '../rule.js';

/** An example needs Given, When and Then; a property needs For any (its generators) and Then (what holds). */
const complete = (s: Scenario) => (s.kind === 'property' ? (s.forAny?.length ?? 0) > 0 && s.then.length > 0 : s.given.length > 0 && s.when.length > 0 && s.then.length > 0);

/** Then steps that cannot fail: "it works", "everything is fine", "as expected". */
const UNTESTABLE_THEN = /^(?:it|this|that|everything|all|the (?:system|feature|app|result))\s+(?:works?|is (?:fine|ok|okay|correct|good|handled|successful)|behaves (?:correctly|as expected)|succeeds)\b|^(?:the )?(?:result|output) is (?:correct|as expected|right)\b|^(?:it|this) (?:just )?works\b|^as expected\b/i;

export const scenariosRule: Rule = {
  id: 'scenarios',
  codes: ['scenario-none', 'scenario-incomplete', 'scenario-order', 'scenario-duplicate-name', 'then-untestable', 'scenario-stray-text', 'property-no-generator', 'property-no-assertion'],
  scope: { kind: 'spec-local' },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      const evaluation = spec.sections.find((s) => s.name === 'evaluation');
      if (evaluation && evaluation.text.trim() !== '' && !spec.scenarios.some(complete)) {
        out.push(
          d.scenarioNone({
            file: spec.file,
            span: evaluation.headingSpan,
            message: `Section \`${evaluation.heading}\` has no complete Given/When/Then scenario; expected at least one`,
          }),
        );
      }
      for (const span of spec.strayEvaluationText) {
        const before = spec.scenarios.filter((s) => s.span.start.offset < span.start.offset).at(-1);
        out.push(
          d.scenarioStrayText({
            file: spec.file,
            span,
            message: `Text after scenario \`${before?.name ?? ''}\` is not a Given, When or Then step and belongs to no scenario; expected a step`,
          }),
        );
      }
      const names = new Map<string, Scenario>();
      for (const scenario of spec.scenarios) {
        const missing = (['given', 'when', 'then'] as const).filter((k) => scenario[k].length === 0);
        if (scenario.kind === 'property') out.push(...propertyFindings(spec, scenario));
        else if (missing.length > 0) {
          out.push(
            d.scenarioIncomplete({
              file: spec.file,
              span: scenario.span,
              message: `Scenario \`${scenario.name}\` has no ${missing.map(cap).join(' or ')} step; expected Given, When and Then`,
              hint: `Add ${missing.map((m) => `a ${cap(m)}`).join(' and ')} step.`,
            }),
          );
        } else {
          const bad = outOfOrder(scenario);
          if (bad) {
            out.push(
              d.scenarioOrder({
                file: spec.file,
                span: bad.span,
                message: `Scenario \`${scenario.name}\` has a ${cap(bad.keyword)} step out of order; expected Given, then When, then Then`,
              }),
            );
          }
        }
        const key = scenario.name.toLowerCase();
        const first = names.get(key);
        if (first && scenario.form === 'block') {
          out.push(
            d.scenarioDuplicateName({
              file: spec.file,
              span: scenario.span,
              message: `Scenario name \`${scenario.name}\` is used twice; expected distinct names`,
              related: [{ file: spec.file, span: first.span, message: 'first scenario with this name' }],
            }),
          );
        } else if (!first) names.set(key, scenario);
        for (const step of scenario.then) {
          if (UNTESTABLE_THEN.test(step.text.trim())) {
            out.push(
              d.thenUntestable({
                file: spec.file,
                span: step.span,
                message: `Then step \`${step.text}\` states no observable outcome; expected a value, message or state to check`,
              }),
            );
          }
        }
      }
    }
    return out;
  },
};

/** A property without For any has nothing to generate inputs from; without Then, nothing that must hold for them. */
function propertyFindings(spec: Spec, scenario: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  if ((scenario.forAny?.length ?? 0) === 0) {
    out.push(
      d.propertyNoGenerator({
        file: spec.file,
        span: scenario.span,
        message: `Property \`${scenario.name}\` has no For any step; expected one naming the inputs it holds for`,
      }),
    );
  }
  if (scenario.then.length === 0) {
    out.push(
      d.propertyNoAssertion({
        file: spec.file,
        span: scenario.span,
        message: `Property \`${scenario.name}\` has no Then step; expected one stating what holds for every input`,
      }),
    );
  }
  return out;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** The first step that breaks Given < When < Then by source position, if any. */
function outOfOrder(s: Scenario): Step | undefined {
  const all = [...s.given, ...s.when, ...s.then].sort((a, b) => a.span.start.offset - b.span.start.offset);
  const rank = { given: 0, when: 1, then: 2 } as const;
  let highest = 0;
  for (const step of all) {
    // A Given after the When is out of order; a further When after a Then starts a second act, also flagged.
    if (rank[step.keyword] < highest) return step;
    highest = Math.max(highest, rank[step.keyword]);
  }
  return undefined;
}
