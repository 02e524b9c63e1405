/**
 * Run traces: `.speccc/runs/<run-id>.jsonl`, one JSON event per line (requests, tool calls and
 * their verdicts, retries, budget reservations, job outcomes). Every event passes through a
 * redactor built from the environment: the API key and any variable whose name looks secret
 * never reach the file, whatever field they hide in.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface TraceSink {
  readonly runId: string;
  readonly file: string | null;
  write(event: Record<string, unknown>): void;
}

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL|AUTH/i;

/** Replaces every secret value from `env` (at least 8 characters long) with [REDACTED]. */
export function createRedactor(env: NodeJS.ProcessEnv): (text: string) => string {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 8)
    .map(([, value]) => value!)
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[REDACTED]'), text);
}

export function openTrace(root: string, env: NodeJS.ProcessEnv, runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`): TraceSink {
  const dir = path.join(root, '.speccc', 'runs');
  const file = path.join(dir, `${runId}.jsonl`);
  const redact = createRedactor(env);
  let ready = false;
  return {
    runId,
    file,
    write(event) {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      // Synchronous append: a crash right after an event still leaves it on disk.
      appendFileSync(file, redact(JSON.stringify({ at: new Date().toISOString(), ...event })) + '\n');
    },
  };
}

export const nullTrace: TraceSink = { runId: 'none', file: null, write: () => {} };
