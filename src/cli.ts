#!/usr/bin/env node
/**
 * The process edge: builds CliIo from the real process, runs main(), sets the exit code.
 * The only file that touches process.argv, process.exit and signal handlers.
 */
import module from 'node:module';
import type { CliIo } from './commands/shared.js';
import { SPECCC_VERSION } from './version.js';

// `speccc --version` is answered before anything else loads: it is what scripts and editors run
// to find speccc, and the command modules (several chunks of the bundle) are most of its time.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) directStdout().write(`${SPECCC_VERSION}\n`);
else await run();

async function run(): Promise<void> {
  // Node 22.1 and later keep V8's compiled code of the modules loaded after this call on disk (in
  // the temp folder), so a later run skips most of compiling the bundle again; Node 20 has no such
  // cache, and this does nothing there. Hence the rest is imported after it, not statically.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const io = processIo();
  // A bare `speccc check` of an unchanged workspace: the small bundle answers it alone when it can
  // (src/quick-check.ts). Only in the built CLI: from the sources, the full check runs.
  let looked: import('./commands/check-stored.js').CheckLookup | undefined;
  if (args.length === 1 && args[0] === 'check' && import.meta.url.endsWith('/dist/cli.js')) {
    const quick = await ((await import(new URL('./quick-check.js', import.meta.url).href)) as typeof import('./quick-check.js')).quickCheck(io);
    if (quick && 'code' in quick) {
      process.exitCode = quick.code;
      return;
    }
    looked = quick?.looked;
  }
  const { main } = await import('./commands/index.js');
  main(args, io, looked ? { looked } : {}).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Only bugs reach here: user mistakes are diagnostics.
      process.stderr.write(`speccc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.stderr.write('This is a bug in speccc; please report it with the command you ran.\n');
      process.exitCode = 3;
    },
  );
}

function processIo(): CliIo {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    // First Ctrl-C: stop cleanly. Second: the user means it.
    if (interrupts > 1) process.exit(130);
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const out = directStdout();
  const isTTY = out.isTTY();
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: out.write,
    stderr: (text) => process.stderr.write(text),
    isTTY,
    color: isTTY && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb',
    signal: controller.signal,
    stdin: {
      // A getter: process.stdin opens a stream on fd 0 (loading net or fs streams) when first
      // touched, which only `triage` needs.
      get isTTY() {
        return Boolean(process.stdin.isTTY);
      },
      async read() {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      },
    },
  };
}

/**
 * Standard output written straight to fd 1, as process.stdout itself writes to files and pipes on
 * Linux and macOS (synchronously), without making process.stdout: that stream loads net and the
 * stream modules for a pipe, tty for a terminal, a few milliseconds of a short command such as a
 * warm `check`. A terminal, and a pipe that cannot take more at once (EAGAIN), go through
 * process.stdout, and so does everything after, so that the order holds. A reader that stops early
 * (`speccc trace | head`) closes the pipe: the rest of the output is dropped, quietly, and the
 * command still finishes what it writes to disk.
 */
function directStdout(): { isTTY: () => boolean; write: (text: string) => void } {
  // Required, not imported: an ES import of node:fs makes every export of it, its streams too.
  const { fstatSync, statSync, writeSync } = module.createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  let closed = false;
  let stream = false;
  const viaStream = (text: string | Uint8Array) => {
    if (!stream) {
      stream = true;
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    if (!closed) process.stdout.write(text);
  };
  let kind: 'direct' | 'stream' | null = null;
  const decide = (): 'direct' | 'stream' => {
    if (kind) return kind;
    let direct = false;
    try {
      const stat = fstatSync(1);
      // A character device may be a terminal; /dev/null is the one written directly.
      direct = stat.isFile() || stat.isFIFO() || stat.isSocket() || (stat.isCharacterDevice() && stat.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev);
    } catch {
      direct = false;
    }
    return (kind = direct ? 'direct' : 'stream');
  };
  return {
    isTTY: () => decide() === 'stream' && Boolean(process.stdout.isTTY),
    write(text) {
      if (closed) return;
      if (stream || decide() === 'stream') return viaStream(text);
      let bytes = Buffer.from(text, 'utf8');
      try {
        while (bytes.length > 0) bytes = bytes.subarray(writeSync(1, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') closed = true;
        else if (code === 'EAGAIN') viaStream(bytes);
        else throw error;
      }
    },
  };
}
