/**
 * A parse worker (src/io/model-pool.ts starts it): phases 1–2 and the spec-local checks for each
 * file it is sent, answered as encoded models (src/io/model-codec.ts). Pure work; the only effect
 * is the message port.
 */
import { parentPort } from 'node:worker_threads';
import { modelAndCheck } from './model-and-check.js';
import { encodeModel } from './model-codec.js';
import type { ModelRequest, ModelReply } from './model-pool.js';

const port = parentPort!;
port.on('message', (request: ModelRequest) => {
  let reply: ModelReply;
  try {
    reply = { id: request.id, encoded: modelAndCheck(request.files).map(encodeModel) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
