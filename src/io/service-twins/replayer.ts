/**
 * The fidelity replayer. It runs INSIDE the sandbox, as `.speccc-twins/replay.mjs`, started by
 * the twin launcher (launcher.ts) with the twin's URL in the plan's variable: for each recorded
 * file it resets the twin, then sends every recorded request in order and writes down what the
 * twin answered. It compares nothing (src/phases/7-validate/fidelity.ts does, outside the
 * sandbox), with one exception it must make as it goes: an id the twin made up in place of a
 * recorded one (an ignored value, `captures`) replaces the recorded id in every later request,
 * so `GET /v1/charges/<recorded id>` asks the twin for the charge it created.
 *
 * Self-contained on purpose: it imports node's own modules only, since it is copied alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Plan {
  env: string;
  files: {
    file: string;
    steps: ({ at: string; state: unknown } | { at: string; request: { method: string; path: string; headers: Record<string, string>; body?: string }; captures: { pointer: string; recorded: string }[] })[];
  }[];
}

interface Result {
  at: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  error?: string;
  state?: string;
}

const REQUEST_TIMEOUT_MS = 10_000;
const DROPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);
const here = path.dirname(fileURLToPath(import.meta.url));

function at(value: unknown, pointer: string): unknown {
  let v = value;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(path.join(here, 'replay.json'), 'utf8')) as Plan;
  const base = process.env[plan.env];
  if (!base) throw new Error(`${plan.env} is not set: the replay must run under the twin launcher`);
  const report: { files: { file: string; results: Result[]; captures: [string, string][] }[] } = { files: [] };
  for (const file of plan.files) {
    const results: Result[] = [];
    const captures = new Map<string, string>();
    const sub = (text: string) => {
      let out = text;
      for (const [recorded, twin] of captures) out = out.split(recorded).join(twin);
      return out;
    };
    const reset = await fetch(`${base}/__twin/reset`, { method: 'POST' });
    if (!reset.ok) throw new Error(`resetting the twin failed: ${reset.status} ${await reset.text()}`);
    for (const step of file.steps) {
      if ('state' in step) {
        const answer = await fetch(`${base}/__twin/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(step.state) });
        results.push({ at: step.at, state: answer.status === 204 ? 'ok' : `${answer.status} ${await answer.text()}` });
        continue;
      }
      const { request } = step;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (!DROPPED_HEADERS.has(name)) headers[name] = sub(value);
      const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
      try {
        const answer = await fetch(`${base}${sub(request.path)}`, {
          method: request.method,
          headers,
          ...(hasBody ? { body: sub(request.body!) } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const body = await answer.text();
        const answered: Record<string, string> = {};
        answer.headers.forEach((value, name) => (answered[name] = value));
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        for (const capture of step.captures) {
          const value = at(json, capture.pointer);
          if (typeof value === 'string' && value !== capture.recorded) captures.set(capture.recorded, value);
        }
        results.push({ at: step.at, status: answer.status, headers: answered, body });
      } catch (error) {
        results.push({ at: step.at, error: error instanceof Error ? error.message : String(error) });
      }
    }
    report.files.push({ file: file.file, results, captures: [...captures] });
  }
  writeFileSync(path.join(here, 'replay-report.json'), JSON.stringify(report));
}

main().catch((error: unknown) => {
  process.stderr.write(`speccc: the fidelity replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
