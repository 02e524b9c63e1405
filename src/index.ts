/**
 * speccc's public API: what `import … from 'speccc'` gives. The CLI is built on exactly these.
 *
 *   const checked = await check({ root });                       // phases 1–3
 *   const runtime = createRuntime({ root, config: checked.config, credentials: takeCredentials(process.env), command: 'build', provider: 'anthropic' });
 *   const result = await build({ root, mode: 'build', runtime }); // phases 4–8, through the gate
 *
 * See docs/api.md.
 */
export { check, build } from './compile.js';
export type { CheckOptions, CheckResult, BuildOptions, BuildResult } from './compile.js';
export { loadWorkspace } from './workspace.js';
export type { LoadOptions, LoadedWorkspace } from './workspace.js';
export { loadConfig } from './io/config-file.js';
export type { LoadedConfig } from './config/parse.js';
export { createRuntime, createGate, takeCredentials, RuntimeSetupError } from './runtime.js';
export type { Runtime, RuntimeOptions, Credentials, Gate, ProviderName } from './runtime.js';
export { CATALOGUE } from './diagnostics/catalogue/index.js';
export type { DiagnosticCode } from './diagnostics/messages.js';
export { parseTrace, listRuns, readRun } from './io/trace.js';
export { twinsUsedBy, twinEnvVar, twinEntry } from './phases/2-model/twins.js';
export { SPECCC_VERSION } from './version.js';
export type * from './types/index.js';
