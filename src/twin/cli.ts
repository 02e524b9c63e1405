// Command-line twin: `node --import tsx src/twin/cli.ts --port 0 --script-dir examples/replies`
// Prints its URL as the first line of stdout and serves until killed.
import { parseArgs } from 'node:util';
import { directoryScript } from './directory-script.js';
import { startTwin } from './server.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'script-dir': { type: 'string' },
      'delay-ms': { type: 'string' },
      'event-delay-ms': { type: 'string' },
      'output-tokens-per-second': { type: 'string' },
      'max-concurrent': { type: 'string' },
    },
  });
  const script = values['script-dir'] ? await directoryScript(values['script-dir']) : undefined;
  const twin = await startTwin({
    port: Number(values.port),
    host: values.host,
    ...(script ? { script } : {}),
    ...(values['delay-ms'] ? { delayMs: Number(values['delay-ms']) } : {}),
    ...(values['event-delay-ms'] ? { eventDelayMs: Number(values['event-delay-ms']) } : {}),
    ...(values['output-tokens-per-second'] ? { outputTokensPerSecond: Number(values['output-tokens-per-second']) } : {}),
    ...(values['max-concurrent'] ? { maxConcurrent: Number(values['max-concurrent']) } : {}),
  });
  process.stdout.write(`${twin.url}\n`);
  const stop = () => {
    void twin.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`twin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
