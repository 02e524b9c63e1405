/**
 * The build stamp: a digest of every input a build reads (speccc version, config, each spec,
 * context document and template, and the generated tree with its manifest, by content hash),
 * recorded after a build that left every ready spec up to date. If the digest is unchanged,
 * the next build has nothing to do and says so without parsing, planning or rendering.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { sha256 } from '../phases/1-parse/hash.js';
import { canonicalJson } from '../phases/4-plan/job-key.js';
import { readWorkspaceFiles } from './workspace-files.js';
import { readTemplates } from './templates.js';
import { readGeneratedTree } from './generated-tree.js';
import { readRawConfig } from '../config/raw-paths.js';

export interface BuildStamp {
  digest: string;
  /** Ready specs the build covered, for the "N specs up to date" line. */
  specs: number;
}

const fileOf = (root: string) => path.join(root, '.speccc', 'cache', 'build-stamp.json');

export async function buildDigest(root: string, version: string): Promise<string> {
  const config = await readRawConfig(root);
  const [files, templates, tree] = await Promise.all([
    readWorkspaceFiles({ root, specsDir: config.paths.specs, contextDir: config.paths.context }),
    readTemplates(root, config.paths.templates),
    readGeneratedTree(path.join(root, config.paths.generated), version),
  ]);
  return sha256(
    canonicalJson({
      version,
      config: config.text,
      specs: files.specs.map((f) => [f.file, sha256(f.bytes)]),
      context: files.context.map((f) => [f.file, sha256(f.bytes)]),
      templates: [...templates.defaults, ...templates.overrides].map((t) => [t.file, sha256(t.text)]),
      generated: [...tree.hashes].sort(),
      manifest: tree.manifest,
    }),
  );
}

/** The stamp, if every input is byte-identical to the last fully up-to-date build. */
export async function upToDateStamp(root: string, version: string): Promise<BuildStamp | undefined> {
  const stamp = await readStamp(root);
  if (!stamp) return undefined;
  return stamp.digest === (await buildDigest(root, version)) ? stamp : undefined;
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
