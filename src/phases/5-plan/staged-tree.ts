/**
 * The tree a job runs in: its own outputs, the outputs of every spec it builds on (directly or
 * not) and the files of the service twins its code calls. One definition for the agent's
 * readable files, the sealed validation and the verdict key, so what was judged is what runs.
 */
import type { PlannedJob, Workspace } from '../../types/index.js';
import { twinsUsedBy } from '../2-model/twins.js';
import { dependencyOutputs } from './hand-owned.js';

/** Outputs of the specs a job builds on (its closure), as this build leaves them: what its agent may read. */
export function dependencyFiles(workspace: Workspace, job: PlannedJob, outputOf: (path: string) => string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  for (const id of job.closure) {
    const dep = workspace.byId.get(id);
    for (const p of dep ? dependencyOutputs(dep) : []) files.set(p, outputOf(p) ?? '');
  }
  return files;
}

/** The whole tree a job's checks run on: twins' files, then the closure's outputs, then its own files. */
export function stagedTree(workspace: Workspace, job: PlannedJob, outputOf: (path: string) => string | undefined, own: ReadonlyMap<string, string>): Map<string, string> {
  const twins = twinsUsedBy(job.spec, workspace).filter((t) => t.id !== job.id);
  const twinFiles = twins.flatMap((t) => (workspace.byId.get(t.id)?.frontmatter?.outputs ?? []).map((p): [string, string] => [p, outputOf(p) ?? '']));
  return new Map([...twinFiles, ...dependencyFiles(workspace, job, outputOf), ...own]);
}
