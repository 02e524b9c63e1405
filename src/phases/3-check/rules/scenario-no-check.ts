import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Rule } from '../rule.js';

/** A plain-language holdout scenario that nothing runs is not a gate: say so, so it is never counted as passing. */
export const scenarioNoCheckRule: Rule = {
  id: 'scenario-no-check',
  codes: ['scenario-no-check'],
  scope: { kind: 'workspace', own: 'none', reads: ['scenarios', 'config'] },
  check({ scenarios, config }) {
    const origin = { line: 1, column: 1, offset: 0 };
    const dir = config.paths.scenarios.replace(/\/$/, '');
    return scenarios
      .filter((s) => !s.hasCheck)
      .map((s) => {
        // A monorepo member's scenario is in its member's folder (its spec named `member:id`).
        const folder = s.folder ?? `${dir}/${s.spec}`;
        return d.scenarioNoCheck({
          file: `${folder}/${s.name}.md`,
          span: { start: origin, end: origin },
          message: `Scenario \`${s.name}\` of spec \`${s.spec}\` has no automated check; expected ${folder}/${s.name}.test.ts beside it`,
        });
      });
  },
};
