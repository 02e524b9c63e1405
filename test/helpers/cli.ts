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
