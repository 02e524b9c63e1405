/**
 * The build stamp: a digest of every input a build reads (speccc version, config, each spec,
 * context document and template, and the generated tree with its manifest, by content hash),
 * recorded after a build that left every ready spec up to date. If the digest is unchanged,
 * the next build has nothing to do and says so without parsing, planning or rendering.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { SpecccConfig } from '../types.js';
import { sha256 } from '../phases/1-parse/hash.js';
import { canonicalJson } from '../phases/4-plan/job-key.js';
import { readWorkspaceFiles } from './workspace-files.js';
import { readTemplates } from './templates.js';
import { readGeneratedTree } from './generated-tree.js';
import { CONFIG_FILE } from '../config/schema.js';

export interface BuildStamp {
  digest: string;
  /** Ready specs the build covered, for the "N specs up to date" line. */
  specs: number;
}

const fileOf = (root: string) => path.join(root, '.speccc', 'cache', 'build-stamp.json');

export async function buildDigest(root: string, config: SpecccConfig, version: string): Promise<string> {
  const [files, templates, tree, configText] = await Promise.all([
    readWorkspaceFiles({ root, specsDir: config.paths.specs, contextDir: config.paths.context }),
    readTemplates(root, config.paths.templates),
    readGeneratedTree(path.join(root, config.paths.generated), version),
    fs.readFile(path.join(root, CONFIG_FILE), 'utf8').catch(() => ''),
  ]);
  return sha256(
    canonicalJson({
      version,
      config: configText,
      specs: files.specs.map((f) => [f.file, sha256(f.bytes)]),
      context: files.context.map((f) => [f.file, sha256(f.bytes)]),
      templates: [...templates.defaults, ...templates.overrides].map((t) => [t.file, sha256(t.text)]),
      generated: [...tree.hashes].sort(),
      manifest: tree.manifest,
    }),
  );
}

export async function readStamp(root: string): Promise<BuildStamp | undefined> {
  try {
    return JSON.parse(await fs.readFile(fileOf(root), 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

export async function writeStamp(root: string, stamp: BuildStamp): Promise<void> {
  try {
    await fs.mkdir(path.dirname(fileOf(root)), { recursive: true });
    await writeFileAtomic(fileOf(root), JSON.stringify(stamp));
  } catch {
    // read-only workspace: the next build just plans again
  }
}

export async function clearStamp(root: string): Promise<void> {
  await fs.rm(fileOf(root), { force: true });
}
