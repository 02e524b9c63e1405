/**
 * A workspace with every kind of spec the check samples hold (broken frontmatter, binary, latin-1,
 * empty, too large, too deep, cycles, references, wording …) copied side by side, plus `generated`
 * bench specs: enough files, and enough odd ones, to compare one way of modelling with another.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { specText } from '../../bench/generate-workspace.js';
import { isReadme } from '../../src/io/workspace-files.js';

const samples = path.resolve(import.meta.dirname, '../commands/check/samples');

export function mixedWorkspace(temps: string[], generated: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-mixed-'));
  temps.push(root);
  for (const sample of readdirSync(samples)) {
    const specs = path.join(samples, sample, 'specs');
    if (existsSync(specs)) cpSync(specs, path.join(root, 'specs', sample), { recursive: true });
  }
  cpSync(path.join(samples, 'glossary/context'), path.join(root, 'context'), { recursive: true });
  mkdirSync(path.join(root, 'specs/bench'), { recursive: true });
  for (let i = 0; i < generated; i++) {
    const deps = i >= 10 ? [`feature-${String(i - 10).padStart(4, '0')}`] : [];
    writeFileSync(path.join(root, 'specs/bench', `feature-${i}.md`), specText(i, deps));
  }
  return root;
}

/** Every spec file of a workspace made by mixedWorkspace, workspace-relative, sorted. */
export function specFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md') && !isReadme(child)) out.push(child); // as speccc lists them
    }
  };
  walk('specs');
  return out.sort();
}
