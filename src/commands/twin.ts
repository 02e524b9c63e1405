/**
 * `speccc twin`: speccc's twin of the Anthropic Messages API on this machine (docs/twin.md).
 * Prints its URL as the first line of stdout, serves until Ctrl-C (io.signal) or until the
 * process that started speccc goes away, then exits 0.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { EXIT, UsageError, type CliIo, type RegisterCommand } from './shared.js';

export interface TwinFlags {
  port: string;
  host: string;
  scriptDir?: string;
  delayMs?: string;
  eventDelayMs?: string;
  outputTokensPerSecond?: string;
  maxConcurrent?: string;
}

/** A whole number in [min, max] from a flag, or a usage error naming the flag. */
function whole(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not ${text}`);
  return n;
}

/** A positive number from a flag, or a usage error naming the flag. */
function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\s*[0-9]*\.?[0-9]+\s*$/.test(text) || !Number.isFinite(n) || !(n > 0)) throw new UsageError(`${flag} must be a positive number, not ${text}`);
  return n;
}

export async function runTwin(io: CliIo, flags: TwinFlags): Promise<number> {
  try {
    const port = whole('--port', flags.port, 0, 65_535)!;
    const options = {
      port,
      host: flags.host,
      delayMs: whole('--delay-ms', flags.delayMs, 0, 600_000),
      eventDelayMs: whole('--event-delay-ms', flags.eventDelayMs, 0, 600_000),
      outputTokensPerSecond: positive('--output-tokens-per-second', flags.outputTokensPerSecond),
      maxConcurrent: whole('--max-concurrent', flags.maxConcurrent, 1, 10_000),
    };
    let scriptDir: string | undefined;
    if (flags.scriptDir !== undefined) {
      scriptDir = path.resolve(io.cwd, flags.scriptDir);
      if (!(await fs.stat(scriptDir).then((s) => s.isDirectory(), () => false))) throw new UsageError(`--script-dir ${flags.scriptDir}: ${scriptDir} is not a folder`);
    }
    const { serveTwin } = await import('../api-twin/serve.js');
    const { abortWhenOrphaned } = await import('../api-twin/lifetime.js');
    // Ctrl-C reaches the command as io.signal (cli.ts owns the signal handlers); the twin watches
    // only for its parent going away, so a killed script never leaves it holding the port.
    const controller = new AbortController();
    const stopOnSignal = () => controller.abort(io.signal.reason);
    if (io.signal.aborted) return EXIT.ok;
    io.signal.addEventListener('abort', stopOnSignal, { once: true });
    const disposeLifetime = abortWhenOrphaned(controller, { signals: false, stdin: false });
    let twin: Awaited<ReturnType<typeof serveTwin>>;
    try {
      twin = await serveTwin({ ...options, ...(scriptDir !== undefined ? { scriptDir } : {}) }, controller.signal);
    } catch (error) {
      io.signal.removeEventListener('abort', stopOnSignal);
      disposeLifetime();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${flags.host} is in use; choose another with --port (0 picks a free one)`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') throw new UsageError(`cannot listen on ${flags.host}:${port} (${code})`);
      throw error;
    }
    io.stdout(`${twin.url}\n`);
    io.stderr(
      `speccc twin: the Messages API twin is listening${scriptDir ? `, answering from ${path.relative(io.cwd, scriptDir) || '.'}` : ' (no --script-dir: every request gets a short text answer)'}.\n` +
        `Point speccc at it:  export ANTHROPIC_BASE_URL=${twin.url} ANTHROPIC_API_KEY=rehearsal\n` +
        'No model is called. Ctrl-C stops it.\n',
    );
    await twin.closed;
    io.signal.removeEventListener('abort', stopOnSignal);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`speccc: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

export const registerTwin: RegisterCommand = (program, io, done) => {
  program
    .command('twin')
    .description('Serve a twin of the Anthropic Messages API that answers from a replies folder, to rehearse builds with no key and no model (docs/twin.md).')
    .option('--script-dir <dir>', 'replies folder: <spec-id>/<output path>, <spec-id>@2/…, @scenarios/<spec-id>/<name>.test.ts')
    .option('--port <n>', 'port to listen on; 0 picks a free one (read the first line of output)', '0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--delay-ms <n>', 'wait this long before each answer')
    .option('--event-delay-ms <n>', 'wait this long between streamed events')
    .option('--output-tokens-per-second <n>', 'take as long to answer as a model writing at this speed')
    .option('--max-concurrent <n>', 'answer requests beyond this many at once with 429')
    .action((flags: TwinFlags) => done(runTwin(io, flags)));
};
