/**
 * What a promotion verdict is keyed by (VerdictKey, src/types/build.ts): the output tree, the
 * visible checks, the holdout set and the validation settings, each digested canonically. Pure.
 * A holdout change invalidates verdicts, never generations: job keys do not read any of this.
 */
import type { FileTree, HoldoutCheck, HoldoutSet, SpecccConfig, ToolchainVersions, VerdictKey } from '../../types/index.js';
import { canonicalJson, sha256 } from '../../hash.js';
import { TEST_FILE } from '../3-check/coverage.js';

/** Bumped when the gate changes what it checks (a new rule against tests that prove nothing, a new holdout runner): every verdict is given again, no job is regenerated. */
export const GATE_FORMAT = 1;

/** The run-wide half of every verdict key: read once per run (holdout set, toolchain), digested here. */
export interface GateInputs {
  /** The digest of a spec's holdout set (every check's name and content); specs without checks share the empty set's. */
  holdoutDigest(specId: string): string;
  /** The digest of the validation settings (settingsDigest). */
  settings: string;
}

export function holdoutDigests(set: HoldoutSet): (specId: string) => string {
  const digest = (checks: readonly HoldoutCheck[]) => sha256(canonicalJson(checks.map((c) => [c.file, sha256(c.content)])));
  const empty = digest([]);
  const bySpec = new Map([...set].map(([id, checks]) => [id, digest(checks)]));
  return (specId) => bySpec.get(specId) ?? empty;
}

/**
 * Node by major version (machines differ in patches, behaviour does not); typescript and vitest
 * exactly (they come with speccc's lock file); Stryker only when a mutation score is asked for.
 */
export function settingsDigest(config: SpecccConfig, toolchain: ToolchainVersions): string {
  const v = config.validation;
  const minMutationScore = config.promotion.minMutationScore;
  const { node = '', '@stryker-mutator/core': stryker, ...tools } = toolchain;
  return sha256(
    canonicalJson({
      gate: GATE_FORMAT,
      sandbox: v.sandbox,
      toolchain: { node: node.replace(/^v?(\d+).*$/, '$1'), ...tools, ...(minMutationScore !== undefined ? { stryker: stryker ?? null } : {}) },
      timeoutMs: v.timeoutMs,
      // How many inputs a property holdout tries: more runs can find what fewer passed.
      propertyRuns: v.propertyRuns,
      requireHoldouts: config.promotion.requireHoldouts,
      minMutationScore: config.promotion.minMutationScore ?? null,
    }),
  );
}

export function gateInputs(set: HoldoutSet, config: SpecccConfig, toolchain: ToolchainVersions): GateInputs {
  return { holdoutDigest: holdoutDigests(set), settings: settingsDigest(config, toolchain) };
}

/** path -> sha256 of content, sorted: the tree a verdict was given on. */
export function treeDigest(tree: FileTree): string {
  return sha256(canonicalJson([...tree].map(([p, c]) => [p, sha256(c)]).sort(([a], [b]) => (a! < b! ? -1 : 1))));
}

export function verdictKey(input: { specId: string; outputs: readonly string[]; tree: FileTree; config: SpecccConfig; gate: GateInputs }): VerdictKey {
  const v = input.config.validation;
  return {
    tree: treeDigest(input.tree),
    visible: sha256(canonicalJson({ gate: GATE_FORMAT, tests: input.outputs.filter((o) => TEST_FILE.test(o)), typecheck: v.typecheck, testCommand: v.testCommand })),
    holdouts: input.gate.holdoutDigest(input.specId),
    settings: input.gate.settings,
  };
}

export function sameVerdictKey(a: VerdictKey | undefined, b: VerdictKey): boolean {
  return a !== undefined && a.tree === b.tree && a.visible === b.visible && a.holdouts === b.holdouts && a.settings === b.settings;
}
