/**
 * Command lines answered without commander. Loading and running the argument parser is a few
 * milliseconds of every start (its module is the largest a warm check loads), and these command
 * lines have nothing to parse: each is run with exactly what commander would have given the
 * command (test/commands/direct.test.ts holds the two paths to the same flags and output).
 * Anything else, a flag or a path included, goes through commander.
 */
import type { CliIo } from './shared.js';
import { BARE_CHECK_FLAGS, type CheckLookup } from './check-stored.js';

export { BARE_CHECK_FLAGS };

/** The exit code of a command line run directly, or null when it needs commander. */
export function directRun(argv: readonly string[], io: CliIo, version: string, looked?: CheckLookup): Promise<number> | null {
  if (argv.length !== 1) return null;
  const only = argv[0];
  if (only === '--version' || only === '-V') {
    io.stdout(`${version}\n`);
    return Promise.resolve(0);
  }
  if (only === 'check') return import('./check.js').then(({ runCheck }) => runCheck(io, [], { ...BARE_CHECK_FLAGS }, looked));
  return null;
}
