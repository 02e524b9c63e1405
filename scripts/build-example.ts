/**
 * Builds the bundled examples the way a user builds a workspace: `speccc build` with the
 * Anthropic provider and the real SDK, pointed at speccc's twin of the Messages API, which
 * answers each job with the files in the workspace's replies folder (<replies>/<spec-id>/,
 * written by the speccc developers). No model is called; the manifest says so.
 *
 *   - this repository (tally): replies in examples/replies/;
 *   - examples/checkout (shopfront, with a twin of a payment service): examples/checkout/replies/.
 *
 *   npm run example:build            # rebuild what is stale
 *   npm run example:build -- --force # rebuild everything
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { directoryScript, startTwin } from '../src/api-twin/index.js';

const repo = path.resolve(import.meta.dirname, '..');
const workspaces = [
  { root: repo, replies: path.join(repo, 'examples/replies') },
  { root: path.join(repo, 'examples/checkout'), replies: path.join(repo, 'examples/checkout/replies') },
];

for (const workspace of workspaces) {
  console.log(`speccc build in ${path.relative(repo, workspace.root) || '.'}`);
  const twin = await startTwin({ script: await directoryScript(workspace.replies) });
  try {
    const args = [path.join(repo, 'dist/cli.js'), 'build', ...process.argv.slice(2)];
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
