/**
 * A job gets the validator's warm test runner ready while its agent works: `Validator.prepare`
 * is called before every request for files (the first answer and each fix), so the visible
 * checks that follow find a loaded spare (src/io/vitest-spare.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildWith, passingValidator, view } from '../../helpers/runtime.js';
import { fakeAgent } from '../../helpers/fake-agent.js';
import { exampleReplies } from '../../helpers/example-replies.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';
import type { Validator } from '../../../src/types/index.js';

const workspaces = useTempWorkspace();

describe('warm validation in a build', () => {
  it('asks the validator to get ready before each request for files, the fix included', async () => {
    const events: string[] = [];
    let visibleRuns = 0;
    const validator: Validator = {
      ...passingValidator,
      prepare: () => void events.push('prepare'),
      visible: async () => {
        events.push('visible');
        // The first answer fails its checks: one fix follows.
        return ++visibleRuns === 1 ? { passed: false, failureClass: 'tests-fail', feedback: 'expected 1 to be 2', durationMs: 0 } : { passed: true, feedback: '', durationMs: 0 };
      },
    };
    const good = exampleReplies().money!;
    const fake = fakeAgent(() => {
      events.push('agent');
      return { files: good };
    });
    const result = view(await buildWith(workspaces.moneyOnly(), fake.agent, { validator }));
    expect(result.outcomes.get('money')).toMatchObject({ state: 'built', attempts: 2 });
    expect(events).toEqual(['prepare', 'agent', 'visible', 'prepare', 'agent', 'visible']);
  });
});
