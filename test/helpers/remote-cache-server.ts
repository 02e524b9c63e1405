/**
 * A real `turborepo-remote-cache` server (the npm package, a devDependency) on 127.0.0.1 for
 * tests of the shared result cache: local storage in a temporary folder (`<storage>/<team>/<hash>`
 * and `<hash>.tag`), a static token, and tag storage switched on (the server keeps each upload's
 * x-artifact-tag but never checks it: speccc does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface CacheServer {
  url: string;
  storage: string;
  /** What the server printed on stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** A port nothing listens on (a moment ago). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function serverCli(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('turborepo-remote-cache/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(pkgFile), pkg.bin['turborepo-remote-cache']!);
}

/**
 * Starts the server and resolves once GET /v8/artifacts/status answers 200. `storage`: a folder
 * to share with another server (left in place by stop; default: its own, removed by stop).
 * `storeTags: false` runs it as its default does, keeping no x-artifact-tag.
 */
export async function startCacheServer(token: string, options: { storage?: string; storeTags?: boolean } = {}): Promise<CacheServer> {
  const storage = options.storage ?? mkdtempSync(path.join(os.tmpdir(), 'speccc-shared-cache-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    AUTH_MODE: 'static',
    TURBO_TOKEN: token,
    STORAGE_PROVIDER: 'local',
    STORAGE_PATH: storage,
    STORAGE_PATH_USE_TMP_FOLDER: 'false',
    LOG_LEVEL: 'error',
    ...(options.storeTags === false ? {} : { TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'server-side-switch-only' }),
  };
  const proc: ChildProcess = spawn(process.execPath, [serverCli()], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`turborepo-remote-cache exited (${code}): ${stderr}`))));
  const ready = (async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/v8/artifacts/status`)).status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`turborepo-remote-cache did not answer on ${url}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return {
    url,
    storage,
    stderr: () => stderr,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
        await gone;
        clearTimeout(timer);
      }
      if (!options.storage) rmSync(storage, { recursive: true, force: true });
    },
  };
}
