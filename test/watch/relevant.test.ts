import { describe, expect, it } from 'vitest';
import { isRelevant } from '../../src/watch/watch.js';

const dirs = { specs: ['specs'], context: ['context'], templates: 'templates', config: ['speccc.config.json'] };

describe('which saved files start a watch round', () => {
  it('specs, context documents, templates and the config; not READMEs, editor temporaries or other files', () => {
    expect(isRelevant('specs/core/money.md', dirs)).toBe(true);
    expect(isRelevant('context/glossary.md', dirs)).toBe(true);
    expect(isRelevant('templates/job.hbs', dirs)).toBe(true);
    expect(isRelevant('speccc.config.json', dirs)).toBe(true);
    expect(isRelevant('specs/README.md', dirs)).toBe(false);
    expect(isRelevant('context/core/readme.md', dirs)).toBe(false);
    expect(isRelevant('specs/.money.md.swp', dirs)).toBe(false);
    expect(isRelevant('specs/money.md~', dirs)).toBe(false);
    expect(isRelevant('generated/src/money.ts', dirs)).toBe(false);
  });

  it("in a monorepo, each member's specs, context and config too", () => {
    const mono = { specs: ['specs', 'packages/billing/specs'], context: ['context', 'packages/billing/context'], templates: 'templates', config: ['speccc.config.json', 'packages/billing/speccc.config.json'] };
    expect(isRelevant('packages/billing/specs/invoice.md', mono)).toBe(true);
    expect(isRelevant('packages/billing/context/terms.md', mono)).toBe(true);
    expect(isRelevant('packages/billing/speccc.config.json', mono)).toBe(true);
    expect(isRelevant('packages/billing/scenarios/invoice/total.md', mono)).toBe(false);
    expect(isRelevant('packages/billing/src/invoice.ts', mono)).toBe(false);
  });
});
