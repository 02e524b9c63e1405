import { sha256 } from '../1-parse/hash.js';

/** Bumped when speccc changes how a job's prompt or output is produced in a way the inputs below do not show. */
export const JOB_FORMAT = 1;

/**
 * Everything that can change what the agent writes for one job. The job key is the sha256 of
 * this record serialised canonically (sorted keys): equal keys mean the same request would be
 * sent, so stored output can be reused. Add a field here before adding an input anywhere else.
 */
export interface JobKeyInputs {
  /** JOB_FORMAT: invalidates every job when speccc's own behaviour changes. */
  format: number;
  /** The model the job runs on (after routing: spec > kind > default). */
  model: string;
  /** max_tokens per request: a lower limit can cut a file short. */
  maxOutputTokens: number;
  /** Turns the agent gets per attempt. */
  maxTurns: number;
  /** The rendered system prompt: governance documents, constraint specs, system template. */
  systemPrompt: string;
  /** The rendered job prompt: the spec, its structure, dependency outputs, the file list. */
  jobPrompt: string;
  /** Tool definitions the agent is given. */
  tools: string;
  /** The fix template and validation settings: they shape the conversation after a failure. */
  fix: string;
  /** Files the job must write. */
  outputs: readonly string[];
  /** Dependency outputs by path -> hash (also inside jobPrompt; listed so the record says it). */
  dependencyOutputs: Record<string, string>;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function jobKey(inputs: JobKeyInputs): string {
  return sha256(canonicalJson(inputs));
}
