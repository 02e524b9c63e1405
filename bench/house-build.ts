/**
 * One build of a workspace as `speccc build` makes it, for bench/house.bench.ts: the command's
 * own set-up (its config read and its runtime) included, the model and validation left out.
 * `ready` is called once the modules are loaded, just before the build starts.
 */
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import { loadConfig } from '../src/io/config-file.js';
import { passing } from './stubs.js';

export async function runBuildOnce(root: string, ready: () => void): Promise<void> {
  ready();
  const runtime = createRuntime({ root, config: (await loadConfig(root)).config, credentials: takeCredentials({}), command: 'build', provider: 'anthropic', inject: { validator: passing } });
  await build({ root, mode: 'build', runtime, force: 'all' }).catch(() => undefined);
}
