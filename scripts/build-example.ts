/**
 * Builds the bundled examples the way a user builds a workspace: `speccc build` with the
 * Anthropic provider and the real SDK, pointed at speccc's twin of the Messages API, which
 * answers each job with the files in the workspace's replies folder (<replies>/<spec-id>/,
 * written by the speccc developers). No model is called; the manifest says so.
 *
 *   - this repository (tally): replies in examples/replies/;
 *   - examples/checkout (shopfront, with a twin of a payment service): examples/checkout/replies/;
 *   - examples/monorepo (two members, billing and shop, shop's cart depending on billing:invoice):
 *     examples/monorepo/replies/<member>/<id>/;
 *   - examples/payroll (ledgerly: eight specs in a dependency chain, pure functions, with example
 *     and property holdouts): examples/payroll/replies/.
 *
 *   npm run example:build                          # rebuild what is stale
 *   npm run example:build -- --force               # rebuild everything
 *   npm run example:build -- --only payroll        # one workspace (tally, checkout, monorepo, payroll)
 *
 * Every other argument goes to `speccc build`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { directoryScript, startTwin } from '../src/api-twin/index.js';

const repo = path.resolve(import.meta.dirname, '..');
const workspaces = [
  { name: 'tally', root: repo, replies: path.join(repo, 'examples/replies') },
  { name: 'checkout', root: path.join(repo, 'examples/checkout'), replies: path.join(repo, 'examples/checkout/replies') },
  { name: 'monorepo', root: path.join(repo, 'examples/monorepo'), replies: path.join(repo, 'examples/monorepo/replies') },
  { name: 'payroll', root: path.join(repo, 'examples/payroll'), replies: path.join(repo, 'examples/payroll/replies') },
];

/** `--only <name>` picks one workspace (a build with the gate runs Stryker per spec: minutes); the rest goes to speccc build. */
function parseArgs(argv: string[]): { only: string | undefined; buildArgs: string[] } {
  const at = argv.indexOf('--only');
  if (at === -1) return { only: undefined, buildArgs: argv };
  const only = argv[at + 1];
  if (only === undefined || !workspaces.some((w) => w.name === only)) {
    console.error(`--only expects one of ${workspaces.map((w) => w.name).join(', ')}; got ${only ?? 'nothing'}`);
    process.exit(2);
  }
  return { only, buildArgs: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

const { only, buildArgs } = parseArgs(process.argv.slice(2));
for (const workspace of workspaces.filter((w) => only === undefined || w.name === only)) {
  console.log(`speccc build in ${path.relative(repo, workspace.root) || '.'}`);
  const twin = await startTwin({ script: await directoryScript(workspace.replies) });
  try {
    const args = [path.join(repo, 'dist/cli.js'), 'build', ...buildArgs];
    // spawn, not spawnSync: the twin answers from this process's event loop, which spawnSync would block.
    const child = spawn(process.execPath, args, {
      cwd: workspace.root,
      stdio: 'inherit',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'twin-no-real-key' },
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) process.exitCode = code ?? 1;
  } finally {
    await twin.close();
  }
}
