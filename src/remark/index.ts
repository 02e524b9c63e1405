/**
 * `import { remarkSpeccc } from 'speccc/remark'`: speccc's checks of one spec inside a unified
 * pipeline, reported as vfile messages (docs/api.md).
 *
 *   unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkSpeccc, { rules })
 *
 * With remark-parse and remark-frontmatter (`yaml`) the pipeline's tree is the tree
 * `speccc check` reads (test/phases/1-parse/ holds the two equal), so a spec gets the same findings at the
 * same places as `speccc check` gives it, less those that need the rest of the workspace.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { checkSpec } from './check-spec.js';
import { configFromOptions, type RemarkSpecccOptions } from './options.js';
import { reportOnFile } from './report.js';

export type { RemarkSpecccOptions, RuleSeverity } from './options.js';

export const remarkSpeccc: Plugin<[(RemarkSpecccOptions | null | undefined)?], Root> = function (options) {
  const config = configFromOptions(options);
  return (tree: Root, file: VFile) => {
    const value = file.value ?? '';
    const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    const { diagnostics, source } = checkSpec({ file: specPath(file), bytes, tree, config });
    reportOnFile(file, diagnostics, source);
  };
};

export default remarkSpeccc;

/** The spec's path as speccc names files: POSIX, relative to the file's working directory. */
function specPath(file: VFile): string {
  if (!file.path) return 'spec.md';
  return path.relative(file.cwd, path.resolve(file.cwd, file.path)).split(path.sep).join('/');
}
