/**
 * `speccc build --shard i/n`: which machine of a CI matrix generates which stale job. Pure and
 * deterministic: every shard computes the same partition from the same plan, with no talk
 * between machines.
 *
 * Stale jobs are ordered by dependency wave (a job's wave is one more than its deepest
 * dependency's), then by id, and dealt round-robin across the shards. Each wave is thus spread
 * evenly, so every shard has work while a wave is being built, and a shard's jobs of wave k+1
 * only wait for wave-k results, which the other shards publish to the shared cache as they pass.
 * Fresh jobs belong to no one: every shard sees them as fresh.
 */
import type { Plan } from '../../types/index.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ShardPartition {
  shard: ShardSpec;
  /** Stale job id -> the shard (1-based) that generates it. */
  shardOf: ReadonlyMap<string, number>;
  /** The stale jobs this shard generates. */
  owned: ReadonlySet<string>;
  /** Every job this shard's own jobs depend on, directly or not: dependencies (their outputs go into its prompts) and service twins (they run beside its code). */
  needed: ReadonlySet<string>;
  /** Wave of each job (0: no dependency among the plan's jobs). */
  waves: ReadonlyMap<string, number>;
}

/** `2/4` -> { index: 2, count: 4 }, or why it is not a shard. */
export function parseShard(text: string): ShardSpec | string {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!m) return `--shard takes i/n (e.g. 2/4), not ${JSON.stringify(text)}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: i must be from 1 to n`;
  return { index, count };
}

export function partitionPlan(plan: Plan, shard: ShardSpec): ShardPartition {
  const waves = new Map<string, number>();
  // What must be built before a job: its dependencies and the service twins its code is validated against.
  const before = (job: Plan['jobs'][number]) => [...job.deps, ...(job.twins ?? [])];
  for (const job of plan.jobs) waves.set(job.id, before(job).reduce((w, d) => Math.max(w, (waves.get(d) ?? 0) + 1), 0));
  const stale = plan.jobs
    .filter((j) => j.state === 'stale')
    .map((j) => j.id)
    .sort((a, b) => waves.get(a)! - waves.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const shardOf = new Map(stale.map((id, i) => [id, (i % shard.count) + 1]));
  const owned = new Set(stale.filter((id) => shardOf.get(id) === shard.index));
  const byId = new Map(plan.jobs.map((j) => [j.id, j]));
  const needed = new Set<string>();
  const visit = (id: string) => {
    const job = byId.get(id);
    for (const d of job ? before(job) : []) {
      if (needed.has(d)) continue;
      needed.add(d);
      visit(d);
    }
  };
  for (const id of owned) visit(id);
  return { shard, shardOf, owned, needed, waves };
}
