/**
 * The watcher edge: chokidar events -> debounced, coalesced rounds of the session, one at a
 * time; optionally a rebuild after each clean round, cancelled by the next change. Never
 * watches generated/, .speccc/, node_modules or the scenarios folder, so its own output can
 * never trigger it.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { watch, type FSWatcher } from 'chokidar';
import { build, type BuildResult } from '../compile.js';
import type { Runtime } from '../runtime.js';
import { openWatchSession, type RoundResult, type WatchedPaths, type WatchSession } from './session.js';
import { isReadme } from '../io/workspace-files.js';

/**
 * Quiet time after the last event before a round starts: editors emit several events per save,
 * within a millisecond of each other (consecutive system calls of one process). It is part of
 * every edit's latency, so kept short; events that arrive during a round start the next one, and
 * a duplicate is a no-op (the session compares content hashes).
 */
export const QUIET_MS = 5;

export interface WatchOptions {
  root: string;
  signal: AbortSignal;
  onRound: (round: RoundResult) => void;
  /**
   * With a runtime factory, each clean round rebuilds the stale ready specs through the full
   * gate (sealed validation, holdouts, budget, lock, trace): one runtime, so one trace and one
   * budget, per build.
   */
  runtimeForBuild?: (() => Runtime) | null;
  onBuild?: (event: { type: 'start'; runId: string } | { type: 'cancelled'; runId: string } | { type: 'done'; result: BuildResult; runId: string } | { type: 'error'; message: string }) => void;
  /** Called once the watcher is ready for events (tests wait on it). */
  onReady?: () => void;
  /** Called after every batch of file events has been handled, whether or not it changed anything (tests wait on it). */
  onSettled?: (info: { changed: boolean }) => void;
}

export function isRelevant(rel: string, dirs: Omit<WatchedPaths, 'ignored'>): boolean {
  const base = path.posix.basename(rel);
  // Editors' temporary and backup files: vim's 4913 probe and .swp, emacs' #x# and .#x, x~ backups.
  if (base === '4913' || base.endsWith('~') || base.startsWith('.#') || base.startsWith('#') || /\.sw[a-p]$/.test(base)) return false;
  if (dirs.config.includes(rel)) return true;
  const under = (dir: string) => rel.startsWith(`${dir.replace(/\/$/, '')}/`);
  if (dirs.specs.some(under) || dirs.context.some(under)) return rel.endsWith('.md') && !isReadme(rel);
  if (under(dirs.templates)) return rel.endsWith('.hbs');
  return false;
}

/** A watch's state between events: paths noted and not yet checked, the round and the build in flight. */
interface WatchState {
  readonly options: WatchOptions;
  readonly session: WatchSession;
  pending: Set<string>;
  /** The quiet-time timer: set while events are arriving. */
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | null;
  /** The build in flight (or last started), to cancel when a newer edit arrives. */
  rebuild: AbortController | null;
  /** The chain builds run in, one at a time. */
  building: Promise<void>;
}

export async function watchWorkspace(options: WatchOptions): Promise<void> {
  const { root, signal } = options;
  const session = await openWatchSession(root);
  const state: WatchState = { options, session, pending: new Set(), timer: undefined, running: null, rebuild: null, building: Promise.resolve() };
  const w = session.watched;
  const targets = [...w.specs, ...w.context, w.templates].map((d) => path.join(root, d));
  const watcher: FSWatcher = watch([...targets, ...w.config.map((c) => path.join(root, c))], {
    ignoreInitial: true,
    persistent: true,
    ignored: (p: string) => {
      const rel = toPosix(path.relative(root, p));
      return w.ignored.some((i) => rel === i || rel.startsWith(`${i}/`));
    },
  });

  // Listened for before the first round, which can outlast chokidar's initial scan (a monorepo's is a full check).
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // The first round reports the whole workspace; if it is clean, a build brings generated/ up to date.
  const first = await session.round('all');
  if (first) {
    options.onRound(first);
    if (first.errors === 0) startBuild(state);
  }
  listen(state, watcher);
  await untilWatching(watcher, ready, targets, signal);
  options.onReady?.();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (state.timer) clearTimeout(state.timer);
  state.rebuild?.abort();
  await watcher.close();
  await state.running;
  await state.building;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Notes every event on a relevant path. */
function listen(state: WatchState, watcher: FSWatcher): void {
  watcher.on('all', (_event, p) => note(state, p));
  // chokidar folds a rename-save that follows another change within a few tens of milliseconds
  // into nothing (measured: the save is lost). The raw fs events still arrive, so they are noted
  // too; the session's content-hash check turns duplicates into no-ops.
  watcher.on('raw', (_event, filename, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!watched || typeof filename !== 'string' || filename === '') return;
    note(state, path.basename(watched) === filename ? watched : path.join(watched, filename));
  });
}

/**
 * Waits for chokidar's 'ready', then until every existing folder is watched: chokidar can say
 * 'ready' before it has attached to every folder when one of the watched paths does not exist
 * (templates/ or the config often do not: chokidar issue #1011), and a save in that window is lost.
 */
async function untilWatching(watcher: FSWatcher, ready: Promise<void>, targets: readonly string[], signal: AbortSignal): Promise<void> {
  await ready;
  const folders = targets.filter((t) => existsSync(t));
  for (let waited = 0; waited < 2_000 && !signal.aborted; waited += 10) {
    const watched = watcher.getWatched();
    if (folders.every((f) => watched[f] !== undefined)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
}

function note(state: WatchState, p: string): void {
  if (!isRelevant(toPosix(path.relative(state.options.root, p)), state.session.watched)) return;
  state.pending.add(p);
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => flush(state), QUIET_MS);
}

/** Starts a round on the pending paths, unless one is running (it picks them up when it ends). */
function flush(state: WatchState): void {
  state.timer = undefined;
  if (state.running) return;
  const batch = [...state.pending];
  state.pending = new Set();
  if (batch.length === 0) return;
  state.running = (async () => {
    try {
      const round = await state.session.round(batch);
      if (round) {
        state.options.onRound(round);
        // A newer edit makes any build in flight obsolete; a clean check starts the next one.
        state.rebuild?.abort();
        if (round.errors === 0) startBuild(state);
      }
      state.options.onSettled?.({ changed: round !== null });
    } finally {
      state.running = null;
      if (state.pending.size > 0 && !state.options.signal.aborted) flush(state);
    }
  })();
}

/** Cancels the build in flight and queues a new one (with a runtime factory; else nothing). */
function startBuild(state: WatchState): void {
  const create = state.options.runtimeForBuild;
  if (!create) return;
  state.rebuild?.abort();
  const controller = new AbortController();
  state.rebuild = controller;
  const onAbort = () => controller.abort();
  state.options.signal.addEventListener('abort', onAbort, { once: true });
  // One build at a time: a new one starts once the cancelled one has released the workspace lock.
  state.building = state.building.then(() => runBuild(state.options, create, controller)).finally(() => state.options.signal.removeEventListener('abort', onAbort));
}

/** One build through a fresh runtime, reported through onBuild; cancelled by `controller` (which the watch's signal aborts too). */
async function runBuild(options: WatchOptions, create: () => Runtime, controller: AbortController): Promise<void> {
  const { onBuild } = options;
  const failed = (error: unknown) => onBuild?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  if (controller.signal.aborted) return;
  let runtime: Runtime;
  try {
    runtime = create();
  } catch (error) {
    failed(error);
    return;
  }
  onBuild?.({ type: 'start', runId: runtime.runId });
  try {
    const result = await build({ root: options.root, mode: 'build', runtime, signal: controller.signal });
    const cancelled = result.kind === 'built' && result.cancelled;
    onBuild?.(cancelled ? { type: 'cancelled', runId: runtime.runId } : { type: 'done', result, runId: runtime.runId });
  } catch (error) {
    failed(error);
  }
}
