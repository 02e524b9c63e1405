/**
 * `speccc lsp`: a language server over stdio. Diagnostics come from an incremental session
 * (src/incremental.ts) fed with the editor's buffers as the author types, so unsaved text is
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
import type { Connection, InitializeParams, InitializeResult, Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openIncrementalCheck, type FileChange, type IncrementalCheck } from '../incremental.js';
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

export function startLanguageServer(options: LanguageServerOptions): Connection {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  let root = options.root ?? options.cwd;
  let session: IncrementalCheck | undefined;
  let opening: Promise<IncrementalCheck> | undefined;
  /** Contents to apply at the next flush, by workspace-relative path (null: deleted). */
  const pending = new Map<string, FileChange['content']>();
  let scheduled = false;
  /** Files with findings the client has been told about (so that fixing the last one clears them). */
  const published = new Set<string>();
  /** The client's own spelling of each open document's URI, by path. */
  const uris = new Map<string, string>();

  const relOf = (uri: string): string | null => {
    const abs = pathOfUri(uri, (line) => connection.console.log(line));
    if (abs === null) return null;
    const rel = path.relative(root, abs);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
  };
  const uriOf = (file: string) => uris.get(file) ?? pathToFileURL(path.join(root, ...file.split('/'))).href;
  const openText = (file: string) => {
    const uri = uris.get(file);
    return uri ? documents.get(uri)?.getText() : undefined;
  };
  const locate: Locator = {
    uri: uriOf,
    range: (file, span) => toRange(span, openText(file)?.startsWith('\uFEFF') ?? false),
  };

  function publish(file: string): void {
    if (!session) return;
    const list = session.diagnosticsOf(file);
    const uri = uriOf(file);
    const open = documents.get(uri);
    if (list.length === 0 && !published.has(file) && !open) return;
    if (list.length > 0) published.add(file);
    else published.delete(file);
    connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics: list.map((d) => toLspDiagnostic(d, locate)) });
  }

  /** Applies every pending change and tells the client about each file whose findings changed. */
  function flush(): void {
    scheduled = false;
    if (!session || pending.size === 0) return;
    const changes = [...pending].map(([file, content]): FileChange => ({ file, content }));
    pending.clear();
    const result = session.update(changes);
    // An open document gets an answer for every version, even an unchanged one.
    const open = changes.filter((c) => uris.has(c.file)).map((c) => c.file);
    for (const file of new Set([...result.touched, ...open])) publish(file);
  }

  function schedule(file: string, content: FileChange['content']): void {
    pending.set(file, content);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  async function ready(): Promise<IncrementalCheck> {
    const s = session ?? (await opening!);
    flush();
    return s;
  }

  /** Starts (or restarts, after a config or manifest change) the session; open buffers override the disk. */
  async function open(): Promise<void> {
    const before = new Set(published);
    const next = openIncrementalCheck(root);
    opening = next;
    const s = await next;
    if (opening !== next) return; // a newer restart won
    session = s;
    for (const doc of documents.all()) {
      const file = relOf(doc.uri);
      if (file) pending.set(file, doc.getText());
    }
    flush();
    for (const file of new Set([...before, ...s.filesWithFindings(), ...uris.keys()])) publish(file);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
    const folderPath = folder ? pathOfUri(folder, (line) => connection.console.log(line)) : null;
    if (!options.root && folderPath) root = folderPath;
    const watch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    connection.onInitialized(() => {
      if (watch) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG}` }, { globPattern: '**/.speccc/manifest.json' }],
        });
      }
    });
    void open().catch((error: unknown) => connection.console.error(`speccc: could not read the workspace at ${root}: ${error instanceof Error ? error.message : String(error)}`));
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
  });

  documents.onDidOpen(({ document }) => {
    const file = relOf(document.uri);
    if (file) uris.set(file, document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    const file = relOf(document.uri);
    if (file) schedule(file, document.getText());
  });
  documents.onDidClose(({ document }) => {
    const file = relOf(document.uri);
    if (!file) return;
    uris.delete(file);
    // Closed without saving: the file on disk is the truth again.
    void readWorkspaceFile(root, file).then((bytes) => {
      if (!uris.has(file)) schedule(file, bytes); // unless it was opened again meanwhile
    });
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let restart = false;
    for (const change of changes) {
      const file = relOf(change.uri);
      if (!file || uris.has(file)) continue; // an open buffer is newer than the disk
      if (file === CONFIG || file.endsWith('.speccc/manifest.json')) {
        restart = true;
        continue;
      }
      schedule(file, change.type === FileChangeType.Deleted ? null : await readWorkspaceFile(root, file));
    }
    if (restart) await open();
  });

  const docOf = (s: IncrementalCheck, uri: string): Doc | null => {
    const file = relOf(uri);
    const document = documents.get(uri);
    if (!file || !document || s.kindOf(file) !== 'spec') return null;
    return { file, uri, spec: s.modelOf(file)?.spec ?? null, text: modelText(document.getText()) };
  };
  const at = (doc: Doc, position: Position) => doc.text.offsetAt(position);

  connection.onHover(async ({ textDocument, position }) => {
    const s = await ready();
    const doc = docOf(s, textDocument.uri);
    return doc ? hover(s.workspace, doc, at(doc, position)) : null;
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    const s = await ready();
    const doc = docOf(s, textDocument.uri);
    return doc ? definition(s.workspace, doc, at(doc, position), locate) : null;
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    const s = await ready();
    const doc = docOf(s, textDocument.uri);
    return doc ? complete(s.workspace, doc, at(doc, position)) : null;
  });
  connection.onCodeAction(async ({ textDocument, context }) => {
    const s = await ready();
    const doc = docOf(s, textDocument.uri);
    return doc ? codeActions(doc, context.diagnostics) : null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
