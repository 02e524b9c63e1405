/** Whether a twin (or any server) has let go of its port: for tests of how servers stop. */
import { connect } from 'node:net';

/** Resolves true once nothing accepts connections on the port (ECONNREFUSED). */
export function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Polls until the port is free and says how long that took; fails after `ms`. */
export async function portFreedWithin(port: number, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await portRefuses(port)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} still accepts connections after ${ms} ms`);
}
