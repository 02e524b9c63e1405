/**
 * generated/ against its manifest: hand edits, deletions and files nobody owns. Pure; the
 * caller reads the tree. Reported by `speccc check` so CI catches drift without a build.
 */
import type { Diagnostic, Manifest, Workspace } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';

const origin = { line: 1, column: 1, offset: 0 };
const at = { start: origin, end: origin };

export function checkGeneratedTree(input: {
  workspace: Workspace;
  generatedRoot: string;
  manifest: Manifest;
  /** Why the manifest could not be read, or null. */
  manifestProblem: string | null;
  hashes: ReadonlyMap<string, string>;
}): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (input.manifestProblem) {
    out.push(d.manifestUnreadable({ file: `${input.generatedRoot}/.speccc/manifest.json`, span: at, message: `The manifest ${input.manifestProblem}; every spec is treated as never built until a build rewrites it` }));
  }
  const recorded = new Map<string, { id: string; hash: string }>();
  for (const [id, entry] of input.manifest.specs) {
    for (const [p, hash] of Object.entries(entry.outputs)) recorded.set(p, { id, hash });
  }
  // Every spec's outputs, a namesake's too (byId holds one spec per id): a second spec with an id is still their owner.
  const owned = new Set(input.workspace.files.flatMap((m) => m.spec?.frontmatter?.outputs ?? []));
  for (const [p, { id, hash }] of recorded) {
    const file = `${input.generatedRoot}/${p}`;
    const onDisk = input.hashes.get(p);
    if (onDisk === undefined) {
      out.push(d.generatedMissing({ file, span: at, message: `Generated file of spec \`${id}\` is missing; expected the file recorded in the manifest` }));
    } else if (onDisk !== hash) {
      out.push(d.generatedDrift({ file, span: at, message: `Generated file of spec \`${id}\` was edited by hand; its content no longer matches the manifest` }));
    }
  }
  for (const p of input.hashes.keys()) {
    if (recorded.has(p) || owned.has(p)) continue;
    out.push(
      d.generatedUnowned({
        file: `${input.generatedRoot}/${p}`,
        span: at,
        message: `File is in the generated tree but no spec owns it; expected only declared outputs`,
      }),
    );
  }
  return out;
}
