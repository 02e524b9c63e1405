/** Runs speccc's remark plugin the way a unified user does: one spec file, read as bytes, through remark-parse and remark-frontmatter. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Plugin, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { remarkSpeccc, type RemarkSpecccOptions } from '../../src/remark/index.js';

export interface RunOptions {
  /** Leave remark-frontmatter out of the pipeline. */
  noFrontmatter?: boolean;
  /** A transformer that runs before speccc's. */
  before?: Plugin<[], Root>;
}

/** The file after the pipeline ran on `root/rel` (its `messages` are what a reporter prints). */
export async function runPlugin(root: string, rel: string, options?: RemarkSpecccOptions, run: RunOptions = {}): Promise<VFile> {
  const file = new VFile({ cwd: root, path: rel, value: readFileSync(path.join(root, rel)) });
  const before: PluggableList = [];
  if (!run.noFrontmatter) before.push([remarkFrontmatter, ['yaml']]);
  if (run.before) before.push(run.before);
  const pipeline = unified().use(remarkParse).use(before).use(remarkSpeccc, options);
  await pipeline.run(pipeline.parse(file), file);
  return file;
}
