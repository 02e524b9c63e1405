/**
 * Whether mutation testing can run here. Stryker (`@stryker-mutator/core` and its vitest runner)
 * is an optional peer dependency: it is most of what a speccc install would weigh (about 110 MB
 * and 200 packages) and only `verify --mutate` and `promotion.minMutationScore` use it, so a
 * project that wants mutation testing installs it beside speccc. speccc writes a configuration
 * both Stryker 9 and 10 read; Stryker 10 refuses to start on Node older than 22, so which one to
 * install depends on the Node that runs speccc (and, inside the sandbox, Stryker).
 */
import { createRequire } from 'node:module';

export type StrykerCheck = { ok: true; version: string } | { ok: false; message: string };

/** Stryker majors whose configuration speccc writes (src/phases/7-validate/mutation.ts). */
const SUPPORTED = [9, 10];

const majorOf = (version: string): number => Number(/^v?(\d+)/.exec(version)?.[1] ?? NaN);

/** The Stryker major to install on this Node: 10 needs Node 22 or later. */
export function strykerMajorFor(nodeVersion: string = process.version): number {
  return majorOf(nodeVersion) >= 22 ? 10 : 9;
}

/** One line saying what to install, for the Node that runs speccc. */
export function strykerInstallHint(nodeVersion: string = process.version): string {
  const major = strykerMajorFor(nodeVersion);
  const why = major === 10 ? '' : ` (Stryker 10 needs Node 22 or later; this is Node ${nodeVersion.replace(/^v/, '')})`;
  return `mutation testing needs @stryker-mutator/core ${major}${why}; run \`npm i -D @stryker-mutator/core@${major} @stryker-mutator/vitest-runner@${major}\``;
}

interface StrykerPackage {
  version: string;
  engines?: { node?: string };
}

/**
 * Whether Stryker and its vitest runner resolve from speccc's package (a project's
 * node_modules beside speccc, or speccc's own), in a version speccc can drive on this Node.
 */
export function checkStryker(nodeVersion: string = process.version, from: string = import.meta.url): StrykerCheck {
  const require = createRequire(from);
  let core: StrykerPackage;
  try {
    core = require('@stryker-mutator/core/package.json') as StrykerPackage;
    require.resolve('@stryker-mutator/vitest-runner/package.json');
  } catch {
    return { ok: false, message: strykerInstallHint(nodeVersion) };
  }
  const major = majorOf(core.version);
  if (!SUPPORTED.includes(major)) return { ok: false, message: `${strykerInstallHint(nodeVersion)} (found ${core.version})` };
  // Stryker checks its engines itself and stops with a stack trace; say it in one line first.
  const needs = majorOf(/(\d+)/.exec(core.engines?.node ?? '')?.[1] ?? '0');
  if (majorOf(nodeVersion) < needs) return { ok: false, message: `${strykerInstallHint(nodeVersion)} (found ${core.version}, which needs Node ${needs} or later)` };
  return { ok: true, version: core.version };
}
