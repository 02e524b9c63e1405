// The judge's side of the socket, on a worker thread of each test process: the main thread,
// running a holdout check, blocks on a shared flag while a call crosses to the code host; this
// thread writes the request, reads the reply and wakes it. Replies to asynchronous requests
// (fetch) and settled promises go to the main thread as ordinary messages.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { frame, frameReader } from './wire.mjs';

const { socketPath, flag, syncPort, asyncPort } = workerData;
let pendingSync = null;
let broken = null;

const wake = (message) => {
  syncPort.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};

const fail = (why) => {
  if (broken) return;
  broken = why;
  const error = { $: 'e', i: 0, name: 'Error', message: `speccc: the code host went away (${why})`, stack: '', props: [] };
  if (pendingSync !== null) wake({ id: pendingSync, ok: false, error });
  asyncPort.postMessage({ broken: error });
};

const socket = net.connect(socketPath);
socket.on('data', frameReader(
  (message) => {
    if (message.settle !== undefined || message.async) return asyncPort.postMessage(message);
    if (message.id === pendingSync) pendingSync = null;
    wake(message);
  },
  (error) => fail(error.message),
));
socket.on('error', (error) => fail(error.message));
socket.on('close', () => fail('its connection closed'));

parentPort.on('message', (message) => {
  if (broken) {
    const error = { $: 'e', i: 0, name: 'Error', message: `speccc: the code host went away (${broken})`, stack: '', props: [] };
    return message.async ? asyncPort.postMessage({ id: message.id, async: true, ok: false, error }) : wake({ id: message.id, ok: false, error });
  }
  if (!message.async) pendingSync = message.id;
  socket.write(frame(message));
});
