/**
 * The edges of `speccc triage`: reading requests (files, folders, stdin), the triage templates
 * and the records of earlier decisions; writing a decision's record and then its draft. Never
 * through a link out of the workspace (safe-write). Parsing is src/triage/requests.ts.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { requestFromMarkdown, requestFromText, requestsFromIssues, type Parsed } from '../triage/requests.js';
import { DECISIONS_DIR, decisionRecord, recordFile } from '../triage/record.js';
import type { TriageTemplates } from '../triage/prompt.js';
import type { Decision } from '../triage/types.js';
import { writeInside } from './safe-write.js';
import { assetPath } from './package-files.js';

/** speccc's triage templates ship in assets/triage/, apart from the build's templates (which are part of every job key). */
const TRIAGE_TEMPLATES_DIR = assetPath('triage');

export async function readTriageTemplates(): Promise<TriageTemplates> {
  const [system, request] = await Promise.all(['system', 'request'].map((n) => fs.readFile(path.join(TRIAGE_TEMPLATES_DIR, `${n}.hbs`), 'utf8')));
  return { system: system!, request: request! };
}

const REQUEST_FILE = /\.(?:json|md|markdown)$/i;

/** One file, by its extension: `.json` holds GitHub issues, `.md` one request. `shown` is how the user named it. */
function parseFile(shown: string, text: string): Parsed {
  return /\.json$/i.test(shown) ? requestsFromIssues(shown, text) : requestFromMarkdown(shown, text);
}

/**
 * Every request in `inputs` (files and folders, relative to `cwd`; a folder's .json and .md files,
 * README.md excepted, in name order), or on stdin for none or `-`. Unreadable, unknown or
 * malformed inputs are located problems.
 */
export async function readRequests(cwd: string, inputs: readonly string[], stdin: (() => Promise<string>) | null): Promise<Parsed> {
  const out: Parsed = { requests: [], problems: [] };
  const add = (p: Parsed) => {
    out.requests.push(...p.requests);
    out.problems.push(...p.problems);
  };
  const problem = (file: string, message: string) => out.problems.push({ file, line: 1, column: 1, message });
  for (const input of inputs.length === 0 ? ['-'] : inputs) {
    if (input === '-') {
      if (!stdin) problem('stdin', 'no requests given: name files or folders, or pipe request text in');
      else add(requestFromText(await stdin()));
      continue;
    }
    const full = path.resolve(cwd, input);
    const st = await fs.stat(full).catch(() => null);
    if (!st) {
      problem(input, 'no such file or folder');
      continue;
    }
    const files = st.isDirectory()
      ? (await fs.readdir(full)).filter((n) => REQUEST_FILE.test(n) && n.toLowerCase() !== 'readme.md').sort().map((n) => path.join(input, n))
      : [input];
    if (st.isDirectory() && files.length === 0) problem(input, 'the folder holds no requests (.json files of GitHub issues, or .md files)');
    if (!st.isDirectory() && !REQUEST_FILE.test(input)) {
      problem(input, 'not a request file: expected .json (GitHub issues as `gh issue list --json` prints them) or .md');
      continue;
    }
    for (const file of files) {
      const text = await fs.readFile(path.resolve(cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
        problem(file, `cannot be read: ${error.code ?? error.message}`);
        return null;
      });
      if (text !== null) add(parseFile(file, text));
    }
  }
  return out;
}

/** Request id -> its record (workspace-relative), for every request decided before. */
export async function readDecided(root: string): Promise<Map<string, string>> {
  const names = await fs.readdir(path.join(root, DECISIONS_DIR)).catch(() => [] as string[]);
  return new Map(names.filter((n) => n.endsWith('.md')).map((n) => [n.slice(0, -3), `${DECISIONS_DIR}/${n}`]));
}

export const existsInside = (root: string) => (rel: string) => existsSync(path.join(root, rel));

/**
 * The decision's record first, then its draft: nothing of a request is written before its
 * decision is. Both pass through `redact` (a request may quote a secret).
 */
export async function writeDecision(root: string, decision: Decision, decidedAt: string, redact: (text: string) => string): Promise<string> {
  const file = recordFile(decision.request.id);
  await writeInside(root, file, redact(decisionRecord(decision, decidedAt)));
  if (decision.draft) await writeInside(root, decision.draft.file, redact(decision.draft.markdown));
  return file;
}
