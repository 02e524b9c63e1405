// speccc's type-check server: runs inside the same sandbox as every other check of generated
// code (src/io/typecheck-server.ts starts it), for the length of one build.
//
// Reads one JSON request per line on stdin: { id, files: [[relativePath, content], ...], config }.
// Writes each tree into a fresh folder of the sandbox's own /tmp, type-checks it as
// `tsc -p <config> --pretty false` would, removes the folder, and answers one JSON line on
// stdout: { id, exitCode, output } (output formatted as tsc prints it).
//
// What it keeps between requests: the parsed declaration files that lie outside every request's
// folder (TypeScript's own lib files, @types/node, vitest's types): read-only toolchain files,
// the same for every tree. Parsing them is most of a cold tsc run; nothing of a tree is kept.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const [typescriptBin] = process.argv.slice(2);
const ts = createRequire(typescriptBin)('typescript');
const WORK = path.join(process.env.TMPDIR || '/tmp', 'speccc-typecheck');
const libraryFiles = new Map();
let next = 0;

function check(request) {
  const dir = path.join(WORK, String(next++));
  rmSync(dir, { recursive: true, force: true });
  try {
    for (const [rel, content] of request.files) {
      const target = path.resolve(dir, rel);
      if (!target.startsWith(dir + path.sep)) continue; // a path escaping the tree is never written
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const configErrors = [];
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, request.config), { pretty: false }, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
    });
    const diagnostics = [...configErrors];
    if (parsed) {
      diagnostics.push(...parsed.errors);
      const host = ts.createCompilerHost(parsed.options);
      const read = host.getSourceFile.bind(host);
      host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        if (fileName.startsWith(dir + path.sep)) return read(fileName, languageVersion, onError, shouldCreate);
        const key = `${fileName}\u0000${JSON.stringify(languageVersion)}`;
        let file = libraryFiles.get(key);
        if (!file) {
          file = read(fileName, languageVersion, onError, shouldCreate);
          if (file) libraryFiles.set(key, file);
        }
        return file;
      };
      const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences });
      diagnostics.push(...ts.getPreEmitDiagnostics(program));
    }
    const output = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' });
    const failed = diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error);
    return { id: request.id, exitCode: failed ? 2 : 0, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    process.stdout.write(JSON.stringify({ id: null, exitCode: null, output: 'speccc type-check server: a request that is not JSON' }) + '\n');
    return;
  }
  let answer;
  try {
    answer = check(request);
  } catch (error) {
    answer = { id: request.id, exitCode: null, output: `speccc type-check server: ${error instanceof Error ? error.stack || error.message : String(error)}` };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
lines.on('close', () => process.exit(0));
