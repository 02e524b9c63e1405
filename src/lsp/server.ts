/**
 * `speccc lsp`: a language server over stdio. Diagnostics come from an incremental session
 * (src/incremental/) fed with the editor's buffers as the author types, so unsaved text is
 * checked, and only the edited spec and the specs it reaches are re-judged. Files the editor does
 * not hold come from disk, re-read when the client reports them changed.
 *
 * Changes are applied in batches: every change that arrived before the server next runs is
 * applied at once (no timer), and every request first applies what is pending, so an answer
 * always reflects the text the editor sent.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind, CodeActionKind } from 'vscode-languageserver/node';
import type { Connection, FileEvent, InitializeParams, InitializeResult, Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openIncrementalCheck, type FileChange, type IncrementalCheck } from '../incremental/index.js';
import { readWorkspaceFile } from '../io/workspace-files.js';
import { SPECCC_VERSION } from '../version.js';
import { codeActions, complete, definition, hover, toLspDiagnostic, type Doc, type Locator } from './features.js';
import { modelText, toRange } from './positions.js';

export interface LanguageServerOptions {
  /** The workspace root when given on the command line; otherwise the client's first folder, else `cwd`. */
  root?: string;
  cwd: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const CONFIG = 'speccc.config.json';

/**
 * A `file:` URI as a local path, or null: another scheme, an encoded slash (`%2F`) or a remote
 * host (`file://server/share`) names no file of this workspace. Such a URI is left alone with a
 * log line; the session goes on.
 */
export function pathOfUri(uri: string, log: (line: string) => void): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch (error) {
    log(`speccc: ignoring ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** One server's state: the handlers below take it explicitly. */
interface Server {
  readonly options: LanguageServerOptions;
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The workspace root: the command line's, else the client's first folder (set at initialize), else `cwd`. */
  root: string;
  session: IncrementalCheck | undefined;
  /** The latest (re)start of the session: an older one that finishes later is dropped. */
  opening: Promise<IncrementalCheck> | undefined;
  /** Contents to apply at the next flush, by workspace-relative path (null: deleted). */
  readonly pending: Map<string, FileChange['content']>;
  /** A flush is queued (setImmediate). */
  scheduled: boolean;
  /** Files with findings the client has been told about (so that fixing the last one clears them). */
  readonly published: Set<string>;
  /** The client's own spelling of each open document's URI, by path. */
  readonly uris: Map<string, string>;
  readonly locate: Locator;
}

export function startLanguageServer(options: LanguageServerOptions): Connection {
  const s = serverOf(options);
  s.connection.onInitialize((params) => initialize(s, params));
  followDocuments(s);
  s.connection.onDidChangeWatchedFiles(({ changes }) => applyWatchedChanges(s, changes));
  answerRequests(s);
  s.documents.listen(s.connection);
  s.connection.listen();
  return s.connection;
}

function serverOf(options: LanguageServerOptions): Server {
  const s: Server = {
    options,
    connection: createConnection(options.input, options.output),
    documents: new TextDocuments(TextDocument),
    root: options.root ?? options.cwd,
    session: undefined,
    opening: undefined,
    pending: new Map(),
    scheduled: false,
    published: new Set(),
    uris: new Map(),
    locate: {
      uri: (file) => uriOf(s, file),
      range: (file, span) => toRange(span, openText(s, file)?.startsWith('\uFEFF') ?? false),
    },
  };
  return s;
}

/** `abs` as a `/`-separated path inside `root`, or null when it is `root` itself or outside it. */
export function workspaceRelative(root: string, abs: string): string | null {
  const rel = path.relative(root, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
}

function relOf(s: Server, uri: string): string | null {
  const abs = pathOfUri(uri, (line) => s.connection.console.log(line));
  return abs === null ? null : workspaceRelative(s.root, abs);
}

function uriOf(s: Server, file: string): string {
  return s.uris.get(file) ?? pathToFileURL(path.join(s.root, ...file.split('/'))).href;
}

function openText(s: Server, file: string): string | undefined {
  const uri = s.uris.get(file);
  return uri ? s.documents.get(uri)?.getText() : undefined;
}

function publish(s: Server, file: string): void {
  if (!s.session) return;
  const list = s.session.diagnosticsOf(file);
  const uri = uriOf(s, file);
  const open = s.documents.get(uri);
  if (list.length === 0 && !s.published.has(file) && !open) return;
  if (list.length > 0) s.published.add(file);
  else s.published.delete(file);
  s.connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics: list.map((d) => toLspDiagnostic(d, s.locate)) });
}

/** Applies every pending change and tells the client about each file whose findings changed. */
function flush(s: Server): void {
  s.scheduled = false;
  if (!s.session || s.pending.size === 0) return;
  const changes = [...s.pending].map(([file, content]): FileChange => ({ file, content }));
  s.pending.clear();
  const result = s.session.update(changes);
  // An open document gets an answer for every version, even an unchanged one.
  const open = changes.filter((c) => s.uris.has(c.file)).map((c) => c.file);
  for (const file of new Set([...result.touched, ...open])) publish(s, file);
}

function schedule(s: Server, file: string, content: FileChange['content']): void {
  s.pending.set(file, content);
  if (!s.scheduled) {
    s.scheduled = true;
    setImmediate(() => flush(s));
  }
}

/** The session with every pending change applied: what each request answers from. */
async function ready(s: Server): Promise<IncrementalCheck> {
  const session = s.session ?? (await s.opening!);
  flush(s);
  return session;
}

/** Starts (or restarts, after a config or manifest change) the session; open buffers override the disk. */
async function openSession(s: Server): Promise<void> {
  const before = new Set(s.published);
  const next = openIncrementalCheck(s.root);
  s.opening = next;
  const session = await next;
  if (s.opening !== next) return; // a newer restart won
  s.session = session;
  for (const doc of s.documents.all()) {
    const file = relOf(s, doc.uri);
    if (file) s.pending.set(file, doc.getText());
  }
  flush(s);
  for (const file of new Set([...before, ...session.filesWithFindings(), ...s.uris.keys()])) publish(s, file);
}

/** Settles the root, asks to watch the files that matter when the client can, opens the session, and says what the server can do. */
function initialize(s: Server, params: InitializeParams): InitializeResult {
  const { connection } = s;
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
  const folderPath = folder ? pathOfUri(folder, (line) => connection.console.log(line)) : null;
  if (!s.options.root && folderPath) s.root = folderPath;
  const watch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  connection.onInitialized(() => {
    if (watch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG}` }, { globPattern: '**/.speccc/manifest.json' }],
      });
    }
  });
  void openSession(s).catch((error: unknown) => connection.console.error(`speccc: could not read the workspace at ${s.root}: ${error instanceof Error ? error.message : String(error)}`));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      completionProvider: { triggerCharacters: ['[', ' ', ','] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'speccc', version: SPECCC_VERSION },
  };
}

/** Open buffers are the truth for their files while open; a closed one goes back to the disk. */
function followDocuments(s: Server): void {
  s.documents.onDidOpen(({ document }) => {
    const file = relOf(s, document.uri);
    if (file) s.uris.set(file, document.uri);
  });
  s.documents.onDidChangeContent(({ document }) => {
    const file = relOf(s, document.uri);
    if (file) schedule(s, file, document.getText());
  });
  s.documents.onDidClose(({ document }) => {
    const file = relOf(s, document.uri);
    if (!file) return;
    s.uris.delete(file);
    // Closed without saving: the file on disk is the truth again.
    void readWorkspaceFile(s.root, file).then((bytes) => {
      if (!s.uris.has(file)) schedule(s, file, bytes); // unless it was opened again meanwhile
    });
  });
}

/** Files changed on disk: re-read (or dropped); a changed config (the root's or a member's) or manifest restarts the session. */
async function applyWatchedChanges(s: Server, changes: readonly FileEvent[]): Promise<void> {
  let restart = false;
  for (const change of changes) {
    const file = relOf(s, change.uri);
    if (!file || s.uris.has(file)) continue; // an open buffer is newer than the disk
    if (file === CONFIG || file.endsWith(`/${CONFIG}`) || file.endsWith('.speccc/manifest.json')) {
      restart = true;
      continue;
    }
    schedule(s, file, change.type === FileChangeType.Deleted ? null : await readWorkspaceFile(s.root, file));
  }
  if (restart) await openSession(s);
}

/** An open spec as the features see it, or null (not open, not a spec, outside the workspace). */
function docOf(s: Server, session: IncrementalCheck, uri: string): Doc | null {
  const file = relOf(s, uri);
  const document = s.documents.get(uri);
  if (!file || !document || session.kindOf(file) !== 'spec') return null;
  return { file, uri, spec: session.modelOf(file)?.spec ?? null, text: modelText(document.getText()) };
}

/** Hover, definition, completion and quick fixes, each on the session with every pending change applied. */
function answerRequests(s: Server): void {
  const { connection } = s;
  const at = (doc: Doc, position: Position) => doc.text.offsetAt(position);
  connection.onHover(async ({ textDocument, position }) => {
    const session = await ready(s);
    const doc = docOf(s, session, textDocument.uri);
    return doc ? hover(session.workspace, doc, at(doc, position)) : null;
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    const session = await ready(s);
    const doc = docOf(s, session, textDocument.uri);
    return doc ? definition(session.workspace, doc, at(doc, position), s.locate) : null;
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    const session = await ready(s);
    const doc = docOf(s, session, textDocument.uri);
    return doc ? complete(session.workspace, doc, at(doc, position)) : null;
  });
  connection.onCodeAction(async ({ textDocument, context }) => {
    const session = await ready(s);
    const doc = docOf(s, session, textDocument.uri);
    return doc ? codeActions(doc, context.diagnostics) : null;
  });
}
