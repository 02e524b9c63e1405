/** The command line's paths (`speccc check specs/a.md specs/b/`), as a filter on reported files; references are still checked workspace-wide. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types/index.js';
import { diagnostics as d } from '../diagnostics/messages.js';

export async function selectPaths(root: string, paths: string[], cwd: string) {
  const wanted: { rel: string; dir: boolean }[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    try {
      const st = await fsp.stat(abs);
      wanted.push({ rel: path.relative(root, abs).split(path.sep).join('/'), dir: st.isDirectory() });
    } catch {
      missing.push(p);
    }
  }
  const matches = (file: string) => wanted.some((w) => (w.dir ? w.rel === '' || file === w.rel || file.startsWith(`${w.rel}/`) : file === w.rel));
  const origin = { line: 1, column: 1, offset: 0 };
  return {
    /** Keeps findings in the selected files (and the config's), and adds one for each path that does not exist. */
    filter(diagnostics: Diagnostic[], configFile: string | null): Diagnostic[] {
      return [
        ...diagnostics.filter((x) => matches(x.file) || x.file === configFile),
        ...missing.map((m) => d.pathNotFound({ file: m, span: { start: origin, end: origin }, message: `Path \`${m}\` does not exist; expected a spec file or folder` })),
      ];
    },
  };
}
