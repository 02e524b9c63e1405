/** A monorepo's member problems (io/members.ts) -> located config diagnostics: exit 2, nothing built. */
import type { Diagnostic, MemberProblem, Span } from '../types/index.js';
import { diagnostics as d } from '../diagnostics/messages.js';
import { CONFIG_FILE } from './file-name.js';

const origin = { line: 1, column: 1, offset: 0 };

export function memberDiagnostics(problems: readonly MemberProblem[], spans: ReadonlyMap<string, Span>): Diagnostic[] {
  return problems.map((p) => {
    const span = spans.get(p.at) ?? spans.get('key:members') ?? { start: origin, end: origin };
    const make = p.kind === 'member-duplicate' ? d.memberDuplicate : d.memberMissing;
    return make({ file: CONFIG_FILE, span, message: p.message });
  });
}
