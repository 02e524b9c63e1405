/** Check output -> what helps a reader (or the fixing agent): no colour codes, no noise, bounded. */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
export const FEEDBACK_LIMIT = 6_000;

export function trimOutput(output: string, limit = FEEDBACK_LIMIT): string {
  const clean = output
    .replace(ANSI, '')
    .split('\n')
    .filter((l) => !/^\s*$/.test(l) || false)
    .filter((l) => !/^\s*(RUN|Start at|Duration|Test Files)\b/.test(l.trim()) || /fail/i.test(l))
    .join('\n');
  if (clean.length <= limit) return clean;
  const half = Math.floor(limit / 2);
  return `${clean.slice(0, half)}\n… ${clean.length - limit} characters omitted …\n${clean.slice(-half)}`;
}
