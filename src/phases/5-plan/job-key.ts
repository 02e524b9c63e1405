import { canonicalJson, sha256 } from '../../hash.js';
import type { JobKeyInputs } from '../../types/index.js';

/** Bumped when speccc changes how a job's prompt or output is produced in a way JobKeyInputs do not show. */
export const JOB_FORMAT = 2;

export function jobKey(inputs: JobKeyInputs): string {
  return sha256(canonicalJson(inputs));
}
