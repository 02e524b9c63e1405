/**
 * Atomic promotion of a complete new generated tree.
 *
 * Why a directory swap rather than writing files in place: the tree must never be half-written,
 * whatever moment a crash or Ctrl-C hits. The new tree is assembled in full under
 * `.speccc/staging/<run>/tree` (unchanged files hard-linked from the current tree, so they keep
 * their inode and mtime: a file is rewritten only when its content changes), then swapped in
 * with two renames recorded in a journal. If the process dies between the renames, the next
 * start finds the journal and finishes or undoes the swap before anything else reads generated/.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { folderInside, writeInside } from './safe-write.js';
import { TREE_FOREIGN_DIRS } from './generated-tree.js';

interface Journal {
  generated: string;
  tree: string;
  old: string;
}

export class CorruptStateError extends Error {}

const journalOf = (root: string) => path.join(root, '.speccc', 'promote-journal.json');

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/**
 * The journal is input like any other file in the workspace: its paths are trusted only if they
 * are exactly the generated folder and folders under `.speccc/staging/` of this workspace.
 * Anything else is refused, and nothing it names is renamed or deleted.
 */
async function checkJournal(root: string, generatedDir: string, raw: unknown): Promise<Journal> {
  // The schema (zod) is loaded only when there is a journal: a check's start-up never needs it.
  const { JournalSchema } = await import('../schemas/state.js');
  const parsed = JournalSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptStateError(`.speccc/promote-journal.json is not a promotion journal; delete it if no build is running`);
  const journal = parsed.data;
  const staging = path.join(path.resolve(root), '.speccc', 'staging') + path.sep;
  const inStaging = (p: string) => path.isAbsolute(p) && path.resolve(p) === p && p.startsWith(staging) && !p.slice(staging.length).split(path.sep).includes('..');
  if (path.resolve(journal.generated) !== path.resolve(generatedDir) || !inStaging(journal.tree) || !inStaging(journal.old)) {
    throw new CorruptStateError(`.speccc/promote-journal.json names paths outside this workspace's generated/ and .speccc/staging/; refusing to touch them. Delete the journal if no build is running`);
  }
  return journal;
}

export async function journalExists(root: string): Promise<boolean> {
  return exists(journalOf(root));
}

/** Finishes or rolls back a swap interrupted by a crash. Call only while holding the workspace lock. */
export async function recoverPromotion(root: string, generatedDir: string): Promise<'none' | 'completed' | 'restored'> {
  let text: string;
  try {
    text = await fs.readFile(journalOf(root), 'utf8');
  } catch {
    return 'none';
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptStateError(`.speccc/promote-journal.json is not valid JSON; delete it if no build is running`);
  }
  const journal = await checkJournal(root, generatedDir, raw);
  let outcome: 'completed' | 'restored' = 'completed';
  if (!(await exists(journal.generated))) {
    // Died between the two renames: the old tree is aside and the new one is complete.
    if (await exists(journal.tree)) await fs.rename(journal.tree, journal.generated);
    else if (await exists(journal.old)) {
      await fs.rename(journal.old, journal.generated);
      outcome = 'restored';
    }
  }
  await fs.rm(path.dirname(journal.tree), { recursive: true, force: true });
  await fs.rm(journalOf(root), { force: true });
  return outcome;
}

/** Where a run stages its next tree: `.speccc/staging/<run id>`. */
export const stagingDirOf = (root: string, runId: string): string => path.join(root, '.speccc', 'staging', runId);

/**
 * A run's staging folder, removed at the end of the run when nothing needs it: left while a
 * journal names it (recovery finishes or undoes that promotion), and while it holds a generated
 * package's installation that a cancelled promotion had moved there (never deleted for the user).
 */
export async function discardStaging(root: string, runId: string): Promise<void> {
  const dir = stagingDirOf(root, runId);
  if (!(await exists(dir)) || (await journalExists(root))) return;
  for (const foreign of TREE_FOREIGN_DIRS) if (await exists(path.join(dir, 'tree', foreign))) return;
  await fs.rm(dir, { recursive: true, force: true });
}

export interface TreeChange {
  written: string[];
  removed: string[];
  unchanged: number;
}

/**
 * Builds the new tree in staging and swaps it in. `next` maps every path of the new tree
 * (relative to generated/) to its content; `current` is the tree as it is now.
 */
export async function promoteTree(options: {
  root: string;
  generatedDir: string;
  stagingDir: string;
  current: ReadonlyMap<string, string>;
  next: ReadonlyMap<string, string>;
  /** Written last inside the new tree (the manifest, the README). */
  extra: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}): Promise<TreeChange> {
  const { root, generatedDir, stagingDir, current, next, extra } = options;
  const tree = path.join(stagingDir, 'tree');
  const old = path.join(stagingDir, 'old');
  // Every folder on the way to the staging area and to generated/ is inside the workspace (no link
  // leads out), before anything is removed, written or renamed there.
  await folderInside(root, path.relative(root, path.dirname(stagingDir)));
  await folderInside(root, path.relative(root, path.dirname(generatedDir)));
  await fs.rm(stagingDir, { recursive: true, force: true });
  await fs.mkdir(tree, { recursive: true });
  const written: string[] = [];
  let unchanged = 0;
  for (const [rel, content] of next) {
    options.signal?.throwIfAborted();
    const target = path.join(tree, rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const source = path.join(generatedDir, rel);
    if (current.get(rel) === content) {
      try {
        const st = await fs.lstat(source);
        if (st.isFile()) {
          await fs.link(source, target);
          unchanged++;
          continue;
        }
      } catch {
        // different file system or vanished: fall back to writing it
      }
    }
    await fs.writeFile(target, content);
    if (current.get(rel) !== content) written.push(rel);
    else unchanged++;
  }
  for (const [rel, content] of extra) {
    const target = path.join(tree, rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
  const removed = [...current.keys()].filter((rel) => !next.has(rel)).sort();
  options.signal?.throwIfAborted();
  // A generated package's own installation moves into the new tree with it.
  for (const dir of TREE_FOREIGN_DIRS) {
    if (await exists(path.join(generatedDir, dir))) await fs.rename(path.join(generatedDir, dir), path.join(tree, dir));
  }
  // The point of no return: journal first, then two renames.
  await writeInside(root, path.relative(root, journalOf(root)), JSON.stringify({ generated: generatedDir, tree, old } satisfies Journal));
  const hadTree = await exists(generatedDir);
  if (hadTree) await fs.rename(generatedDir, old);
  await fs.rename(tree, generatedDir);
  await fs.rm(journalOf(root), { force: true });
  await fs.rm(stagingDir, { recursive: true, force: true });
  return { written: written.sort(), removed, unchanged };
}
