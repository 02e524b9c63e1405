import path from 'node:path';
import { Option } from 'commander';
import type { AuditedRequest, Leak } from '../phases/6-generate/leak-audit.js';
import { EXIT, inWorkspace, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { readTemplates } from '../io/templates.js';
import { SPECCC_VERSION } from '../version.js';

interface AuditFlags {
  root?: string;
  format: 'text' | 'json';
}

/**
 * `speccc audit`: every request of every traced run (`.speccc/runs/`) against the scenarios
 * folder's text, through the requests' fingerprints (the traces hold no prompt text). A request
 * that contains most of a scenario is a leak: the holdout was shown to a generating agent. Runs
 * of `speccc scenarios generate`, whose agent is meant to read scenarios, are not audited.
 * Exit 1 on a leak.
 */
export async function runAudit(io: CliIo, flags: AuditFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { check } = await import('../compile.js');
    const { listRuns, readRun } = await import('../io/trace.js');
    const { auditRequests, leakThreshold, scenarioTexts, LEAK_MIN_SHINGLES } = await import('../phases/6-generate/leak-audit.js');
    const checked = await check({ root });
    if (checked.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
    const { config } = checked;
    const [tree, templates] = await Promise.all([readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION), readTemplates(root, config.paths.templates)]);
    // What prompts legitimately hold besides specs: their shingles are no evidence of a leak.
    const legitimate = [...tree.files.values(), ...[...templates.defaults, ...templates.overrides].map((t) => t.text), ...checked.workspace.context.map((c) => c.text)];
    const texts = scenarioTexts(checked.holdouts, legitimate);

    const requests: AuditedRequest[] = [];
    let runs = 0;
    let skippedRuns = 0;
    let unprinted = 0;
    for (const run of await listRuns(root)) {
      const { events, problems } = await readRun(run);
      for (const p of problems) io.stderr(`speccc: ${path.relative(io.cwd, run.file)}:${p.line}: ${p.message}; skipped\n`);
      // Check-writing agents read scenarios, and adopt's drafting agent the project's tests (holdouts only after --take), by design.
      if (events.some((e) => e.type === 'run-start' && (e.command === 'scenarios' || e.command === 'adopt'))) {
        skippedRuns++;
        continue;
      }
      runs++;
      for (const e of events) {
        if (e.type !== 'request') continue;
        if (typeof e.fingerprint !== 'string') unprinted++;
        else requests.push({ runId: run.runId, spec: e.spec, job: e.job, fingerprint: e.fingerprint });
      }
    }
    const leaks = auditRequests(requests, texts);
    const scenarios = new Set(texts.map((t) => t.scenario)).size;
    const tooShort = texts.filter((t) => t.shingles.length < LEAK_MIN_SHINGLES).map((t) => t.file);
    if (flags.format === 'json') {
      io.stdout(JSON.stringify({ runs, requests: requests.length, scenarios, texts: texts.length, leaks, skippedRuns, requestsWithoutFingerprint: unprinted, tooShortToAudit: tooShort }, null, 2) + '\n');
    } else {
      for (const l of leaks) io.stdout(leakLine(l, leakThreshold(l.distinctive)));
      for (const f of tooShort) io.stdout(`⚠ ${f}: too little text of its own to audit (fewer than ${LEAK_MIN_SHINGLES} five-word runs not found in generated code, templates or context)\n`);
      if (unprinted > 0) io.stdout(`⚠ ${unprinted} traced request${unprinted === 1 ? '' : 's'} carry no fingerprint (traced by an older speccc, or a provider that does not fingerprint): not audited\n`);
      const scope = `${requests.length} request${requests.length === 1 ? '' : 's'} in ${runs} run${runs === 1 ? '' : 's'} audited against ${scenarios} scenario${scenarios === 1 ? '' : 's'}${skippedRuns ? ` (${skippedRuns} scenario-writing run${skippedRuns === 1 ? '' : 's'} not audited)` : ''}`;
      io.stdout(leaks.length === 0 ? `✔ no leak: ${scope}\n` : `✖ ${leaks.length} leak${leaks.length === 1 ? '' : 's'}: ${scope}\n`);
    }
    return leaks.length === 0 ? EXIT.ok : EXIT.failed;
  });
}

function leakLine(l: Leak, threshold: number): string {
  return `✖ leak: run ${l.runId}, spec ${l.spec} (job ${l.job.slice(0, 12)}, ${l.requests} request${l.requests === 1 ? '' : 's'}): contains ${l.shared} of the ${l.distinctive} distinctive five-word runs of scenario ${l.scenario} (${l.file}; a leak from ${threshold})\n`;
}

export const registerAudit: RegisterCommand = (program, io, done) => {
  program
    .command('audit')
    .description('Check every traced request against the holdout scenarios (by fingerprint): report any request that contained a scenario.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: AuditFlags) => done(runAudit(io, flags)));
};
