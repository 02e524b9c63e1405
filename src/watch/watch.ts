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
import { openWatchSession, type RoundResult } from './session.js';
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

export function isRelevant(rel: string, dirs: { specs: string; context: string; templates: string; config: string }): boolean {
  const base = path.posix.basename(rel);
  // Editors' temporary and backup files: vim's 4913 probe and .swp, emacs' #x# and .#x, x~ backups.
  if (base === '4913' || base.endsWith('~') || base.startsWith('.#') || base.startsWith('#') || /\.sw[a-p]$/.test(base)) return false;
  if (rel === dirs.config) return true;
  const under = (dir: string) => rel.startsWith(`${dir.replace(/\/$/, '')}/`);
  if (under(dirs.specs) || under(dirs.context)) return rel.endsWith('.md') && !isReadme(rel);
  if (under(dirs.templates)) return rel.endsWith('.hbs');
  return false;
}

export async function watchWorkspace(options: WatchOptions): Promise<void> {
  const { root, signal } = options;
  const session = await openWatchSession(root);
  const w = session.watched;
  const toPosix = (p: string) => p.split(path.sep).join('/');
  const targets = [w.specs, w.context, w.templates].map((d) => path.join(root, d));
  const watcher: FSWatcher = watch([...targets, path.join(root, w.config)], {
    ignoreInitial: true,
    persistent: true,
    ignored: (p: string) => {
      const rel = toPosix(path.relative(root, p));
      return w.ignored.some((i) => rel === i || rel.startsWith(`${i}/`));
    },
  });

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let rebuild = null as AbortController | null; // assigned inside callbacks, which narrowing cannot see

  let building: Promise<void> = Promise.resolve();
  const startBuild = () => {
    if (!options.runtimeForBuild) return;
    rebuild?.abort();
    const controller = new AbortController();
    rebuild = controller;
    const onAbort = () => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const create = options.runtimeForBuild;
    // One build at a time: a new one starts once the cancelled one has released the workspace lock.
    building = building.then(async () => {
      if (controller.signal.aborted) return;
      let runtime: Runtime;
      try {
        runtime = create();
      } catch (error) {
        options.onBuild?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      options.onBuild?.({ type: 'start', runId: runtime.runId });
      try {
        const result = await build({ root, mode: 'build', runtime, signal: controller.signal });
        const cancelled = result.kind === 'built' && result.cancelled;
        options.onBuild?.(cancelled ? { type: 'cancelled', runId: runtime.runId } : { type: 'done', result, runId: runtime.runId });
      } catch (error) {
        options.onBuild?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    });
  };

  // The first round reports the whole workspace; if it is clean, a build brings generated/ up to date.
  const first = await session.round('all');
  if (first) {
    options.onRound(first);
    if (first.errors === 0) startBuild();
  }

  const flush = () => {
    timer = undefined;
    if (running) return; // the running round picks the pending paths up when it ends
    const batch = [...pending];
    pending = new Set();
    if (batch.length === 0) return;
    running = (async () => {
      try {
        const round = await session.round(batch);
        if (round) {
          options.onRound(round);
          // A newer edit makes any build in flight obsolete; a clean check starts the next one.
          rebuild?.abort();
          if (round.errors === 0) startBuild();
        }
        options.onSettled?.({ changed: round !== null });
      } finally {
        running = null;
        if (pending.size > 0 && !signal.aborted) flush();
      }
    })();
  };

  const note = (p: string) => {
    if (!isRelevant(toPosix(path.relative(root, p)), w)) return;
    pending.add(p);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, QUIET_MS);
  };
  watcher.on('all', (_event, p) => note(p));
  // chokidar folds a rename-save that follows another change within a few tens of milliseconds
  // into nothing (measured: the save is lost). The raw fs events still arrive, so they are noted
  // too; the session's content-hash check turns duplicates into no-ops.
  watcher.on('raw', (_event, filename, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!watched || typeof filename !== 'string' || filename === '') return;
    note(path.basename(watched) === filename ? watched : path.join(watched, filename));
  });

  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // chokidar can say 'ready' before it has attached to every folder when one of the watched paths
  // does not exist (templates/ or the config often do not: chokidar issue #1011), and a save
  // in that window is lost. Ready means every existing folder is watched.
  const folders = targets.filter((t) => existsSync(t));
  for (let waited = 0; waited < 2_000 && !signal.aborted; waited += 10) {
    const watched = watcher.getWatched();
    if (folders.every((f) => watched[f] !== undefined)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  options.onReady?.();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (timer) clearTimeout(timer);
  rebuild?.abort();
  await watcher.close();
  await running;
  await building;
}
