import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { resolveRoot } from './check.js';

/**
 * `speccc promote [ids...]`: under `promotion.policy: "manual"`, moves output that passed its
 * checks (stored by job key) into generated/. Calls no agent; a spec with nothing staged for
 * its current inputs is left as it is and named.
 */
export async function runPromote(io: CliIo, ids: string[], flags: { root?: string }): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  const { build } = await import('../compile.js');
  const result = await build({ root, mode: 'build', force: null, agent: null, promote: ids.length > 0 ? new Set(ids) : 'all', signal: io.signal });
  if (result.stamped) {
    io.stdout(`✔ ${result.stamped.specs} specs up to date; nothing to promote\n`);
    return EXIT.ok;
  }
  if (result.blocked.length > 0 || result.check.configBroken) {
    io.stderr('speccc: the workspace has check errors; run `speccc check`\n');
    return EXIT.failed;
  }
  const unknown = ids.filter((id) => !result.plan?.jobs.some((j) => j.id === id));
  for (const id of unknown) io.stderr(`speccc: no ready spec has id \`${id}\`\n`);
  const promoted = [...result.outcomes.values()].filter((o) => o.state === 'reused');
  const waiting = [...result.outcomes.values()].filter((o) => o.state === 'stale' && (ids.length === 0 || ids.includes(o.id)));
  for (const o of promoted) io.stdout(`✔ ${o.id} promoted\n`);
  for (const o of waiting) io.stdout(`- ${o.id}: nothing staged for its current inputs; run \`speccc build\`\n`);
  if (promoted.length === 0 && waiting.length === 0) io.stdout('nothing to promote\n');
  return unknown.length > 0 ? EXIT.usage : EXIT.ok;
}

export const registerPromote: RegisterCommand = (program, io, done) => {
  program
    .command('promote')
    .description('Promote staged output into generated/ (for promotion.policy "manual"); calls no agent.')
    .argument('[ids...]', 'spec ids to promote (default: every staged spec)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .action((ids: string[], flags: { root?: string }) => done(runPromote(io, ids, flags)));
};
