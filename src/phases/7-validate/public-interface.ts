/**
 * Generated TypeScript -> its public interface: exported types and interfaces in full, exported
 * functions, classes and constants as signatures only. This is all a scenario-writing agent may
 * see of the implementation: enough to call it, nothing of how it works.
 */
export function publicInterface(source: string): string {
  const lines = source.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^export\s/.test(line)) continue;
    if (/^export\s+(declare\s+)?(interface|type|enum)\b/.test(line)) {
      // Types are interface, not implementation: keep the whole declaration.
      let depth = 0;
      for (let j = i; j < lines.length; j++) {
        out.push(lines[j]!);
        depth += (lines[j]!.match(/[{(]/g) ?? []).length - (lines[j]!.match(/[})]/g) ?? []).length;
        if (depth <= 0 && /[;}]\s*$/.test(lines[j]!)) {
          i = j;
          break;
        }
      }
      continue;
    }
    if (/^export\s+\{/.test(line) || /^export\s+\*/.test(line)) {
      out.push(line);
      continue;
    }
    // A function, class or constant: its first line up to the body.
    let signature = line;
    for (let j = i + 1; j < lines.length && !/[{=;]/.test(signature); j++) signature += ` ${lines[j]!.trim()}`;
    const cut = signature.search(/\{\s*$|\s=\s|\s=>\s*\{?\s*$/);
    out.push(`${(cut > 0 ? signature.slice(0, cut) : signature).trimEnd()};`);
  }
  return out.join('\n');
}
