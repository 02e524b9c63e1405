// A vitest setup file of the holdout judge: fetch() to a service twin's address goes through the
// code host (the twins run beside the code, on its loopback); any other fetch is left alone.
// When the run holds property holdouts, fast-check (speccc's own copy) is configured with the
// seed and run count speccc chose and recorded for this run (src/phases/7-validate/properties.ts).
import { existsSync, readFileSync } from 'node:fs';
import { twinFetch } from './client.mjs';

const twins = Object.entries(process.env)
  .filter(([name, url]) => /^SPECCC_TWIN_[A-Z0-9_]+_URL$/.test(name) && typeof url === 'string')
  .map(([, url]) => url);
if (twins.length > 0) {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return twins.some((t) => url === t || url.startsWith(`${t}/`)) ? twinFetch(input, init) : original(input, init);
  };
}

const property = new URL('./property.json', import.meta.url);
if (existsSync(property)) {
  const { default: fc } = await import('fast-check');
  fc.configureGlobal(JSON.parse(readFileSync(property, 'utf8')));
}
