import { main } from '../../src/commands/index.js';
import type { CliIo } from '../../src/commands/shared.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs speccc in-process with captured output, no colour and no TTY: what a CI log shows.
 * `stdin`: text piped in (unset: stdin is a terminal, as in an interactive shell).
 */
export async function runCli(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal; stdin?: string }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: options.cwd,
    env: { ...(options.env ?? {}) },
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    color: false,
    signal: options.signal ?? new AbortController().signal,
    stdin: options.stdin === undefined ? { isTTY: true, read: async () => '' } : { isTTY: false, read: async () => options.stdin! },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export interface StartedCli {
  /** The first line it prints on stdout (a URL, a status line); rejects if it exits before printing one. */
  firstLine: Promise<string>;
  exit: Promise<number>;
  /** Ctrl-C: aborts its signal; resolves with its exit code. */
  stop(): Promise<number>;
  output(): { stdout: string; stderr: string };
}

/** A long-running command (`speccc twin`, `speccc watch`) in-process, as `runCli` runs one that ends. */
export function startCli(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): StartedCli {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  let sawLine!: (line: string) => void;
  const line = new Promise<string>((resolve) => (sawLine = resolve));
  const io: CliIo = {
    cwd: options.cwd,
    env: { ...(options.env ?? {}) },
    stdout: (t) => {
      stdout += t;
      if (stdout.includes('\n')) sawLine(stdout.split('\n')[0]!);
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    color: false,
    signal: controller.signal,
  };
  const exit = main(argv, io);
  const early = exit.then((code) => Promise.reject(new Error(`${argv.join(' ')} exited ${code} before printing: ${stderr}`)));
  return {
    firstLine: Promise.race([line, early]),
    exit,
    stop: () => {
      controller.abort(new Error('interrupted'));
      return exit;
    },
    output: () => ({ stdout, stderr }),
  };
}
