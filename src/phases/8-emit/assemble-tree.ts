/**
 * Phase 8: job outcomes + the current tree -> the next generated tree and manifest. Entry:
 * assembleTree. Pure. Succeeded jobs replace their files; failed, skipped or cancelled jobs keep
 * their previous files and manifest entry; files no ready spec owns any more are dropped.
 */
import type { HoldoutText, JobOutcome, Manifest, ManifestEntry, Plan } from '../../types/index.js';
import { sha256 } from '../../hash.js';
import { holdoutCoverage, readTests, recordedProof, TEST_FILE, traceRequirements } from '../3-check/coverage.js';
import { addHeader } from './provenance.js';

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
  /** How validation ran generated code (recorded per promoted spec). */
  sandbox: string;
  /** The scenarios folder's text, for each promoted spec's trace (undefined: no trace is recorded). */
  holdouts?: readonly HoldoutText[];
}): NextTree {
  const files = new Map<string, string>();
  const specs = new Map<string, ManifestEntry>();
  const promoted: Plan['jobs'] = [];
  for (const job of input.plan.jobs) {
    const outcome = input.outcomes.get(job.id);
    const previous = input.manifest.specs.get(job.id);
    // Output enters the tree only under an admitted verdict (run-jobs gives it one on every path).
    const produced = outcome && (outcome.state === 'built' || outcome.state === 'reused') && outcome.verdict?.admitted ? outcome : undefined;
    if (produced?.result && produced.prepared && produced.files) {
      const outputs: Record<string, string> = {};
      for (const [path, content] of produced.files) {
        const withHeader = addHeader(path, content, { specId: job.id, specFile: job.spec.file, jobKey: produced.prepared.key });
        files.set(path, withHeader);
        outputs[path] = sha256(withHeader);
      }
      const r = produced.result;
      specs.set(job.id, {
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
        holdout: produced.verdict!.holdout,
        ...(produced.verdict!.mutationScore !== undefined ? { mutationScore: produced.verdict!.mutationScore } : {}),
        sandbox: input.sandbox,
        verdict: produced.verdict!,
      });
      promoted.push(job);
      continue;
    }
    // Not rebuilt: keep what is there (fresh, failed, skipped, cancelled, or stale under --check).
    for (const path of job.spec.frontmatter!.outputs) {
      const content = input.currentRaw.get(path);
      if (content !== undefined) files.set(path, content);
    }
    if (previous) {
      const fresh = outcome?.state === 'fresh' && outcome.prepared;
      specs.set(job.id, fresh ? { ...previous, file: job.spec.file, inputs: outcome.prepared!.inputs, ...judgedAgain(outcome, input.sandbox) } : previous);
      // Judged again under new holdouts: its trace is made again too.
      if (fresh && outcome.rejudged) promoted.push(job);
    }
  }
  // Hand-owned files (owner: hand) stay exactly as they are: the tree is swapped whole, so they are carried into it.
  for (const path of input.plan.handOwned ?? []) {
    const content = input.currentRaw.get(path);
    if (content !== undefined && !files.has(path)) files.set(path, content);
  }
  // Each promoted spec's trace, against every test of the next tree (a dependent's tests may cover a dependency's rules).
  if (input.holdouts && promoted.length > 0) {
    const holdouts = holdoutCoverage(input.holdouts);
    const tests = [...files].filter(([p]) => TEST_FILE.test(p)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => ({ file, tests: readTests(file, text) }));
    for (const job of promoted) {
      const entry = specs.get(job.id)!;
      specs.set(job.id, { ...entry, trace: traceRequirements(job.spec.requirements, tests, holdouts, recordedProof(entry)) });
    }
  }
  const sorted = new Map([...specs].sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest: Manifest = { format: input.manifest.format, speccc: input.version, specs: sorted };
  const sameFiles = files.size === input.currentRaw.size && [...files].every(([p, c]) => input.currentRaw.get(p) === c);
  const changed = !sameFiles || manifestJson(manifest) !== manifestJson({ ...input.manifest, speccc: input.version });
  return { files, manifest, changed };
}

/** The fields a fresh job's entry takes from the verdict it was judged again under. */
function judgedAgain(outcome: JobOutcome, sandbox: string): Partial<ManifestEntry> {
  const v = outcome.rejudged ? outcome.verdict : undefined;
  if (!v) return {};
  return { verdict: v, holdout: v.holdout, sandbox, ...(v.mutationScore !== undefined ? { mutationScore: v.mutationScore } : {}) };
}

/** The manifest as written to generated/.speccc/manifest.json: specs sorted by id. */
export function manifestJson(manifest: Manifest): string {
  const specs = Object.fromEntries([...manifest.specs].sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ format: manifest.format, speccc: manifest.speccc, specs }, null, 2) + '\n';
}

/**
 * Under manual promotion, new output waits in the result store until a person promotes it.
 * Promoting a spec also promotes the new output of the specs and twins it builds on: code that
 * imports a dependency's files must not land in generated/ without them. Those carry
 * `promotedFor`, so the command can say why they moved.
 */
export function holdForPromotion(plan: Plan, outcomes: ReadonlyMap<string, JobOutcome>, promote: 'all' | ReadonlySet<string> | undefined): Map<string, JobOutcome> {
  const waiting = (id: string) => {
    const state = outcomes.get(id)?.state;
    return state === 'built' || state === 'reused';
  };
  const chosen = new Map<string, string | null>(); // id -> the spec it was promoted for (null: asked for)
  if (promote !== undefined) {
    const jobs = new Map(plan.jobs.map((j) => [j.id, j]));
    const visit = (id: string, for_: string | null) => {
      if (chosen.has(id)) return;
      chosen.set(id, for_);
      const job = jobs.get(id);
      for (const dep of [...(job?.deps ?? []), ...(job?.twins ?? [])]) if (waiting(dep)) visit(dep, for_ ?? id);
    };
    for (const id of outcomes.keys()) if (promote === 'all' || promote.has(id)) visit(id, null);
  }
  const held = new Map(outcomes);
  for (const [id, outcome] of outcomes) {
    if (!waiting(id)) continue;
    if (!chosen.has(id)) held.set(id, { ...outcome, state: 'staged' });
    else if (chosen.get(id)) held.set(id, { ...outcome, promotedFor: chosen.get(id)! });
  }
  return held;
}
