// The state one twin owns. Nothing here is module-level: startTwin() makes one per server.
import type { ThinkingSigner } from './signature.js';
import type { PromptCache } from './tokens.js';
import type { RecordedRequest, Rule, TwinOptions } from './types.js';

export interface StoredBatch {
  id: string;
  createdAt: number;
  /** When processing counts as ended: creation + batchDelayMs, or expiresAt if sooner. */
  endsAt: number;
  /** creation + batchExpireAfterMs (24 h by default). */
  expiresAt: number;
  canceledAt?: number;
  archivedAt?: number;
  /** One JSONL line object per request, computed at creation. */
  results: Array<{ custom_id: string; result: Record<string, unknown> }>;
}

export interface State {
  options: TwinOptions;
  script: Rule[];
  uses: Map<Rule, number>;
  /** Uses of each `modelFaults` entry, by index. */
  modelFaultUses: number[];
  /** Uses of each `countTokensFaults` entry, by index. */
  countFaultUses: number[];
  messageCount: number;
  inFlight: number;
  peakInFlight: number;
  seq: number;
  cache: PromptCache;
  requests: RecordedRequest[];
  batches: Map<string, StoredBatch>;
  /** Signs the thinking blocks this twin writes and checks the ones sent back. */
  signer: ThinkingSigner;
}

/** Deterministic ids, distinct per twin: req_twin00000001, toolu_twin00000002, … */
export function nextId(state: State, prefix: string): string {
  state.seq += 1;
  return `${prefix}_twin${String(state.seq).padStart(8, '0')}`;
}
