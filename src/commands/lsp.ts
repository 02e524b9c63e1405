import { EXIT, type CliIo, type RegisterCommand } from './shared.js';

interface LspFlags {
  root?: string;
  stdio?: boolean;
}

/**
 * Serves the Language Server Protocol on stdin/stdout until the client says exit (or goes away).
 * stdout carries protocol messages only: anything else a module prints goes to stderr.
 */
export async function runLsp(io: CliIo, flags: LspFlags): Promise<number> {
  const path = await import('node:path');
  const { format } = await import('node:util');
  const { startLanguageServer } = await import('../lsp/server.js');
  const toStderr = (...args: unknown[]) => io.stderr(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  const connection = startLanguageServer({ ...(flags.root ? { root: path.resolve(io.cwd, flags.root) } : {}), cwd: io.cwd, input: process.stdin, output: process.stdout });
  await new Promise<void>((resolve) => connection.onExit(resolve));
  return EXIT.ok;
}

export const registerLsp: RegisterCommand = (program, io, done) => {
  program
    .command('lsp')
    .description('Serve the Language Server Protocol over stdio: diagnostics as you type, hover, go-to-definition, completion and quick fixes for specs.')
    .option('--root <dir>', 'workspace root (default: the editor\'s workspace folder, else the current directory)')
    .option('--stdio', 'talk over stdin/stdout (the default and only transport; accepted because clients pass it)')
    .allowUnknownOption(true) // clients may add --clientProcessId=<pid>, which the protocol library reads itself
    .action((flags: LspFlags) => done(runLsp(io, flags)));
};
