/**
 * The whole pipeline, top to bottom, and where each step lives. Every entry reads the workspace
 * once into a snapshot (pipeline/snapshot.ts) and hands it down; every entry that spends or
 * writes runs inside one withRun (pipeline/with-run.ts: lock, runtime, trace, clean-up).
 * The phases (src/phases/N-*) are numbered in the order data flows through them:
 *
 *   check: snapshot --1 parse--> mdast --2 model--> Spec[] --3 check--> diagnostics
 *          (pipeline/check.ts)
 *   build: withRun( snapshot --> check --4 render--> prompts --5 plan--> jobs --6 generate-->
 *          candidate files --7 validate (sealed)--> verdicts --8 emit--> one atomic promotion of
 *          generated/ + manifest )                                     (pipeline/build.ts)
 *   verify, report, watch --build, scenarios generate: pipeline/verify.ts, report.ts, watch.ts,
 *          scenarios.ts, each on the same snapshot and run.
 *
 * The runtime (src/runtime.ts) is the run's agent, validator, budget, trace and stores.
 */
import path from 'node:path';
import type { ModelledFile } from './types/index.js';
import type { WorkspaceFiles } from './io/workspace-files.js';
import { readSnapshot } from './pipeline/snapshot.js';
import { checkSnapshot, type CheckOptions as SnapshotCheckOptions, type CheckResult } from './pipeline/check.js';

export { build } from './pipeline/build.js';
export type { BuildOptions, BuildResult } from './pipeline/build.js';
export type { CheckResult } from './pipeline/check.js';

export interface CheckOptions extends SnapshotCheckOptions {
  /** Absolute workspace root. */
  root: string;
  previous?: ReadonlyMap<string, ModelledFile>;
  /** Files already listed or read (watch, tests); with generated/'s index when the fast path made one. */
  files?: WorkspaceFiles;
}

/** Phases 1–3 on the workspace as it is now: read once, then checked. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  return checkSnapshot(await readSnapshot(root, options.files ? { files: options.files } : {}), options);
}
