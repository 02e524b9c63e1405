/**
 * A real LSP client for tests and the benchmark: spawns `node dist/cli.js lsp` and talks to it
 * over stdio with vscode-languageserver-protocol. Waits are on notifications, never on timers
 * (a timeout only turns a hang into a readable failure).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const repo = path.resolve(import.meta.dirname, '../..');

export interface TestClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  uri(file: string): string;
  /** Every publishDiagnostics received so far, in order. */
  received: PublishDiagnosticsParams[];
  /** The first publishDiagnostics (from now on, or among those already received when `seen` is given) that matches. */
  diagnostics(match: (p: PublishDiagnosticsParams) => boolean, label: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(file: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Sends one didChange and resolves with the diagnostics published for that version. */
  change(file: string, edits: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  /** Sends one didChange without waiting. Returns the new version. */
  send(file: string, edits: TextDocumentContentChangeEvent[]): number;
  text(file: string): string;
  stop(): Promise<number | null>;
  stderr(): string;
}

export async function startClient(root: string, options: { args?: string[]; capabilities?: object; /** The speccc entry point (default: this repository's dist/cli.js). */ bin?: string } = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [options.bin ?? path.join(repo, 'dist/cli.js'), 'lsp', '--stdio', ...(options.args ?? [])], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const received: PublishDiagnosticsParams[] = [];
  const waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    received.push(params);
    for (const w of [...waiters]) {
      if (w.match(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const docs = new Map<string, TextDocument>();

  const diagnostics = (match: (p: PublishDiagnosticsParams) => boolean, label: string, timeoutMs = 60_000) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no publishDiagnostics for ${label} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } }, ...(options.capabilities ?? {}) },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const send = (file: string, edits: TextDocumentContentChangeEvent[]) => {
    const doc = docs.get(file)!;
    const next = TextDocument.update(doc, edits, doc.version + 1);
    docs.set(file, next);
    void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(file), version: next.version }, contentChanges: edits });
    return next.version;
  };

  return {
    connection,
    child,
    uri,
    received,
    diagnostics,
    open(file, text) {
      const doc = TextDocument.create(uri(file), 'markdown', 1, text);
      docs.set(file, doc);
      const published = diagnostics((p) => p.uri === uri(file) && p.version === 1, `${file} opened`);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId: 'markdown', version: 1, text } });
      return published;
    },
    change(file, edits) {
      const version = docs.get(file)!.version + 1;
      const published = diagnostics((p) => p.uri === uri(file) && p.version === version, `${file} version ${version}`);
      send(file, edits);
      return published;
    },
    send,
    text: (file) => docs.get(file)!.getText(),
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
    stderr: () => stderr,
  };
}
