/**
 * Run traces: `.speccc/runs/<run-id>.jsonl`, one typed event (src/types/trace.ts) per line. The
 * writer passes every event through the redactor; the reader is the only parser of the format,
 * used by `speccc log` and `speccc report`. A line a crash cut short or a hand edit broke is
 * reported with its line number and skipped, never a stack trace.
 */
import { promises as fs } from 'node:fs';
import { appendInsideSync } from './safe-write.js';
import path from 'node:path';
import type { TraceEvent, TracedEvent, TraceSink } from '../types/index.js';

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL|AUTH/i;
/** Shapes of credentials, whatever variable (or file) they came from. */
const SECRET_SHAPES = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g, // Anthropic API and admin keys
  /\bsk-[A-Za-z0-9_-]{20,}/g, // other sk- style keys
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, // Slack
  /\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/g,
];

/**
 * Replaces every secret value from `env` (at least 8 characters, in a variable whose name looks
 * secret) and anything shaped like a known credential with [REDACTED]. Applied to traces, to
 * cassettes and to every text that goes into a prompt.
 */
export function createRedactor(env: NodeJS.ProcessEnv): (text: string) => string {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 8)
    .map(([, value]) => value!)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = secrets.reduce((acc, secret) => acc.split(secret).join('[REDACTED]'), text);
    for (const shape of SECRET_SHAPES) out = out.replace(shape, '[REDACTED]');
    return out;
  };
}

export const newRunId = (clock: () => number = Date.now) => `${new Date(clock()).toISOString().replace(/[:.]/g, '-')}-${process.pid}`;

export function openTrace(root: string, redact: (text: string) => string, runId = newRunId()): TraceSink {
  const rel = path.join('.speccc', 'runs', `${runId}.jsonl`);
  return {
    runId,
    file: path.join(root, rel),
    write(event: TraceEvent) {
      // Synchronous append (a crash right after an event still leaves it on disk), never through a link.
      appendInsideSync(root, rel, redact(JSON.stringify({ at: new Date().toISOString(), ...event })) + '\n');
    },
  };
}

export const nullTrace: TraceSink = { runId: 'none', file: null, write: () => {} };

export interface TraceProblem {
  /** 1-based line in the trace file. */
  line: number;
  message: string;
}

/** Every event type this speccc writes: a Record, so adding a type to TraceEvent without listing it here does not compile. */
const KNOWN_TYPES: Record<TraceEvent['type'], true> = {
  'run-start': true, 'run-end': true, 'job-start': true, job: true, budget: true, prefix: true, request: true, tool: true, error: true, retry: true,
  'models-check': true, refusal: true, warning: true, validation: true, batch: true, cache: true, triage: true,
};
const KNOWN = new Set(Object.keys(KNOWN_TYPES));

/** Parses one trace file's text. Unknown event types are skipped silently (a newer speccc wrote them); broken lines are problems. */
export function parseTrace(text: string): { events: TracedEvent[]; problems: TraceProblem[] } {
  const events: TracedEvent[] = [];
  const problems: TraceProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: 'not valid JSON (cut short by a crash?)' });
      return;
    }
    const e = value as Partial<TracedEvent> | null;
    if (!e || typeof e !== 'object' || typeof e.type !== 'string' || typeof e.at !== 'string') {
      problems.push({ line: i + 1, message: 'not a trace event (no `type` and `at`)' });
      return;
    }
    if (!KNOWN.has(e.type as TraceEvent['type'])) return;
    if ('spec' in e && typeof (e as { spec: unknown }).spec !== 'string') {
      problems.push({ line: i + 1, message: '`spec` is not a string' });
      return;
    }
    events.push(e as TracedEvent);
  });
  return { events, problems };
}

export interface RunFile {
  runId: string;
  file: string;
}

/** Every recorded run, oldest first (run ids start with their ISO time). */
export async function listRuns(root: string): Promise<RunFile[]> {
  const dir = path.join(root, '.speccc', 'runs');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => ({ runId: f.replace(/\.jsonl$/, ''), file: path.join(dir, f) }));
}

export async function readRun(run: RunFile): Promise<{ events: TracedEvent[]; problems: TraceProblem[] }> {
  return parseTrace(await fs.readFile(run.file, 'utf8').catch(() => ''));
}
