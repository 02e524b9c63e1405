/** The commands that run Stryker stop first, with one line, when it is not installed (io/stryker.ts). */
import { checkStryker } from '../io/stryker.js';
import { UsageError } from './shared.js';

/** Throws a usage error (exit 2) when mutation testing cannot run here; `setting` names what asked for it, when not --mutate. */
export function requireStryker(setting?: string): void {
  const check = checkStryker();
  if (!check.ok) throw new UsageError(setting ? `${setting} is set, and ${check.message}` : check.message);
}
