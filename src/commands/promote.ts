import { EXIT, inWorkspace, type CliIo, type RegisterCommand } from './shared.js';
import { requireReadySpecs } from './build.js';

/**
 * `speccc promote [ids...]`: under `promotion.policy: "manual"`, moves output that passed its
 * checks (stored by job key) into generated/. Calls no agent; a spec with nothing staged for
 * its current inputs is left as it is and named.
 */
export async function runPromote(io: CliIo, ids: string[], flags: { root?: string }): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (ids.length > 0) await requireReadySpecs(root, ids, 'speccc promote');
    const { build } = await import('../compile.js');
    const { createRuntime, takeCredentials } = await import('../runtime.js');
    const credentials = takeCredentials(io.env);
    // Made from the config the run reads under its lock (its one read).
    const runtime = (loaded: import('../config/parse.js').LoadedConfig) => createRuntime({ root, config: loaded.config, credentials, command: 'promote', provider: 'anthropic' });
    const result = await build({ root, mode: 'promote', runtime, promote: ids.length > 0 ? new Set(ids) : 'all', signal: io.signal });
    if (result.kind === 'up-to-date') {
      io.stdout(`✔ ${result.specs} specs up to date; nothing to promote\n`);
      return EXIT.ok;
    }
    if (result.kind !== 'built') {
      io.stderr('speccc: the workspace has check errors; run `speccc check`\n');
      return EXIT.failed;
    }
    const outcomes = [...result.outcomes.values()];
    const promoted = outcomes.filter((o) => o.state === 'reused' && (ids.length === 0 || ids.includes(o.id) || o.promotedFor !== undefined));
    const waiting = outcomes.filter((o) => o.state === 'stale' && (ids.length === 0 || ids.includes(o.id)));
    for (const o of promoted) {
      const notes = [...(o.promotedFor ? [`${o.promotedFor} builds on it`] : []), ...(o.holdout === 'unverified' ? ['unverified: no holdout check'] : [])];
      io.stdout(`✔ ${o.id} promoted${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n`);
    }
    for (const o of waiting) io.stdout(`- ${o.id}: nothing staged for its current inputs; run \`speccc build\`\n`);
    if (promoted.length === 0 && waiting.length === 0) io.stdout('nothing to promote\n');
    return EXIT.ok;
  });
}

export const registerPromote: RegisterCommand = (program, io, done) => {
  program
    .command('promote')
    .description('Promote staged output into generated/ (for promotion.policy "manual"); calls no agent.')
    .argument('[ids...]', 'spec ids to promote (default: every staged spec)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .action((ids: string[], flags: { root?: string }) => done(runPromote(io, ids, flags)));
};
