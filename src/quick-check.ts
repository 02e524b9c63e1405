/**
 * A bare `speccc check` of an unchanged workspace, answered from the report the last check stored,
 * by a bundle of its own (dist/quick-check.js, one file: scripts/bundle.ts). It is what editors,
 * hooks and CI run most, and on a small workspace start-up is most of it: the main bundle's check
 * loads two dozen chunks, each a resolution, a read and a compilation in Node's module loader.
 *
 * It runs the same code as `check` (commands/check-stored.ts) up to the stored report, and gives
 * way (null) whenever anything else is needed: no stored report, a changed input, a promotion to
 * recover, or any error (the full check then reports it as it always does). Nothing is written
 * here but the stat cache `check` writes too. An entry point like cli.ts, so it sits at the top.
 */
import type { CliIo } from './commands/shared.js';
import { BARE_CHECK_FLAGS, lookUpCheck, printCheck, type CheckLookup } from './commands/check-stored.js';
import { hasStoredReport } from './fast-path.js';
import { enclosingMonorepo } from './io/members.js';
import { journalExists } from './io/promote.js';
import { readRawConfig } from './io/raw-config.js';

/**
 * A bare check answered from its stored report (`code`); or, when an input changed, what was read
 * (`looked`), for the full check to go on from without listing and hashing again; or null when
 * the full check must start afresh.
 */
export async function quickCheck(io: CliIo): Promise<{ code: number } | { looked: CheckLookup } | null> {
  try {
    // As runCheck: inside a monorepo's member, the check runs at the monorepo's root.
    const mono = await enclosingMonorepo(io.cwd);
    const root = mono?.root ?? io.cwd;
    if (!(await hasStoredReport(root)) || (await journalExists(root))) return null;
    const raw = await readRawConfig(root);
    const looked = await lookUpCheck({ root, raw, paths: [], cwd: io.cwd, useCache: true, ...(mono ? { member: mono.member.name } : {}) }, { warm: false });
    return looked.stored ? { code: await printCheck(io, root, looked.stored, BARE_CHECK_FLAGS) } : { looked };
  } catch {
    return null;
  }
}
