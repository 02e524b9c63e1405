// A minimal client for `speccc lsp`: starts the server over stdio for the workspace and hands it
// every markdown file (the server answers for specs and reads context/ for the glossary).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('speccc').get('server.command') ?? ['npx', 'speccc', 'lsp'];
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server = {
    command,
    args,
    // TransportKind.stdio adds `--stdio`, which `speccc lsp` accepts. npx is a .cmd file on Windows.
    transport: TransportKind.stdio,
    options: { cwd, shell: process.platform === 'win32' },
  };
  client = new LanguageClient('speccc', 'speccc', server, {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
