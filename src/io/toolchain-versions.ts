/**
 * The versions of the tools a sealed run uses: node, typescript, vitest, fast-check (property
 * holdouts) and (when installed) Stryker. Part of every verdict key: a verdict given by another toolchain is given again.
 * Read from the packages' own package.json files, once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ToolchainVersions } from '../types/index.js';

const require = createRequire(import.meta.url);
let read: ToolchainVersions | undefined;

function versionOf(pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

export function toolchainVersions(): ToolchainVersions {
  if (read) return read;
  const versions: ToolchainVersions = { node: process.version };
  for (const pkg of ['typescript', 'vitest', 'fast-check', '@stryker-mutator/core']) {
    const v = versionOf(pkg);
    if (v) versions[pkg] = v;
  }
  return (read = versions);
}
