/** speccc.config.json as every phase reads it: derived from the zod schema, never restated. */
import type { z } from 'zod';
import type { ConfigSchema } from '../schemas/config.js';

export type SpecccConfig = Omit<z.output<typeof ConfigSchema>, '$schema'>;

/** What is wrong with a monorepo's `members` (io/members.ts finds it, config/members.ts locates it). */
export type MemberProblemKind = 'member-duplicate' | 'member-missing';

export interface MemberProblem {
  kind: MemberProblemKind;
  message: string;
  /** The config key the problem is located at (`value:members.1`), or `key:members`. */
  at: string;
}

/**
 * One member of a monorepo (the root config's `members`). Every path is relative to the monorepo
 * root, POSIX. A member's spec ids are qualified with its name (`billing:invoice`) and its outputs
 * live under `<generated>/<name>/` (docs/architecture.md, "Monorepos").
 */
export interface Member {
  /** The qualifier of its ids and the folder of its outputs in generated/. */
  name: string;
  /** The member's folder. */
  dir: string;
  specs: string;
  context: string;
  scenarios: string;
  /** The member's own speccc.config.json as written ('' when it has none): part of the fast path's digest. */
  configText: string;
}
