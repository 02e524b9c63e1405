/**
 * bytes -> text, or the reason the bytes are not a text spec. Pure; positions of problems are
 * reported as byte offsets so the caller can locate them.
 */
export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary'; byteOffset: number }
  | { ok: false; reason: 'not-utf8'; byteOffset: number };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSpecBytes(bytes: Uint8Array): Decoded {
  // A NUL byte in the first 8 KiB is how git and grep tell binary from text.
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary', byteOffset: i };
  try {
    // TextDecoder drops a leading BOM (ignoreBOM: false).
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8', byteOffset: firstInvalidUtf8(bytes) };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
