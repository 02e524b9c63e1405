/**
 * The vendored package speccc adopt is tested on (test/fixtures/adopt/tsconfig-paths, MIT) and
 * the twin's replies for it (test/adopt/samples/tsconfig-paths): shared by its end-to-end test
 * (test/adopt/fixture.test.ts) and the walkthrough's transcripts (docs/adopt.md).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repo } from './workspaces.js';

export const PACKAGE = path.join(repo, 'test/fixtures/adopt/tsconfig-paths');
export const SAMPLES = path.join(repo, 'test/adopt/samples/tsconfig-paths');
/** What the drafting agent writes per spec (`<id>/specs/<id>.md`). */
export const DRAFTS = path.join(SAMPLES, 'drafts');
/** What the building agent writes per spec in the round trip and in builds. */
export const REPLIES = path.join(SAMPLES, 'replies');
/**
 * The part of the package the model and the round trip run on: two modules and the one they
 * import, each with its own test. Three drafts and two sealed builds keep the test short; the
 * skeleton is tested on the whole package.
 */
export const MODULES = ['filesystem', 'mapping-entry', 'try-path'];

/** The package as a project to adopt (its package.json, LICENSE and src/), or only the named modules and their tests. */
export function packageCopy(temps: string[], modules?: readonly string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-adopt-'));
  temps.push(root);
  for (const file of ['package.json', 'LICENSE']) cpSync(path.join(PACKAGE, file), path.join(root, file));
  if (!modules) {
    cpSync(path.join(PACKAGE, 'src'), path.join(root, 'src'), { recursive: true });
    return root;
  }
  mkdirSync(path.join(root, 'src/__tests__'), { recursive: true });
  for (const m of modules) {
    cpSync(path.join(PACKAGE, 'src', `${m}.ts`), path.join(root, 'src', `${m}.ts`));
    cpSync(path.join(PACKAGE, 'src/__tests__', `${m}.test.ts`), path.join(root, 'src/__tests__', `${m}.test.ts`));
  }
  return root;
}

/** What a person does after reading a draft against its code: deletes each drafted marker and sets the spec ready. */
export function confirm(root: string, ids: readonly string[]): void {
  for (const id of ids) {
    const file = path.join(root, 'specs', `${id}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(' <!-- drafted -->', '').replace(/^status: draft$/m, 'status: ready'));
  }
}

/**
 * The package's code was written for TypeScript 4.5 and @types/node 6; under speccc's strict
 * sandbox settings its hand-owned `filesystem.ts` does not type-check (an `fs.stat` callback typed
 * `(err: Error, …)`), which would fail the round trip of every spec beside it. The walkthrough
 * turns the type-check off, as a team adopting such code would until it is fixed.
 */
export const CONFIG = `${JSON.stringify({ paths: { generated: 'src' }, validation: { typecheck: false } }, null, 2)}\n`;
