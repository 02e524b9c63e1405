// Golden wire samples: samples/wire/<name>/{request.json, script.json} -> expected.txt is
// exactly what goes over the socket (status, headers but the volatile ones, body).
// UPDATE=1 rewrites expectations; a name filter: TWIN_SAMPLE=<name>. Thinking signatures
// (random per twin) are replaced by a placeholder of the same length.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startTwin, type Rule } from '../../src/api-twin/index.js';

const ROOT = fileURLToPath(new URL('./samples/wire', import.meta.url));
const VOLATILE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface SampleRequest {
  path?: string;
  headers?: Record<string, string>;
  body: unknown;
}

async function render(dir: string): Promise<string> {
  const request = JSON.parse(readFileSync(join(dir, 'request.json'), 'utf8')) as SampleRequest;
  const script = existsSync(join(dir, 'script.json')) ? (JSON.parse(readFileSync(join(dir, 'script.json'), 'utf8')) as Rule[]) : undefined;
  const twin = await startTwin({ now: () => 0, chunkChars: 16, ...(script ? { script } : {}) });
  try {
    const res = await fetch(`${twin.url}${request.path ?? '/v1/messages'}`, {
      method: 'POST',
      headers: request.headers ?? { 'x-api-key': 'sample-key', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
    const headers = [...res.headers.entries()].filter(([name]) => !VOLATILE.has(name)).map(([n, v]) => `${n}: ${v}`).sort();
    // Thinking signatures use a random secret per twin: the same length always, never the same bytes.
    const body = (await res.text()).replace(/"signature":"[A-Za-z0-9+/]{43}="/g, '"signature":"<44 base64 chars>"');
    return `HTTP ${res.status}\n${headers.join('\n')}\n\n${body}`;
  } finally {
    await twin.close();
  }
}

describe('twin: wire samples', () => {
  for (const name of readdirSync(ROOT).sort()) {
    if (process.env.TWIN_SAMPLE && process.env.TWIN_SAMPLE !== name) continue;
    it(name, async () => {
      const dir = join(ROOT, name);
      const actual = await render(dir);
      const expectedPath = join(dir, 'expected.txt');
      if (process.env.UPDATE === '1') writeFileSync(expectedPath, actual);
      expect(existsSync(expectedPath), `${expectedPath} is missing; run with UPDATE=1 to create it`).toBe(true);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
