/** Small steps of build() that are not phases: the promotion policy, the build stamp, the template probe, staging for validation. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Workspace } from '../types.js';
import type { JobOutcome } from './run-jobs.js';
import { buildableInOrder } from '../phases/4-plan/index.js';
import { renderFix, renderJob } from '../phases/5-render/index.js';
import type { TemplateSet } from '../phases/5-render/templates.js';
import { buildDigest, writeStamp } from '../io/build-stamp.js';
import { SPECCC_VERSION } from '../version.js';

/** Under manual promotion, new output waits in the result store until a person promotes it. */
export function holdForPromotion(outcomes: Map<string, JobOutcome>, promote: 'all' | ReadonlySet<string> | undefined): void {
  for (const [id, outcome] of outcomes) {
    const chosen = promote === 'all' || promote?.has(id);
    if ((outcome.state === 'built' || outcome.state === 'reused') && !chosen) outcomes.set(id, { ...outcome, state: 'staged' });
  }
}

/** Records that every input as it is now builds to the tree as it is now. */
export async function stampBuild(root: string, specs: number): Promise<void> {
  await writeStamp(root, { digest: await buildDigest(root, SPECCC_VERSION), specs });
}

/** Renders the job and fix templates once against the first buildable spec, so template errors stop the build up front. */
export function renderFixOrJob(templates: TemplateSet, workspace: Workspace): Diagnostic[] {
  const spec = buildableInOrder(workspace)[0];
  if (!spec) return [];
  const job = renderJob(templates, { spec, outputs: spec.frontmatter!.outputs, dependencies: [] });
  const fix = renderFix(templates, { spec, attempt: 1, maxAttempts: 1, failures: [{ title: 't', output: 'o' }] });
  return [...(job.ok ? [] : job.diagnostics), ...(fix.ok ? [] : fix.diagnostics)];
}

export async function stageFiles(dir: string, files: ReadonlyMap<string, string>): Promise<string> {
  await fsp.rm(dir, { recursive: true, force: true });
  for (const [rel, content] of files) {
    const target = path.join(dir, rel);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, content);
  }
  return dir;
}
