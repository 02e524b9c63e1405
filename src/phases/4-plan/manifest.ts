import type { TokenUsage } from '../../types.js';

/** Bumped when the manifest's shape changes. */
export const MANIFEST_FORMAT = 1;

/** Digests of each input of a job, kept so a plan can say *why* a job is stale. */
export interface JobInputDigests {
  spec: string;
  /** The rendered system prompt: context documents and constraint specs. */
  system: string;
  templates: string;
  /** Model, token limits, turn limit, tools, validation settings. */
  settings: string;
  /** Every dependency output's path and hash. */
  dependencies: string;
}

export interface ManifestEntry {
  file: string;
  jobKey: string;
  inputs: JobInputDigests;
  model: string;
  /** Who wrote the outputs: `anthropic`, `anthropic (twin at 127.0.0.1)`, `replay`, `fake`. */
  provider: string;
  /** Path (relative to the generated root) -> sha256 of the file as written, header included. */
  outputs: Record<string, string>;
  usage: TokenUsage;
  costUsd: number;
  durationMs: number;
  builtAt: string;
}

export interface Manifest {
  format: number;
  speccc: string;
  specs: Record<string, ManifestEntry>;
}

export const emptyManifest = (version: string): Manifest => ({ format: MANIFEST_FORMAT, speccc: version, specs: {} });
