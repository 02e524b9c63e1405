// The code host: one per holdout file, in the code's sandbox, where no holdout byte exists. It
// imports the code under test (speccc transpiled it to JavaScript under .speccc-host/js/) and
// answers the judge's requests on one socket: import a module, call a function, construct, read
// or write a property, fetch from a service twin. Values go back as plain data (wire.mjs); the
// code's functions and objects stay here and cross as references. The judge, in another process
// and another sandbox, makes every assertion: nothing here can read or change them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decode, encode, frame, frameReader } from './wire.mjs';

const JS_ROOT = path.join(process.cwd(), '.speccc-host', 'js');
const refs = new Map();
const ids = new WeakMap();
let next = 1;
let socket;

const send = (message) => socket.write(frame(message));

const isClass = (fn) => /^class[\s{]/.test(Function.prototype.toString.call(fn));
const errorLike = (fn) => fn === Error || fn.prototype instanceof Error;

function idOf(value) {
  let id = ids.get(value);
  if (id === undefined) {
    id = next++;
    ids.set(value, id);
    refs.set(id, value);
  }
  return id;
}

function functionRef(fn) {
  return { $: 'f', id: idOf(fn), name: typeof fn.name === 'string' ? fn.name : '', ...(isClass(fn) || errorLike(fn) ? { cls: { error: errorLike(fn) } } : {}) };
}

const hooks = {
  ref(value, i) {
    if (value instanceof Promise) {
      const pid = next++;
      value.then(
        (ok) => send({ settle: pid, ok: true, value: out(ok) }),
        (error) => send({ settle: pid, ok: false, error: out(error) }),
      );
      return { $: 'p', pid };
    }
    if (typeof value === 'function') return functionRef(value);
    const ctor = Object.getPrototypeOf(value)?.constructor;
    return { $: 'i', i, id: idOf(value), ...(typeof ctor === 'function' ? { cls: functionRef(ctor) } : {}) };
  },
  errorClass(error) {
    const ctor = Object.getPrototypeOf(error)?.constructor;
    return typeof ctor === 'function' && ctor !== globalThis[ctor.name] ? { cls: functionRef(ctor) } : {};
  },
};

const out = (value) => encode(value, hooks);
const fromJudge = (data) =>
  decode(
    data,
    (d) => {
      if (d.$ === 'h' && refs.has(d.id)) return refs.get(d.id);
      throw new TypeError(`speccc: the judge sent an unknown reference (${JSON.stringify(d).slice(0, 80)})`);
    },
    (d) => Object.assign(new Error(d.message), { name: d.name }),
  );

/** A tree path (`src/money.ts`) -> the transpiled module beside the tree, as a file URL. */
function moduleUrl(rel) {
  const normal = path.posix.normalize(rel);
  if (normal.startsWith('../') || path.posix.isAbsolute(normal)) throw new Error(`speccc: ${rel} is not a path in the tree`);
  return pathToFileURL(path.join(JS_ROOT, normal.replace(/\.(?:mts)$/, '.mjs').replace(/\.tsx?$/, '.js'))).href;
}

/**
 * What a request gives, boxed: an async function returning the code's promise would wait for it,
 * and the judge must get the promise itself (it settles later, as its own message).
 */
async function answer(message) {
  const target = () => {
    if (!refs.has(message.ref)) throw new Error(`speccc: no object ${message.ref} in the code host`);
    return refs.get(message.ref);
  };
  switch (message.op) {
    case 'hello':
      return { v: true };
    case 'import': {
      const ns = await import(moduleUrl(message.path));
      return { v: Object.fromEntries(Object.keys(ns).map((k) => [k, ns[k]])) };
    }
    case 'call':
      return { v: Reflect.apply(target(), fromJudge(message.this), fromJudge(message.args)) };
    case 'construct':
      return { v: Reflect.construct(target(), fromJudge(message.args)) };
    case 'get':
      return { v: target()[message.key] };
    case 'set':
      target()[message.key] = fromJudge(message.value);
      return { v: true };
    case 'has':
      return { v: message.key in target() };
    case 'delete':
      return { v: delete target()[message.key] };
    case 'keys':
      return { v: Reflect.ownKeys(target()).filter((k) => typeof k === 'string') };
    case 'describe': {
      const d = Reflect.getOwnPropertyDescriptor(target(), message.key);
      return { v: d ? { enumerable: Boolean(d.enumerable), writable: Boolean(d.writable), accessor: 'get' in d || 'set' in d } : null };
    }
    case 'fetch':
      return { v: await twinFetch(message) };
    default:
      throw new Error(`speccc: unknown request ${String(message.op)}`);
  }
}

/** A request the judge makes of a service twin: only twins live on this sandbox's loopback. */
async function twinFetch(message) {
  const response = await fetch(message.url, { method: message.method, headers: message.headers, ...(message.body !== null ? { body: Buffer.from(message.body, 'base64') } : {}) });
  const body = Buffer.from(await response.arrayBuffer()).toString('base64');
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
}

async function serve(message) {
  const reply = { id: message.id, ...(message.async ? { async: true } : {}) };
  try {
    const { v } = await answer(message);
    // fetch answers are data the judge reads as they are
    send({ ...reply, ok: true, value: message.op === 'fetch' ? v : out(v) });
  } catch (error) {
    send({ ...reply, ok: false, error: out(error) });
  }
}

process.on('message', (kind, handle) => {
  if (kind !== 'connection' || !handle) return;
  socket = handle;
  socket.on('data', frameReader(
    (message) => void serve(message),
    (error) => {
      process.stderr.write(`speccc: code host: ${error.message}\n`);
      process.exit(1);
    },
  ));
  socket.on('close', () => process.exit(0));
  socket.on('error', () => process.exit(0));
  socket.resume();
});
