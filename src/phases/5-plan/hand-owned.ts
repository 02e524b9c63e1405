/**
 * Specs whose outputs are the team's own code, adopted and not yet handed over (`owner: hand`,
 * docs/adopt.md): never built, their files never written or removed by a build. A spec that
 * builds on one sees its code as it is, like any dependency's outputs, but not its tests: those
 * are the team's (often another runner's globals), never part of another spec's checks.
 */
import type { Spec } from '../../types/index.js';

export const isHandOwned = (s: Spec): boolean => s.frontmatter?.owner === 'hand';

const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__)\//;

/** The outputs of a dependency that a job reads and runs with: a hand-owned one's code only. */
export function dependencyOutputs(spec: Spec): readonly string[] {
  const outputs = spec.frontmatter?.outputs ?? [];
  return isHandOwned(spec) ? outputs.filter((o) => !TEST_FILE.test(o) && !TEST_FOLDER.test(o)) : outputs;
}
