// Command-line twin: `node --import tsx src/api-twin/cli.ts --port 0 --script-dir examples/replies`
// Prints its URL as the first line of stdout and serves until killed, told to stop
// (SIGTERM, SIGINT), its stdin pipe closes, or its parent dies.
import { parseArgs } from 'node:util';
import { abortWhenOrphaned } from './lifetime.js';
import { serveTwin } from './serve.js';

function number(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

async function main(): Promise<void> {
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
  const controller = new AbortController();
  abortWhenOrphaned(controller);
  const twin = await serveTwin(
    {
      port: Number(values.port),
      host: values.host,
      ...(values['script-dir'] !== undefined ? { scriptDir: values['script-dir'] } : {}),
      delayMs: number(values['delay-ms']),
      eventDelayMs: number(values['event-delay-ms']),
      outputTokensPerSecond: number(values['output-tokens-per-second']),
      maxConcurrent: number(values['max-concurrent']),
    },
    controller.signal,
  );
  process.stdout.write(`${twin.url}\n`);
  await twin.closed;
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`twin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
