// The judge's view of the code under test (docs/security.md, "Holdouts in their own process").
// Holdout checks import the code's modules; speccc put, at each module's path in the judge's tree,
// a module that loads this one instead, so every export is a stand-in: calling a function, making
// an instance or reading a property asks the code host, in another process and another sandbox,
// and gets plain data back (wire.mjs). The assertions run here, on that data: the code can neither
// read the checks nor reach `expect`. The call blocks (Atomics.wait) until the host answers, so
// holdout checks call the code exactly as they would call it in process.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { decode, encode } from './wire.mjs';

const SOCKET = process.env.SPECCC_JUDGE_SOCKET;
const TIMEOUT_MS = Number(process.env.SPECCC_JUDGE_CALL_TIMEOUT_MS || 30_000);

let channel = null;
let nextId = 1;
const asyncWaiters = new Map();
const settlers = new Map();
const stubs = new Map();
const stubIds = new WeakMap();

function connect() {
  if (channel) return channel;
  if (!SOCKET) throw new Error('speccc: SPECCC_JUDGE_SOCKET is not set: this module runs only inside speccc\'s holdout judge');
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const sync = new MessageChannel();
  const later = new MessageChannel();
  const worker = new Worker(new URL('./io.mjs', import.meta.url), { workerData: { socketPath: SOCKET, flag, syncPort: sync.port2, asyncPort: later.port2 }, transferList: [sync.port2, later.port2] });
  worker.unref();
  later.port1.on('message', onLater);
  later.port1.unref();
  channel = { worker, flag, syncPort: sync.port1, laterPort: later.port1 };
  request({ op: 'hello' });
  return channel;
}

/** One request answered before returning: the main thread waits on the flag the I/O thread raises. */
function request(message) {
  const c = channel ?? connect();
  const id = nextId++;
  Atomics.store(c.flag, 0, 0);
  c.worker.postMessage({ id, ...message });
  const until = Date.now() + TIMEOUT_MS;
  for (;;) {
    Atomics.wait(c.flag, 0, 0, Math.max(1, until - Date.now()));
    const got = receiveMessageOnPort(c.syncPort);
    if (got && got.message.id === id) return unwrap(got.message);
    if (got) continue;
    if (Date.now() >= until) throw new Error(`speccc: the code under test did not answer within ${TIMEOUT_MS} ms`);
    Atomics.store(c.flag, 0, 0);
  }
}

function requestLater(message) {
  const c = channel ?? connect();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    asyncWaiters.set(id, { resolve, reject });
    c.laterPort.ref();
    c.worker.postMessage({ id, async: true, ...message });
  });
}

function onLater(message) {
  if (message.broken) {
    for (const waiter of [...asyncWaiters.values(), ...settlers.values()]) waiter.reject(fromHost(message.broken));
    asyncWaiters.clear();
    settlers.clear();
    return idle();
  }
  const waiter = message.settle !== undefined ? settlers.get(message.settle) : asyncWaiters.get(message.id);
  if (!waiter) return;
  if (message.settle !== undefined) settlers.delete(message.settle);
  else asyncWaiters.delete(message.id);
  if (message.ok) waiter.resolve(message.settle !== undefined ? fromHost(message.value) : message.value);
  else waiter.reject(fromHost(message.error));
  idle();
}

const idle = () => {
  if (asyncWaiters.size === 0 && settlers.size === 0) channel?.laterPort.unref();
};

function unwrap(reply) {
  if (reply.ok) return fromHost(reply.value);
  throw fromHost(reply.error);
}

const BUILT_IN_ERRORS = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

function errorOf(d) {
  let error;
  if (d.cls) error = Reflect.construct(Error, [d.message], stubFor(d.cls));
  else error = new (BUILT_IN_ERRORS[d.name] ?? Error)(d.message);
  if (error.name !== d.name) Object.defineProperty(error, 'name', { value: d.name, writable: true, configurable: true });
  if (d.stack) Object.defineProperty(error, 'stack', { value: d.stack, writable: true, configurable: true });
  return error;
}

function fromRef(d) {
  if (d.$ === 'p') {
    const promise = new Promise((resolve, reject) => settlers.set(d.pid, { resolve, reject }));
    channel?.laterPort.ref();
    return promise;
  }
  if (d.$ === 'f') return stubFor(d);
  if (d.$ === 'i') return instanceFor(d);
  throw new TypeError(`speccc: the code host sent what the judge cannot read (${JSON.stringify(d).slice(0, 80)})`);
}

const fromHost = (data) => decode(data, fromRef, errorOf);

const hooks = {
  known: (value) => (stubIds.has(value) ? { $: 'h', id: stubIds.get(value) } : undefined),
  ref(value) {
    if (typeof value === 'function') throw new TypeError(`speccc: a holdout check passed a function${value.name ? ` (${value.name})` : ''} to the code under test; holdout checks run in their own process and pass plain data (docs/scenarios.md)`);
    if (value instanceof Promise) throw new TypeError('speccc: a holdout check passed a promise to the code under test; await it first');
    // An object of the check's own class crosses as its own enumerable properties.
    return encode(Object.assign({}, value), hooks);
  },
};
const toHost = (value) => encode(value, hooks);

/** A function or class of the code: calling it, or `new`, asks the host; `instanceof` works on what it made. */
function stubFor(d) {
  if (stubs.has(d.id)) return stubs.get(d.id);
  const local = function () {};
  Object.defineProperty(local, 'name', { value: d.name });
  if (d.cls?.error) Object.setPrototypeOf(local.prototype, Error.prototype);
  const own = new Set(['prototype', 'name', 'length']);
  const stub = new Proxy(local, {
    apply: (_t, self, args) => request({ op: 'call', ref: d.id, this: toHost(self), args: toHost(args) }),
    construct: (_t, args) => request({ op: 'construct', ref: d.id, args: toHost(args) }),
    get: (t, key, receiver) => (typeof key === 'symbol' || own.has(key) || key in Function.prototype ? Reflect.get(t, key, receiver) : request({ op: 'get', ref: d.id, key })),
    set: (_t, key, value) => typeof key === 'string' && request({ op: 'set', ref: d.id, key, value: toHost(value) }),
  });
  stubs.set(d.id, stub);
  stubIds.set(stub, d.id);
  return stub;
}

/** An instance of a class of the code: a live view, every property read and write goes to the host. */
function instanceFor(d) {
  if (stubs.has(d.id)) return stubs.get(d.id);
  const cls = d.cls ? stubFor(d.cls) : null;
  const target = Object.create(cls ? cls.prototype : Object.prototype);
  const instance = new Proxy(target, {
    get: (t, key, receiver) => (typeof key === 'symbol' ? Reflect.get(t, key, receiver) : key === 'constructor' && cls ? cls : request({ op: 'get', ref: d.id, key })),
    set: (_t, key, value) => typeof key === 'string' && request({ op: 'set', ref: d.id, key, value: toHost(value) }),
    has: (_t, key) => typeof key === 'string' && request({ op: 'has', ref: d.id, key }),
    deleteProperty: (_t, key) => typeof key === 'string' && request({ op: 'delete', ref: d.id, key }),
    ownKeys: () => request({ op: 'keys', ref: d.id }),
    getOwnPropertyDescriptor: (_t, key) => {
      if (typeof key === 'symbol') return undefined;
      const found = request({ op: 'describe', ref: d.id, key });
      return found ? { value: found.accessor ? undefined : request({ op: 'get', ref: d.id, key }), enumerable: found.enumerable, writable: true, configurable: true } : undefined;
    },
  });
  stubs.set(d.id, instance);
  stubIds.set(instance, d.id);
  return instance;
}

/** A module of the code as the holdout checks import it: its exports, every one a stand-in. */
export function load(path) {
  return request({ op: 'import', path });
}

/** fetch() to a service twin, made by the host (twins live on the code's loopback, not the judge's). */
export async function twinFetch(input, init = {}) {
  const request = input instanceof Request ? input : new Request(input, init);
  const body = request.body === null ? null : Buffer.from(await request.arrayBuffer()).toString('base64');
  const answer = await requestLater({ op: 'fetch', url: request.url, method: request.method, headers: [...request.headers], body });
  const bytes = Buffer.from(answer.body, 'base64');
  const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
  return new Response(empty ? null : bytes, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
}
