/**
 * One build of a workspace as `speccc build` makes it, for bench/house.bench.ts: the runtime is
 * made from the config the run reads (as the command does), the model and validation left out.
 * `ready` is called once the modules are loaded, just before the build starts.
 */
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import { passing } from './stubs.js';

export async function runBuildOnce(root: string, ready: () => void): Promise<void> {
  const credentials = takeCredentials({});
  ready();
  const runtime = (loaded: import('../src/config/parse.js').LoadedConfig) => createRuntime({ root, config: loaded.config, credentials, command: 'build', provider: 'anthropic', inject: { validator: passing } });
  await build({ root, mode: 'build', runtime, force: 'all' }).catch(() => undefined);
}
