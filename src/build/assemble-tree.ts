/**
 * Job outcomes + the current tree -> the next generated tree and manifest. Pure.
 * Succeeded jobs replace their files; failed, skipped or cancelled jobs keep their previous
 * files and manifest entry; files no ready spec owns any more are dropped.
 */
import type { Plan } from '../phases/4-plan/index.js';
import type { Manifest, ManifestEntry } from '../phases/4-plan/manifest.js';
import { sha256 } from '../phases/1-parse/hash.js';
import { addHeader } from '../phases/8-emit/provenance.js';
import type { JobOutcome } from './run-jobs.js';

export interface NextTree {
  files: Map<string, string>;
  manifest: Manifest;
  /** True when the tree and manifest differ from the current ones. */
  changed: boolean;
}

export function assembleTree(input: {
  plan: Plan;
  outcomes: ReadonlyMap<string, JobOutcome>;
  /** Current files with their headers, as on disk. */
  currentRaw: ReadonlyMap<string, string>;
  manifest: Manifest;
  version: string;
}): NextTree {
  const files = new Map<string, string>();
  const specs: Record<string, ManifestEntry> = {};
  for (const job of input.plan.jobs) {
    const outcome = input.outcomes.get(job.id);
    const previous = input.manifest.specs[job.id];
    const produced = outcome && (outcome.state === 'built' || outcome.state === 'reused') ? outcome : undefined;
    if (produced?.result && produced.prepared) {
      const outputs: Record<string, string> = {};
      for (const [path, content] of produced.files!) {
        const withHeader = addHeader(path, content, { specId: job.id, specFile: job.spec.file, jobKey: produced.prepared.key });
        files.set(path, withHeader);
        outputs[path] = sha256(withHeader);
      }
      const r = produced.result;
      specs[job.id] = {
        file: job.spec.file,
        jobKey: produced.prepared.key,
        inputs: produced.prepared.inputs,
        model: r.model,
        provider: r.provider,
        outputs,
        usage: r.usage,
        costUsd: r.costUsd,
        durationMs: r.durationMs,
        builtAt: r.finishedAt,
      };
      continue;
    }
    // Not rebuilt: keep what is there (fresh, failed, skipped, cancelled, or stale under --check).
    for (const path of job.spec.frontmatter!.outputs) {
      const content = input.currentRaw.get(path);
      if (content !== undefined) files.set(path, content);
    }
    if (previous) {
      const fresh = outcome?.state === 'fresh' && outcome.prepared;
      specs[job.id] = fresh ? { ...previous, file: job.spec.file, inputs: outcome.prepared!.inputs } : previous;
    }
  }
  const manifest: Manifest = { format: input.manifest.format, speccc: input.version, specs: sortKeys(specs) };
  const sameFiles = files.size === input.currentRaw.size && [...files].every(([p, c]) => input.currentRaw.get(p) === c);
  const changed = !sameFiles || JSON.stringify(manifest.specs) !== JSON.stringify(sortKeys(input.manifest.specs));
  return { files, manifest, changed };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
