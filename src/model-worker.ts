/**
 * A parse worker (src/io/model-pool.ts starts it): phases 1–2 and the spec-local checks for each
 * file it is sent, answered as encoded models (phases/2-model/model-codec.ts). Pure work; the only
 * effect is the message port. An entry point of its own (dist/model-worker.js), like cli.ts, so it
 * sits at the top: it joins the pool (io) to the phases, which io may not import.
 */
import { parentPort } from 'node:worker_threads';
import { modelAndCheck } from './phases/3-check/model-and-check.js';
import { encodeModel } from './phases/2-model/model-codec.js';
import type { ModelRequest, ModelReply } from './io/model-pool.js';

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
