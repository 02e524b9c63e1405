// The code host's launcher, in the code's sandbox (docs/security.md, "Holdouts in their own
// process"). It listens on a Unix socket in the folder shared with the judge; each connection (one
// per holdout file the judge runs) gets a fresh host process (host.mjs) with its own module graph,
// as each test file gets its own process in a plain vitest run. Once listening it writes the ready
// file: the service twins' addresses, which speccc hands to the judge. Node's own modules only.
import { fork } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [socketPath, readyFile] = process.argv.slice(2);
const host = path.join(path.dirname(fileURLToPath(import.meta.url)), 'host.mjs');
const children = new Set();

const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  const child = fork(host, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.send('connection', socket);
});
server.listen(socketPath, () => {
  const twins = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^SPECCC_TWIN_[A-Z0-9_]+_URL$/.test(name)));
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ twins }));
  renameSync(`${readyFile}.tmp`, readyFile);
});
const stop = () => {
  for (const child of children) child.kill('SIGKILL');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
