/**
 * A parse worker (src/io/model-pool.ts starts it): phases 1–2 for each file it is sent, answered
 * as encoded models (src/io/model-codec.ts). Pure work; the only effect is the message port.
 */
import { parentPort } from 'node:worker_threads';
import { parseSpecFile } from '../phases/1-parse/index.js';
import { modelSpec } from '../phases/2-model/index.js';
import { encodeModel } from './model-codec.js';
import type { ModelRequest, ModelReply } from './model-pool.js';

const port = parentPort!;
port.on('message', (request: ModelRequest) => {
  let reply: ModelReply;
  try {
    reply = { id: request.id, encoded: request.files.map((f) => encodeModel(modelSpec(parseSpecFile(f.file, f.bytes, f.hash)))) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
