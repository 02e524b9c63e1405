/**
 * A spec's bytes and the tree a unified pipeline parsed from them -> speccc's findings on that
 * spec alone: phases 1 and 2's own diagnostics and the spec-local rules' findings
 * (phases/3-check/spec-local.ts), configured by the `rules` map and the spec's suppression
 * comments exactly as `speccc check` configures them. Pure.
 *
 * Findings that need the rest of the workspace (other specs, the glossary, the generated tree,
 * the scenarios folder) are `speccc check`'s alone; a suppression of one of their codes is
 * therefore never reported unused here, since this cannot know whether it suppresses anything.
 */
import type { Nodes, Root } from 'mdast';
import { parsedFromTree, parseSpecFile } from '../phases/1-parse/index.js';
import { modelSpec } from '../phases/2-model/index.js';
import { dedupe, sortDiagnostics } from '../phases/3-check/index.js';
import { RULE_CODES, SPEC_LOCAL_RULES } from '../phases/3-check/rules/index.js';
import { checkSpecsLocally } from '../phases/3-check/spec-local.js';
import { applySuppressions } from '../phases/3-check/suppressions.js';
import { createLineIndex } from '../phases/1-parse/line-index.js';
import type { Diagnostic, SpecccConfig } from '../types/index.js';

/** Codes only the workspace-wide rules report: a suppression of one may be used by `speccc check`. */
const WORKSPACE_CODES: readonly string[] = (() => {
  const local = new Set<string>(SPEC_LOCAL_RULES.flatMap((rule) => rule.codes));
  return [...RULE_CODES].filter((code) => !local.has(code) && code !== 'unused-suppression');
})();

export interface SpecInput {
  /** The spec's path as findings name it (POSIX, relative to the pipeline's working directory). */
  file: string;
  bytes: Uint8Array;
  /** The pipeline's tree of the same bytes. */
  tree: Root;
  config: SpecccConfig;
}

export interface SpecFindings {
  diagnostics: Diagnostic[];
  /** The spec's decoded text (what spans' offsets index), or null when the bytes are no text. */
  source: string | null;
}

export function checkSpec(input: SpecInput): SpecFindings {
  const { file, bytes, tree, config } = input;
  // The pipeline's tree is the reference tree when it was parsed with remark-frontmatter and no
  // transformer before this one dropped positions; otherwise read the bytes as `speccc check` does.
  const parsed = tree.children[0]?.type === 'yaml' && positioned(tree) ? parsedFromTree(file, bytes, tree) : parseSpecFile(file, bytes);
  const model = modelSpec(parsed);
  if (!model.spec) return { diagnostics: sortDiagnostics(model.diagnostics), source: parsed.text };
  const found = dedupe(Object.values(checkSpecsLocally([model])[0]!).flat());
  const lines = createLineIndex(model.spec.source);
  const configured = applySuppressions(found, [model.spec], () => lines, config, RULE_CODES).filter((d) => !unusedOfWorkspaceCode(d));
  return { diagnostics: sortDiagnostics([...model.diagnostics, ...configured]), source: model.spec.source };
}

/** An unused-suppression of a code this cannot find (applySuppressions words it so: suppressions.ts `unusedWhy`). */
function unusedOfWorkspaceCode(d: Diagnostic): boolean {
  return d.code === 'unused-suppression' && WORKSPACE_CODES.some((code) => d.message.startsWith(`Suppression of \`${code}\` suppresses nothing`));
}

/** Every node has start and end offsets: what phase 2 reads its spans from. */
function positioned(node: Nodes): boolean {
  if (node.position?.start.offset === undefined || node.position.end.offset === undefined) return false;
  return !('children' in node) || node.children.every((child) => positioned(child as Nodes));
}
