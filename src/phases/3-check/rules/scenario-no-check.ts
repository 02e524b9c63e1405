import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';

/**
 * A plain-language holdout scenario that nothing runs is not a gate: say so, so it is never
 * counted as passing. A holdout that states a property needs its inputs (For any) and what holds
 * for them (Then), as a spec's own property does.
 */
export const scenarioNoCheckRule: Rule = {
  id: 'scenario-no-check',
  codes: ['scenario-no-check', 'property-no-generator', 'property-no-assertion'],
  scope: { kind: 'workspace', own: 'none', reads: ['scenarios', 'config'] },
  check({ scenarios, config }) {
    const origin = { line: 1, column: 1, offset: 0 };
    const span = { start: origin, end: origin };
    const dir = config.paths.scenarios.replace(/\/$/, '');
    const out: Diagnostic[] = [];
    for (const s of scenarios) {
      // A monorepo member's scenario is in its member's folder (its spec named `member:id`).
      const folder = s.folder ?? `${dir}/${s.spec}`;
      const file = `${folder}/${s.name}.md`;
      if (!s.hasCheck) out.push(d.scenarioNoCheck({ file, span, message: `Scenario \`${s.name}\` of spec \`${s.spec}\` has no automated check; expected ${folder}/${s.name}.test.ts beside it` }));
      if (s.property && !s.property.generator) out.push(d.propertyNoGenerator({ file, span, message: `Property scenario \`${s.name}\` of spec \`${s.spec}\` has no For any step; expected one naming the inputs it holds for` }));
      if (s.property && !s.property.assertion) out.push(d.propertyNoAssertion({ file, span, message: `Property scenario \`${s.name}\` of spec \`${s.spec}\` has no Then step; expected one stating what holds for every input` }));
    }
    return out;
  },
};
