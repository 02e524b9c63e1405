// Signatures of thinking blocks: HMAC-SHA256 over the model id and the thinking text with a
// secret each twin draws at start, base64. A client cannot forge one, and a block edited
// on its way back (text or signature) no longer verifies, as with the real API.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ThinkingSigner {
  sign(model: string, thinking: string): string;
  verify(model: string, thinking: string, signature: string): boolean;
}

export function newThinkingSigner(): ThinkingSigner {
  const secret = randomBytes(32);
  const mac = (model: string, thinking: string) => createHmac('sha256', secret).update(`${model}\n`).update(thinking).digest();
  return {
    sign: (model, thinking) => mac(model, thinking).toString('base64'),
    verify(model, thinking, signature) {
      const given = Buffer.from(signature, 'base64');
      const expected = mac(model, thinking);
      return given.length === expected.length && given.toString('base64') === signature && timingSafeEqual(given, expected);
    },
  };
}
