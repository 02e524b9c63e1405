// Serving the twin as a program does (npm run twin, and the `speccc twin` command): parsed
// options in, a listening twin out, closed when the caller's signal aborts.
import { directoryScript } from './directory-script.js';
import { startTwin, type Twin } from './server.js';

export interface ServeTwinOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A replies folder (directoryScript); without one every request gets a short text reply. */
  scriptDir?: string;
  delayMs?: number;
  eventDelayMs?: number;
  outputTokensPerSecond?: number;
  maxConcurrent?: number;
}

export interface ServedTwin extends Twin {
  /** Settles once the twin has closed, after the signal aborted or close() was called. */
  closed: Promise<void>;
}

/**
 * Starts a twin with these options and resolves once it is listening. Aborting `signal`
 * closes it (as does close(); both are safe to repeat). Stopping the process when its
 * parent dies is the caller's choice: see abortWhenOrphaned() in lifetime.ts.
 */
export async function serveTwin(options: ServeTwinOptions, signal?: AbortSignal): Promise<ServedTwin> {
  signal?.throwIfAborted();
  const script = options.scriptDir !== undefined ? await directoryScript(options.scriptDir) : undefined;
  const twin = await startTwin({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    ...(script ? { script } : {}),
    ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
    ...(options.eventDelayMs !== undefined ? { eventDelayMs: options.eventDelayMs } : {}),
    ...(options.outputTokensPerSecond !== undefined ? { outputTokensPerSecond: options.outputTokensPerSecond } : {}),
    ...(options.maxConcurrent !== undefined ? { maxConcurrent: options.maxConcurrent } : {}),
  });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= twin.close());
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const closeAndMark = () => close().then(markClosed);
  if (signal?.aborted) void closeAndMark();
  else signal?.addEventListener('abort', () => void closeAndMark(), { once: true });
  return { ...twin, close: closeAndMark, closed };
}
