/** Plan facts shared by the planner and the estimate. */
import type { PlannedJob } from '../../types/index.js';

/**
 * A job stale only because its verdict is (other holdouts or gate settings): it is judged again,
 * never generated, so it costs no request and cannot change its outputs.
 */
export const onlyVerdictStale = (job: Pick<PlannedJob, 'state' | 'reasons'>): boolean => job.state === 'stale' && job.reasons.length > 0 && job.reasons.every((r) => r === 'verdict-stale');
