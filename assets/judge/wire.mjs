// The holdout judge's wire format (docs/security.md, "Holdouts in their own process"). Values
// cross between the judge (holdout checks, assertions) and the code host (the code under test)
// as plain data: JSON with tagged values for what JSON lacks. Functions and class instances of
// the code stay in the host and cross as references; the judge calls them through the host.
// Shared, as written, by both sides (each in its own sandbox) and by speccc's tests.
//
// Frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.

export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** Splits a byte stream into JSON messages; a frame over the limit or not JSON is an error. */
export function frameReader(onMessage, onError) {
  let buffered = Buffer.alloc(0);
  return (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) return onError(new Error(`a message of ${length} bytes is over the ${MAX_FRAME_BYTES}-byte limit`));
      if (buffered.length < 4 + length) return;
      const body = buffered.subarray(4, 4 + length);
      buffered = buffered.subarray(4 + length);
      let message;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch (error) {
        return onError(new Error(`a message is not JSON: ${error.message}`));
      }
      onMessage(message);
    }
  };
}

export function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

const TYPED = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

const isPlain = (value) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * value -> JSON-able. Each side passes its own `hooks`: `known(v)` tags the other side's objects
 * it holds stand-ins for (checked first); `ref(v, i)` tags what cannot cross by value (a
 * function, a class instance, a promise), or throws; `errorClass(e)` adds the class of an error.
 * Shared objects and cycles are kept (`{$:'c', i}` points back at the i-th object encoded).
 */
export function encode(value, hooks) {
  const seen = new Map();
  const refOf = (v, i) => hooks.ref(v, i);
  const walk = (v) => {
    if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
      const known = hooks.known?.(v);
      if (known) return known;
    }
    switch (typeof v) {
      case 'undefined':
        return { $: 'u' };
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0) ? v : { $: 'n', v: Object.is(v, -0) ? '-0' : String(v) };
      case 'string':
      case 'boolean':
        return v;
      case 'bigint':
        return { $: 'b', v: v.toString() };
      case 'symbol':
        return { $: 'y', v: v.description ?? '' };
      case 'function':
        return refOf(v);
      default:
        break;
    }
    if (v === null) return null;
    if (seen.has(v)) return { $: 'c', i: seen.get(v) };
    if (typeof v.then === 'function' && v instanceof Promise) return refOf(v);
    const i = seen.size;
    seen.set(v, i);
    if (Array.isArray(v)) return { $: 'a', i, v: Array.from(v, walk) };
    if (v instanceof Date) return { $: 'd', i, v: v.getTime() };
    if (v instanceof RegExp) return { $: 'r', i, s: v.source, f: v.flags };
    if (v instanceof Map) return { $: 'm', i, v: [...v].map(([k, x]) => [walk(k), walk(x)]) };
    if (v instanceof Set) return { $: 's', i, v: [...v].map(walk) };
    if (v instanceof ArrayBuffer) return { $: 't', i, k: 'ArrayBuffer', v: Buffer.from(v).toString('base64') };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const kind = Buffer.isBuffer(v) ? 'Uint8Array' : v.constructor?.name;
      if (TYPED.includes(kind)) return { $: 't', i, k: kind, v: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    }
    if (v instanceof Error) {
      const props = Object.entries(v).filter(([k]) => k !== 'message' && k !== 'stack');
      return { $: 'e', i, name: String(v.name), message: String(v.message), stack: typeof v.stack === 'string' ? v.stack : '', props: props.map(([k, x]) => [k, walk(x)]), ...(hooks.errorClass ? hooks.errorClass(v) : {}) };
    }
    if (isPlain(v)) return { $: 'o', i, v: Object.keys(v).map((k) => [k, walk(v[k])]) };
    return refOf(v, i);
  };
  return walk(value);
}

/**
 * JSON-able -> value. `fromRef(tagged)` turns the other side's references into local stand-ins;
 * `errorOf(tagged)` makes an Error (or an instance of a stand-in class) for `{$:'e'}`.
 */
export function decode(data, fromRef, errorOf) {
  const objects = [];
  const walk = (d) => {
    if (d === null || typeof d !== 'object') return d;
    switch (d.$) {
      case 'u':
        return undefined;
      case 'n':
        return d.v === '-0' ? -0 : Number(d.v);
      case 'b':
        return BigInt(d.v);
      case 'y':
        return Symbol(d.v);
      case 'c':
        return objects[d.i];
      case 'a': {
        const out = [];
        objects[d.i] = out;
        for (const x of d.v) out.push(walk(x));
        return out;
      }
      case 'd':
        return (objects[d.i] = new Date(d.v));
      case 'r':
        return (objects[d.i] = new RegExp(d.s, d.f));
      case 'm': {
        const out = new Map();
        objects[d.i] = out;
        for (const [k, x] of d.v) out.set(walk(k), walk(x));
        return out;
      }
      case 's': {
        const out = new Set();
        objects[d.i] = out;
        for (const x of d.v) out.add(walk(x));
        return out;
      }
      case 't': {
        const bytes = Buffer.from(d.v, 'base64');
        const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        return (objects[d.i] = d.k === 'ArrayBuffer' ? copy : new globalThis[d.k](copy));
      }
      case 'e': {
        const error = errorOf(d);
        objects[d.i] = error;
        for (const [k, x] of d.props) error[k] = walk(x);
        return error;
      }
      case 'o': {
        const out = {};
        objects[d.i] = out;
        for (const [k, x] of d.v) Object.defineProperty(out, k, { value: walk(x), enumerable: true, writable: true, configurable: true });
        return out;
      }
      default: {
        const out = fromRef(d);
        if (typeof d.i === 'number') objects[d.i] = out;
        return out;
      }
    }
  };
  return walk(data);
}
