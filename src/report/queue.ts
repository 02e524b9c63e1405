/**
 * The spec queue: where each spec stands between a request and shipped code. `status` is what
 * people set (proposed by triage, draft, ready); the rest is derived from the report's state of
 * each spec (manifest, traces, verify runs) and from the build running now. `build --next N`
 * takes the first N waiting specs. Pure.
 */
import type { Lifecycle, QueueEntry, ReportModel, SpecState } from './model.js';

/** What `priority: high | normal | low` means as a number (0 is the most urgent); a spec with none is normal. */
export const PRIORITY_RANK = { high: 1, normal: 2, low: 3 } as const;

export function priorityRank(priority: number | string | undefined): number {
  if (typeof priority === 'number') return priority;
  return priority !== undefined && Object.hasOwn(PRIORITY_RANK, priority) ? PRIORITY_RANK[priority as keyof typeof PRIORITY_RANK] : PRIORITY_RANK.normal;
}

/** How a priority reads: its word when it has one. */
export function priorityLabel(rank: number): string {
  return (Object.entries(PRIORITY_RANK).find(([, n]) => n === rank)?.[0] ?? String(rank));
}

export interface QueueSpec {
  id: string;
  title: string;
  kind: string;
  status: string;
  priority: number;
  state: SpecState;
  why: string;
  /** For a failing spec: its last job's failure class (or holdout-fails for a failing verify run). */
  failureClass?: string;
}

function stageOf(spec: QueueSpec): Lifecycle | null {
  switch (spec.state) {
    case 'constraint':
      return null; // no job of its own: it is in every job's prompt
    case 'draft':
      // deprecated: out of the queue; ready but hand-owned (adopted): held, like a draft, until `adopt --take`
      return spec.status === 'proposed' ? 'proposed' : spec.status === 'deprecated' ? null : 'draft';
    case 'blocked':
      return 'blocked';
    case 'failing':
      return 'failed';
    case 'stale':
      return 'ready';
    case 'unverified':
      return 'built';
    case 'promoted':
      return 'verified';
  }
}

const SECTION: Record<Lifecycle, keyof ReportModel['queue']> = {
  proposed: 'held',
  draft: 'held',
  blocked: 'held',
  ready: 'waiting',
  building: 'running',
  failed: 'failed',
  built: 'shipped',
  verified: 'shipped',
};

/**
 * The queue, from every spec (in build order) and what a running build is building now (spec id
 * -> run id). Each section lists the most urgent first, then in build order.
 */
export function queueOf(specs: readonly QueueSpec[], building: ReadonlyMap<string, string>): ReportModel['queue'] {
  const queue: ReportModel['queue'] = { waiting: [], running: [], failed: [], shipped: [], held: [] };
  for (const spec of specs) {
    const settled = stageOf(spec);
    if (settled === null) continue;
    const run = building.get(spec.id);
    const stage: Lifecycle = run && (settled === 'ready' || settled === 'failed' || settled === 'built' || settled === 'verified') ? 'building' : settled;
    const entry: QueueEntry = { id: spec.id, title: spec.title, stage, priority: spec.priority, why: stage === 'building' ? `Being built in run ${run}.` : spec.why, ...(stage === 'failed' && spec.failureClass ? { failureClass: spec.failureClass } : {}), ...(stage === 'building' ? { run } : {}) };
    queue[SECTION[stage]].push(entry);
  }
  // A stable sort: equal priorities keep build order.
  for (const list of Object.values(queue)) list.sort((a, b) => a.priority - b.priority);
  return queue;
}
