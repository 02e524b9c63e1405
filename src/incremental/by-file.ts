/** Findings -> the same findings grouped by the file they are on (in their order). */
import type { Diagnostic } from '../types/index.js';

export function groupByFile(list: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const at = out.get(d.file);
    if (at) at.push(d);
    else out.set(d.file, [d]);
  }
  return out;
}
