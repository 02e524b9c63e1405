import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/6-generate/fingerprint.ts
function words(text) {
  return text.replace(/\\[nrt]/g, " ").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
function shingles(text) {
  let w = words(text), out = /* @__PURE__ */ new Set();
  for (let i = 0; i + 5 <= w.length; i++) out.add(w.slice(i, i + 5).join(" "));
  return [...out];
}
function fnv1a(text, seed) {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++)
    h ^= text.charCodeAt(i), h = Math.imul(h, 16777619) >>> 0;
  return h >>> 0;
}
function positions(shingle, bits) {
  let a = fnv1a(shingle, 0), b = fnv1a(shingle, 2654435769) | 1;
  return Array.from({ length: 7 }, (_, i) => (a + Math.imul(i, b) >>> 0) % bits);
}
function fingerprint(text) {
  let items = shingles(text), bits = Math.max(1024, Math.ceil(items.length * 10 / 8) * 8), bytes = new Uint8Array(bits / 8);
  for (let s of items) for (let p of positions(s, bits)) bytes[p >> 3] |= 1 << (p & 7);
  return `bloom1:${bits}:${Buffer.from(bytes).toString("base64")}`;
}
function sharedShingles(print, candidate) {
  let [tag, bitsText, data] = print.split(":");
  if (tag !== "bloom1" || !bitsText || data === void 0) return 0;
  let bits = Number(bitsText), bytes = Buffer.from(data, "base64");
  return !Number.isInteger(bits) || bytes.length * 8 !== bits ? 0 : candidate.filter((s) => positions(s, bits).every((p) => (bytes[p >> 3] & 1 << (p & 7)) !== 0)).length;
}

export {
  shingles,
  fingerprint,
  sharedShingles
};
