import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { proseBetween } from '../prose.js';

/** Words that show the author thought about bad input. */
const INVALID_WORDS =
  /\b(?:invalid|malformed|missing|empty|blank|absent|out of range|out-of-range|too (?:long|short|large|small|many|few)|exceed(?:s|ing)?|negative|unknown|unsupported|reject(?:s|ed|ion)?|refuse(?:s|d)?|error|errors|fail(?:s|ure)?|throws?|not (?:a|an) )/i;

export const inputsInvalidCaseRule: Rule = {
  id: 'inputs-invalid-case',
  codes: ['inputs-no-invalid-case'],
  scope: { kind: 'spec-local' },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec || spec.frontmatter?.kind !== 'feature') continue;
      const inputs = spec.sections.find((s) => s.name === 'inputs');
      if (!inputs || inputs.text.trim() === '') continue;
      // Prose only: a signature such as `raw: unknown` or a type `Error` says nothing about invalid input.
      if (INVALID_WORDS.test(proseBetween(spec, inputs.bodyRange[0], inputs.bodyRange[1]))) continue;
      out.push(
        d.inputsNoInvalidCase({
          file: spec.file,
          span: inputs.headingSpan,
          message: `Section \`${inputs.heading}\` never says what happens on invalid input; expected the behaviour for missing, malformed or out-of-range values`,
        }),
      );
    }
    return out;
  },
};
