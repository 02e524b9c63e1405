import { createHash } from 'node:crypto';

/** sha256 (hex) of bytes or text: the content address used by every cache in speccc. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
