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
  /** specs/adopted.json: each hand-owned spec's files with their hashes at adoption (null: none). */
  adopted?: { specs: Record<string, { files: Record<string, string> }> } | null;
}): Diagnostic[] {
  const out: Diagnostic[] = [...handOwnedDrift(input)];
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

/**
 * A hand-owned spec's file (owner: hand) that changed since adoption is the team's to change: a
 * warning that its spec may no longer describe it, never an error, and never overwritten.
 */
function handOwnedDrift(input: Parameters<typeof checkGeneratedTree>[0]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!input.adopted) return out;
  for (const { spec } of input.workspace.files) {
    const fm = spec?.frontmatter;
    if (!fm || fm.owner !== 'hand') continue;
    const recorded = input.adopted.specs[fm.id]?.files ?? {};
    for (const p of fm.outputs) {
      const then = recorded[p];
      const now = input.hashes.get(p);
      if (then === undefined || now === undefined || then === now) continue;
      out.push(
        d.adoptedFileChanged({
          file: `${input.generatedRoot}/${p}`,
          span: at,
          message: `Hand-owned file of spec \`${fm.id}\` changed since adoption; expected the spec (${spec!.file}) to be checked against it again`,
        }),
      );
    }
  }
  return out;
}
