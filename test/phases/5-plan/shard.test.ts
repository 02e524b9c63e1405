/** The shard partition: deterministic, every stale job in exactly one shard, each wave spread evenly, dependencies known. */
import { describe, expect, it } from 'vitest';
import { parseShard, partitionPlan } from '../../../src/phases/5-plan/shard.js';
import type { Plan, PlannedJob } from '../../../src/types/index.js';

/** A plan of `layers` waves of `width` stale jobs, each depending on two of the wave below, plus one fresh job. */
function plan(layers: number, width: number): Plan {
  const jobs: PlannedJob[] = [{ id: 'fresh-base', deps: [], twins: [], state: 'fresh' } as unknown as PlannedJob];
  for (let l = 0; l < layers; l++) {
    for (let i = 0; i < width; i++) {
      const deps = l === 0 ? ['fresh-base'] : [`j${l - 1}-${i}`, `j${l - 1}-${(i + 1) % width}`];
      jobs.push({ id: `j${l}-${i}`, deps, twins: [], state: 'stale' } as unknown as PlannedJob);
    }
  }
  return { jobs, orphans: [] };
}

describe('--shard partition', () => {
  it('gives every stale job to exactly one shard, the same on every machine, each wave spread evenly', () => {
    const p = plan(3, 10);
    const parts = [1, 2, 3, 4].map((index) => partitionPlan(p, { index, count: 4 }));
    const owned = parts.flatMap((part) => [...part.owned]);
    expect(owned.sort()).toEqual(p.jobs.filter((j) => j.state === 'stale').map((j) => j.id).sort());
    expect(new Set(owned).size).toBe(owned.length);
    expect(partitionPlan(p, { index: 2, count: 4 })).toEqual(parts[1]);
    for (const part of parts) {
      for (let wave = 1; wave <= 3; wave++) {
        const mine = [...part.owned].filter((id) => part.waves.get(id) === wave).length;
        expect(mine === 2 || mine === 3).toBe(true); // 10 jobs of a wave over 4 shards
      }
    }
    expect(parts[0]!.waves.get('fresh-base')).toBe(0);
    expect(parts[0]!.owned.has('fresh-base')).toBe(false);
  });

  it("knows every job its own jobs depend on, directly or not, and nothing else", () => {
    const part = partitionPlan(plan(3, 4), { index: 1, count: 4 });
    // Shard 1 of 4 owns the first of each wave: j0-0, j1-0, j2-0 (12 jobs dealt round-robin in wave order).
    expect([...part.owned].sort()).toEqual(['j0-0', 'j1-0', 'j2-0']);
    expect([...part.needed].sort()).toEqual(['fresh-base', 'j0-0', 'j0-1', 'j0-2', 'j1-0', 'j1-1']);
  });

  it('counts a service twin a job uses as something it needs, built a wave earlier', () => {
    const p: Plan = {
      orphans: [],
      jobs: [
        { id: 'payments-twin', deps: [], twins: [], state: 'stale' },
        { id: 'checkout', deps: [], twins: ['payments-twin'], state: 'stale' },
      ] as unknown as PlannedJob[],
    };
    const second = partitionPlan(p, { index: 2, count: 2 });
    expect(second.waves.get('checkout')).toBe(1);
    expect([...second.owned]).toEqual(['checkout']);
    expect([...second.needed]).toEqual(['payments-twin']);
  });

  it('parses i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toBe('--shard 0/4: i must be from 1 to n');
    expect(parseShard('two')).toBe('--shard takes i/n (e.g. 2/4), not "two"');
  });
});
