/**
 * The service-twin launcher. It runs INSIDE the sandbox: src/io/service-twins/index.ts copies
 * it (compiled) into every sealed tree whose code uses twins, as `.speccc-twins/launch.mjs`, with
 * the twins' modules transpiled beside it, and the sealed run becomes
 *
 *   node .speccc-twins/launch.mjs -- <the test command>
 *
 * one process tree in one sandbox. For each twin it imports `twins/<id>/server.ts` (as
 * transpiled JS), calls `start({ port: 0, host: '127.0.0.1' })`, checks that something
 * listens, and puts a front server on another loopback port: the address the code under test
 * gets in `SPECCC_TWIN_<ID>_URL`. The front forwards every request to the twin except the
 * control interface under `/__twin/` (reset, state, injected faults, the request log; see
 * docs/twins.md), which it serves itself, so every twin has the same one whatever the agent
 * that wrote it did. Then it runs the command with those variables set, and exits with its code.
 *
 * Self-contained on purpose: it imports node's own modules only, since it is copied alone.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface LaunchConfig {
  twins: { id: string; env: string; entry: string; module: string | null }[];
}

interface TwinHandle {
  url: string;
  close(): unknown;
  state?(): unknown;
}

interface StartOptions {
  port: number;
  host: string;
  state?: unknown;
}

type StartFn = (options: StartOptions) => unknown;

interface Fault {
  method?: string;
  /** Exact path (no query), or a prefix ending in `*`. */
  path?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  drop?: boolean;
  times: number | 'always';
}

interface LoggedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  status: number | null;
  fault: boolean;
}

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 5_000;
const CLOSE_TIMEOUT_MS = 1_000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_LOG = 1_000;
const CONTROL = '/__twin/';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection']);

const here = path.dirname(fileURLToPath(import.meta.url));
const begun = performance.now();

class LaunchError extends Error {}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function listening(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 80) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1_000, () => done(false));
  });
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A body as the request log shows it: JSON when it parses, else text; null when empty. */
function bodyValue(body: Buffer): unknown {
  if (body.length === 0) return null;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type') ? {} : { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' };
  res.writeHead(status, { ...type, ...headers, 'content-length': String(Buffer.byteLength(text)) }).end(text);
}

function readFault(raw: unknown, index: number): Fault {
  const where = `fault ${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where} is not an object`);
  const f = raw as Record<string, unknown>;
  const known = ['method', 'path', 'status', 'headers', 'body', 'delayMs', 'drop', 'times'];
  const unknown = Object.keys(f).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`${where} has unknown field ${unknown.join(', ')}; expected ${known.join(', ')}`);
  const fault: Fault = { times: 1 };
  if (f.method !== undefined) {
    if (typeof f.method !== 'string') throw new Error(`${where}: method must be a string`);
    fault.method = f.method.toUpperCase();
  }
  if (f.path !== undefined) {
    if (typeof f.path !== 'string' || !f.path.startsWith('/')) throw new Error(`${where}: path must start with /`);
    fault.path = f.path;
  }
  if (f.status !== undefined) {
    if (typeof f.status !== 'number' || !Number.isInteger(f.status) || f.status < 100 || f.status > 599) throw new Error(`${where}: status must be an HTTP status code`);
    fault.status = f.status;
  }
  if (f.headers !== undefined) {
    if (typeof f.headers !== 'object' || f.headers === null || Object.values(f.headers).some((v) => typeof v !== 'string')) throw new Error(`${where}: headers must map names to strings`);
    fault.headers = f.headers as Record<string, string>;
  }
  if (f.body !== undefined) fault.body = f.body;
  if (f.delayMs !== undefined) {
    if (typeof f.delayMs !== 'number' || f.delayMs < 0) throw new Error(`${where}: delayMs must be a number of milliseconds`);
    fault.delayMs = f.delayMs;
  }
  if (f.drop !== undefined) fault.drop = f.drop === true;
  if (f.times !== undefined) {
    if (f.times !== 'always' && (typeof f.times !== 'number' || !Number.isInteger(f.times) || f.times < 1)) throw new Error(`${where}: times must be a positive integer or "always"`);
    fault.times = f.times as number | 'always';
  }
  if (fault.status === undefined && !fault.drop && fault.delayMs === undefined) throw new Error(`${where} does nothing; give it a status, drop: true or delayMs`);
  return fault;
}

const matches = (fault: Fault, method: string, pathname: string) =>
  (fault.method === undefined || fault.method === method) &&
  (fault.path === undefined || (fault.path.endsWith('*') ? pathname.startsWith(fault.path.slice(0, -1)) : pathname === fault.path));

class RunningTwin {
  handle: TwinHandle | undefined;
  faults: Fault[] = [];
  log: LoggedRequest[] = [];
  url = '';

  constructor(
    readonly id: string,
    readonly entry: string,
    readonly start: StartFn,
  ) {}

  async boot(state?: unknown): Promise<void> {
    const options: StartOptions = { port: 0, host: HOST, ...(state === undefined ? {} : { state }) };
    let handle: TwinHandle;
    try {
      handle = (await withTimeout(Promise.resolve().then(() => this.start(options)), START_TIMEOUT_MS, 'start()')) as TwinHandle;
    } catch (error) {
      throw new LaunchError(`twin ${this.id}: start() in ${this.entry} failed: ${message(error)}`);
    }
    if (typeof handle !== 'object' || handle === null || typeof handle.url !== 'string' || typeof handle.close !== 'function') {
      throw new LaunchError(`twin ${this.id}: start() in ${this.entry} must resolve to { url, close, state }`);
    }
    let url: URL;
    try {
      url = new URL(handle.url);
    } catch {
      throw new LaunchError(`twin ${this.id}: start() gave url ${JSON.stringify(handle.url)}; expected http://127.0.0.1:<port>`);
    }
    if (!(await listening(url))) throw new LaunchError(`twin ${this.id}: start() resolved, but nothing listens at ${handle.url}`);
    this.handle = handle;
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (!handle) return;
    try {
      await withTimeout(Promise.resolve().then(() => handle.close()), CLOSE_TIMEOUT_MS, 'close()');
    } catch {
      // a twin that will not close is left behind: the sandbox ends with the run
    }
  }

  /** A fresh instance: start() again, in `state` when given. On failure the twin starts clean and the error is rethrown. */
  async restart(state?: unknown): Promise<void> {
    await this.stop();
    try {
      await this.boot(state);
    } catch (error) {
      if (state !== undefined) await this.boot().catch(() => undefined);
      throw error;
    }
  }

  takeFault(method: string, pathname: string): Fault | undefined {
    const at = this.faults.findIndex((f) => matches(f, method, pathname));
    if (at < 0) return undefined;
    const fault = this.faults[at]!;
    if (fault.times !== 'always') {
      fault.times -= 1;
      if (fault.times === 0) this.faults.splice(at, 1);
    }
    return fault;
  }
}

async function control(twin: RunningTwin, method: string, what: string, body: Buffer, res: http.ServerResponse): Promise<void> {
  const json = (): unknown => {
    const text = body.toString('utf8').trim();
    if (text === '') throw new Error('expected a JSON body');
    return JSON.parse(text) as unknown;
  };
  const bad = (error: unknown) => send(res, 400, { error: message(error) });
  switch (`${method} ${what}`) {
    case 'POST reset':
      twin.faults = [];
      twin.log = [];
      await twin.restart();
      return send(res, 204);
    case 'GET state':
      if (typeof twin.handle?.state !== 'function') return send(res, 501, { error: `twin ${twin.id} has no state() to read` });
      return send(res, 200, twin.handle.state() ?? null);
    case 'PUT state':
    case 'POST state': {
      let state: unknown;
      try {
        state = json();
      } catch (error) {
        return bad(error);
      }
      try {
        await twin.restart(state);
      } catch (error) {
        return bad(error);
      }
      return send(res, 204);
    }
    case 'GET faults':
      return send(res, 200, twin.faults);
    case 'POST faults': {
      try {
        const raw = json();
        const list = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null && Array.isArray((raw as { faults?: unknown }).faults) ? (raw as { faults: unknown[] }).faults : [raw];
        twin.faults.push(...list.map(readFault));
      } catch (error) {
        return bad(error);
      }
      return send(res, 204);
    }
    case 'DELETE faults':
      twin.faults = [];
      return send(res, 204);
    case 'GET requests':
      return send(res, 200, twin.log);
    case 'DELETE requests':
      twin.log = [];
      return send(res, 204);
    default:
      return send(res, 404, {
        error: `${method} ${CONTROL}${what} is not part of the twin control interface`,
        expected: ['POST reset', 'GET state', 'PUT state', 'GET faults', 'POST faults', 'DELETE faults', 'GET requests', 'DELETE requests'].map((p) => `${p.split(' ')[0]} ${CONTROL}${p.split(' ')[1]}`),
      });
  }
}

function forward(twin: RunningTwin, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<number> {
  return new Promise((resolve) => {
    const handle = twin.handle;
    if (!handle) {
      send(res, 503, { error: `twin ${twin.id} is not running (its last start failed)` });
      resolve(503);
      return;
    }
    const target = new URL(handle.url);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    headers.host = target.host;
    if (body.length > 0) headers['content-length'] = String(body.length);
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const payload = Buffer.concat(chunks);
        const copied: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) copied[name] = value;
        copied['content-length'] = String(payload.length);
        res.writeHead(answer.statusCode ?? 502, copied).end(payload);
        resolve(answer.statusCode ?? 502);
      });
      answer.on('error', () => {
        res.destroy();
        resolve(502);
      });
    });
    out.on('error', (error) => {
      send(res, 502, { error: `twin ${twin.id} did not answer: ${message(error)}` });
      resolve(502);
    });
    out.end(body);
  });
}

async function serve(twin: RunningTwin, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://twin.invalid');
  const body = await readBody(req);
  if (url.pathname.startsWith(CONTROL)) return control(twin, method, url.pathname.slice(CONTROL.length).replace(/\/$/, ''), body, res);
  const entry: LoggedRequest = { method, path: url.pathname + url.search, headers: req.headers, body: bodyValue(body), status: null, fault: false };
  twin.log.push(entry);
  if (twin.log.length > MAX_LOG) twin.log.shift();
  const fault = twin.takeFault(method, url.pathname);
  if (fault) {
    entry.fault = true;
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      req.socket.destroy();
      return;
    }
    if (fault.status !== undefined) {
      entry.status = fault.status;
      return send(res, fault.status, fault.body ?? (fault.status >= 400 ? { error: `fault injected through ${CONTROL}faults` } : undefined), fault.headers);
    }
  }
  entry.status = await forward(twin, req, body, res);
}

function front(twin: RunningTwin): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    serve(twin, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: `speccc twin front for ${twin.id}: ${message(error)}` });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address() as net.AddressInfo;
      twin.url = `http://${HOST}:${address.port}`;
      resolve(server);
    });
  });
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--');
  const argv = at < 0 ? [] : process.argv.slice(at + 1);
  if (argv.length === 0) throw new LaunchError('launch.mjs: no command after --');
  const config = JSON.parse(readFileSync(path.join(here, 'twins.json'), 'utf8')) as LaunchConfig;
  const twins: RunningTwin[] = [];
  const servers: http.Server[] = [];
  const stopAll = async () => {
    for (const s of servers) s.close();
    await Promise.all(twins.map((t) => t.stop()));
  };
  // A twin's bug outside any request must not take the run down with a stack nobody asked for.
  process.on('uncaughtException', (error) => process.stderr.write(`speccc: a twin threw outside a request: ${error.stack ?? message(error)}\n`));
  process.on('unhandledRejection', (error) => process.stderr.write(`speccc: a twin left a promise rejected: ${message(error)}\n`));
  try {
    for (const t of config.twins) {
      if (t.module === null) throw new LaunchError(`twin ${t.id}: ${t.entry} is not in the tree (build the twin spec \`${t.id}\` first)`);
      let mod: { start?: unknown };
      try {
        mod = (await import(pathToFileURL(path.join(here, t.module)).href)) as { start?: unknown };
      } catch (error) {
        throw new LaunchError(`twin ${t.id}: loading ${t.entry} failed: ${message(error)}`);
      }
      if (typeof mod.start !== 'function') throw new LaunchError(`twin ${t.id}: ${t.entry} does not export a function start({ port, host, state })`);
      const twin = new RunningTwin(t.id, t.entry, mod.start as StartFn);
      twins.push(twin);
      await twin.boot();
      servers.push(await front(twin));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, SPECCC_TWINS_STARTED_MS: String(Math.round(performance.now() - begun)) };
  config.twins.forEach((t, i) => (env[t.env] = twins[i]!.url));
  const child = spawn(argv[0]!, argv.slice(1), { stdio: 'inherit', env });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`speccc: could not start ${argv[0]}: ${error.message}\n`);
      resolve(127);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)));
  });
  await stopAll();
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`speccc: ${error instanceof LaunchError ? error.message : `the twin launcher failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`);
  process.exit(1);
});
