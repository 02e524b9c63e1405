/** What every command receives from cli.ts: the process's edges, passed in so tests can drive commands. */
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
}

/** Exit codes, documented in README.md. */
export const EXIT = {
  ok: 0,
  /** Findings that fail (errors, or warnings under --strict), failed jobs, stale tree under --check. */
  failed: 1,
  /** Usage or configuration error: bad flags, bad config, no workspace. */
  usage: 2,
} as const;

/** A command module: adds its subcommand; the action resolves to an exit code via `done`. */
export type RegisterCommand = (
  program: import('commander').Command,
  io: CliIo,
  done: (code: Promise<number>) => void,
) => void;
