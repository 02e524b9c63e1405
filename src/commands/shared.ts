/** What every command receives from cli.ts, and the preamble every command runs: resolve the root, map user-facing errors to one line. */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { closest } from '../diagnostics/closest.js';

export interface CliIo {
  /** Working directory the command was started in (absolute). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (live views, colours). */
  isTTY: boolean;
  /** Colours allowed: a TTY and NO_COLOR unset (https://no-color.org). */
  color: boolean;
  /** Fires on Ctrl-C (SIGINT/SIGTERM). */
  signal: AbortSignal;
  /** Standard input, for commands that read it (`speccc triage` with no files); absent when there is none to read. */
  stdin?: { isTTY: boolean; read(): Promise<string> };
}

/** Exit codes, documented in README.md. */
export const EXIT = {
  ok: 0,
  /** Findings that fail (errors, or warnings under --strict), failed jobs, stale tree under --check, a held lock. */
  failed: 1,
  /** Usage or configuration error: bad flags, bad config, no workspace, no key, no sandbox. */
  usage: 2,
} as const;

/** A command module: adds its subcommand; the action resolves to an exit code via `done`. */
export type RegisterCommand = (program: import('commander').Command, io: CliIo, done: (code: Promise<number>) => void) => void;

/** An id the user typed, quoted, with the nearest known one when it is likely a typo (the did-you-mean every diagnostic uses). */
export function withGuess(id: string, known: Iterable<string>): string {
  const near = closest(id, known);
  return near ? `\`${id}\` (did you mean \`${near}\`?)` : `\`${id}\``;
}

/** A spec id on the command line that names no ready spec with outputs. */
export function readyIdUnknown(id: string, ready: readonly string[]): string {
  const near = closest(id, ready);
  return `no ready spec with outputs has the id \`${id}\`; ${near ? `did you mean \`${near}\`?` : `ready specs: ${ready.join(', ') || 'none'}`}`;
}

/** A mistake the user can fix: printed as one line, with its exit code, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/**
 * The preamble of every command: --root (default: the current directory) must be a folder; the
 * errors a user can fix (no key, no sandbox, a held lock, a corrupt state file, a bad flag) and
 * an API that could not answer before the first job become one line on stderr and an exit code.
 */
export async function inWorkspace(io: CliIo, rootFlag: string | undefined, run: (root: string) => Promise<number>): Promise<number> {
  const root = path.resolve(io.cwd, rootFlag ?? '.');
  const isDir = await fs.stat(root).then(
    (st) => st.isDirectory(),
    () => false,
  );
  if (!isDir) {
    io.stderr(`speccc: workspace root ${root} is not a directory\n`);
    return EXIT.usage;
  }
  try {
    return await run(root);
  } catch (error) {
    const [{ RuntimeSetupError }, { WorkspaceLockedError }, { CorruptStateError }, { OutsideWorkspaceError }, { ApiFaultError }] = await Promise.all([
      import('../runtime.js'),
      import('../io/lock.js'),
      import('../io/promote.js'),
      import('../io/safe-write.js'),
      import('../phases/6-generate/retry.js'),
    ]);
    if (error instanceof UsageError) {
      io.stderr(`speccc: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof OutsideWorkspaceError) {
      io.stderr(`speccc: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof RuntimeSetupError) {
      io.stderr(`speccc: ${error.message}; generated/ is unchanged\n`);
      return EXIT.usage;
    }
    // The API could not answer before the first job (its message already says nothing was promoted).
    if (error instanceof ApiFaultError) {
      io.stderr(`speccc: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof WorkspaceLockedError || error instanceof CorruptStateError) {
      io.stderr(`speccc: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}

/** A positive, finite number of US dollars, or a usage error naming the flag. */
export function parseUsd(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\s*[0-9]*\.?[0-9]+\s*$/.test(text) || !Number.isFinite(n) || !(n > 0)) throw new UsageError(`${flag} must be a positive number of US dollars, not ${text}`);
  return n;
}

/**
 * JSON for people and scripts: dollar amounts (keys ending in `Usd`, and `cost`) to a millionth
 * of a dollar, so sums print as 95.834880, not 95.83488000000001.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) && (/Usd$/.test(key) || key === 'cost') ? Math.round(v * 1e6) / 1e6 : v), 2) + '\n';
}
