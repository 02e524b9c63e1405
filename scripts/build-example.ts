/**
 * Builds the bundled example the way a user builds a workspace: `speccc build` with the
 * Anthropic provider and the real SDK, pointed at speccc's twin of the Messages API, which
 * answers each job with the files in examples/replies/<spec-id>/ (written by the speccc
 * developers). No model is called; the manifest says so.
 *
 *   npm run example:build            # rebuild what is stale
 *   npm run example:build -- --force # rebuild everything
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { directoryScript, startTwin } from '../src/twin/index.js';

const root = path.resolve(import.meta.dirname, '..');
const twin = await startTwin({ script: await directoryScript(path.join(root, 'examples/replies')) });
try {
  const args = [path.join(root, 'dist/cli.js'), 'build', ...process.argv.slice(2)];
  // spawn, not spawnSync: the twin answers from this process's event loop, which spawnSync would block.
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'twin-no-real-key' },
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  process.exitCode = code ?? 1;
} finally {
  await twin.close();
}
