// When a command-line twin should stop: its parent died, it was told to (SIGTERM, SIGINT),
// or its stdin pipe closed. Without this, a killed `npm run twin` left the node process
// holding its port.
import { fstatSync, readFileSync } from 'node:fs';

export interface LifetimeOptions {
  /** How often to look at the parent process (ms, default 500). */
  pollMs?: number;
  /** Stop on SIGTERM and SIGINT (default true). */
  signals?: boolean;
  /** Stop when stdin ends, if stdin is a pipe or socket (default true). */
  stdin?: boolean;
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh', 'mksh', 'busybox']);

/** Name and parent pid of a process, from /proc (Linux); undefined elsewhere or once it is gone. */
function processInfo(pid: number): { comm: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? { comm: stat.slice(open + 1, close), ppid } : undefined;
  } catch {
    return undefined;
  }
}

function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

/**
 * Aborts `controller` (with a reason saying why) when this process should stop:
 * - its parent died: `process.ppid` changed (polled every `pollMs` on an unref'd timer);
 * - its parent is a shell that lost its own parent, as when `npm run twin` is killed and
 *   the `sh -c` npm started is left waiting on the twin (Linux, from /proc);
 * - SIGTERM or SIGINT;
 * - stdin ended, when stdin is a pipe (the process that held its other end went away).
 * Returns a function that removes every watcher.
 */
export function abortWhenOrphaned(controller: AbortController, options: LifetimeOptions = {}): () => void {
  const stop = (why: string) => {
    if (!controller.signal.aborted) controller.abort(new Error(`twin stopping: ${why}`));
  };
  const parent = process.ppid;
  const parentInfo = processInfo(parent);
  const shellGrandparent = parentInfo && SHELLS.has(parentInfo.comm) ? parentInfo.ppid : undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parent) return stop(`parent process ${parent} exited`);
    if (shellGrandparent !== undefined) {
      const now = processInfo(parent);
      if (now && now.ppid !== shellGrandparent) stop(`the shell that started it (${parent}) lost its parent`);
    }
  }, options.pollMs ?? 500);
  timer.unref();

  const onSigterm = () => stop('SIGTERM');
  const onSigint = () => stop('SIGINT');
  if (options.signals ?? true) {
    process.once('SIGTERM', onSigterm);
    process.once('SIGINT', onSigint);
  }
  const onStdinEnd = () => stop('stdin closed');
  const watchStdin = (options.stdin ?? true) && stdinIsPipe();
  if (watchStdin) {
    process.stdin.once('end', onStdinEnd);
    process.stdin.once('close', onStdinEnd);
    process.stdin.resume(); // read (and drop) input so that its end is seen
  }

  const dispose = () => {
    clearInterval(timer);
    process.off('SIGTERM', onSigterm);
    process.off('SIGINT', onSigint);
    if (watchStdin) {
      process.stdin.off('end', onStdinEnd);
      process.stdin.off('close', onStdinEnd);
      process.stdin.pause();
    }
  };
  controller.signal.addEventListener('abort', dispose, { once: true });
  return dispose;
}
