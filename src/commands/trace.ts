import path from 'node:path';
import { Option } from 'commander';
import type { KnownResult, TracedSpec } from '../phases/3-check/coverage.js';
import { EXIT, inWorkspace, readyIdUnknown, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { SPECCC_VERSION } from '../version.js';

interface TraceFlags {
  root?: string;
  format: 'text' | 'json';
  strict?: boolean;
}

/** A test covers its requirement when it asserts and, where the build proved coverage, failed on a mutant of the code. */
const covering = (t: { proven: boolean | null }) => t.proven !== false;
const coveredReq = (r: { tests: { proven: boolean | null }[]; holdouts: unknown[] }) => r.tests.some(covering) || r.holdouts.length > 0;

const KIND = { rule: 'rule', 'edge-case': 'edge case', scenario: 'scenario', property: 'property' } as const;

/** A test title without the bracketed ids it names: what it says it checks. */
const plainTitle = (title: string) => title.replace(/\s*\[[a-z0-9-]+#[^\]\n]*\]\s*/g, ' ').replace(/\s+/g, ' ').trim() || title;

const resultText = (r: KnownResult | null) =>
  r === null ? 'not run yet' : `${r.passed ? 'passed' : 'FAILED'} ${r.source === 'build' ? 'when built' : 'in verify'} ${r.at.replace(/\.\d+Z$/, 'Z')}`;

/**
 * `speccc trace [spec-id]`: every requirement of each ready spec (or of one), the generated tests
 * and holdout scenarios that cover it, and their last results (the build that promoted the spec,
 * the latest `speccc verify`). Reads only: no agent, no generated code is run.
 */
export async function runTrace(io: CliIo, specId: string | undefined, flags: TraceFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { check } = await import('../compile.js');
    const { readVerifyHistory } = await import('../io/verify-history.js');
    const { buildableInOrder } = await import('../phases/5-plan/index.js');
    const { traceReport } = await import('../phases/3-check/coverage.js');
    const checked = await check({ root });
    if (checked.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
    const buildable = buildableInOrder(checked.workspace);
    const specs = specId === undefined ? buildable : buildable.filter((s) => s.frontmatter!.id === specId);
    if (specId !== undefined && specs.length === 0) {
      throw new UsageError(readyIdUnknown(specId, buildable.map((s) => s.frontmatter!.id)));
    }
    const tree = await readGeneratedTree(path.join(root, checked.config.paths.generated), SPECCC_VERSION);
    const history = await readVerifyHistory(root);
    const lastVerified = new Map<string, { passed: boolean; at: string }>();
    for (const line of history?.lines ?? []) for (const r of line.results) lastVerified.set(`${r.spec}/${r.scenario}`, { passed: r.passed, at: line.at });
    const report = traceReport({
      specs: [...specs].sort((a, b) => (a.frontmatter!.id < b.frontmatter!.id ? -1 : 1)),
      workspace: checked.workspace,
      manifest: tree.manifest,
      hashes: tree.hashes,
      files: tree.files,
      holdouts: checked.holdouts,
      lastVerified,
    });
    const all = report.flatMap((s) => s.requirements);
    const untested = all.filter((r) => !coveredReq(r));
    if (flags.format === 'json') {
      io.stdout(JSON.stringify({ specs: report, requirements: all.length, covered: all.length - untested.length, untested: untested.map((r) => r.id) }, null, 2) + '\n');
    } else {
      for (const spec of report) printSpec(io, spec);
      io.stdout(`${untested.length === 0 ? '✔' : flags.strict ? '✖' : '⚠'} ${all.length - untested.length} of ${all.length} requirements covered${untested.length ? `; untested: ${untested.map((r) => r.id).join(', ')}` : ''}\n`);
    }
    // --strict: the gate its name promises, every requirement covered by a test that proves it or a holdout.
    return flags.strict && untested.length > 0 ? EXIT.failed : EXIT.ok;
  });
}

function printSpec(io: CliIo, spec: TracedSpec): void {
  const covered = spec.requirements.filter(coveredReq).length;
  const state =
    spec.state === 'built' ? `built ${spec.builtAt?.replace(/\.\d+Z$/, 'Z') ?? ''}` : spec.state === 'drifted' ? 'generated files edited since the build: its tests are not counted' : 'not built yet';
  io.stdout(`${spec.spec} (${spec.file}; ${state}): ${covered} of ${spec.requirements.length} requirements covered\n`);
  for (const r of spec.requirements) {
    const ok = coveredReq(r);
    const why = r.tests.length > 0 ? ': its tests do not pin it down (none failed when its code was mutated)' : ': nothing covers it';
    io.stdout(`  ${ok ? '✔' : '⚠'} ${r.id} (${KIND[r.kind]}, line ${r.line})${ok ? '' : why}\n`);
    for (const t of r.tests) io.stdout(`      test    ${t.file}:${t.line} ${JSON.stringify(plainTitle(t.title))} — ${resultText(t.result)}${t.proven === true ? '; fails on a mutant of the code' : t.proven === false ? '; passes every mutant of the code: proves nothing about it' : ''}\n`);
    for (const h of r.holdouts) io.stdout(`      holdout ${h.name}${h.check ? '' : ' (no automated check)'} — ${resultText(h.result)}\n`);
  }
}

export const registerTrace: RegisterCommand = (program, io, done) => {
  program
    .command('trace')
    .description('For every requirement of each ready spec: the generated tests and holdout scenarios that cover it, and their last results.')
    .argument('[spec-id]', 'only this spec')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--strict', 'exit 1 unless every requirement is covered by a test that proves it or by a holdout scenario')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((specId: string | undefined, flags: TraceFlags) => done(runTrace(io, specId, flags)));
};
