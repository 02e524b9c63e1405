/**
 * speccc's findings -> messages on the file, the remark-lint way: the reason, the place, and
 * `speccc:<code>` as origin (so `source` is `speccc` and `ruleId` the code); `fatal` for an
 * error (vfile-reporter counts it as one; remark-cli exits non-zero); `url` to the code's entry
 * in docs/diagnostics.md; the hint, and any related place, as `note`; a known replacement as
 * `expected`, with the text it replaces as `actual`.
 */
import type { VFile } from 'vfile';
import type { Diagnostic, Span } from '../types/index.js';

/** Where each code is documented (the SARIF reporter links the same anchors). */
const DOCS = 'https://github.com/speccc/speccc/blob/main/docs/diagnostics.md';

const at = (span: Span) => `${span.start.line}:${span.start.column}`;

export function reportOnFile(file: VFile, findings: readonly Diagnostic[], source: string | null): void {
  for (const finding of findings) {
    const message = file.message(finding.message, { start: { ...finding.span.start }, end: { ...finding.span.end } }, `speccc:${finding.code}`);
    message.fatal = finding.severity === 'error';
    message.url = `${DOCS}#${finding.code}`;
    const related = (finding.related ?? []).map((r) => `${r.message} at ${r.file === finding.file ? '' : `${r.file}:`}${at(r.span)}`);
    const note = [finding.hint, ...related].filter(Boolean).join('\n');
    if (note) message.note = note;
    if (finding.replacement !== undefined) {
      message.expected = [finding.replacement];
      if (source !== null) message.actual = source.slice(finding.span.start.offset, finding.span.end.offset);
    }
  }
}
