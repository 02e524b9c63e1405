/**
 * What the author decided about findings, eslint-style: the config's `rules` map (a code off,
 * or reported as a warning or an error) and comments in a spec that suppress a finding:
 *
 *   <!-- speccc-disable-next-line vague-wording -- the SLA document defines "fast" -->
 *   <!-- speccc-disable weak-modal, loophole -- quoted from RFC 9110 -->   (to the end of the file)
 *   <!-- speccc-enable weak-modal -->                                      (or every code)
 *
 * Pure. Applies to the findings of the check rules in spec files only: never to config errors,
 * and never to a locked code (the catalogue says why builds rely on it). A suppression that
 * suppresses nothing is reported itself (unused-suppression), so a stale one cannot linger.
 */
import type { Diagnostic, Severity, Span, Spec, SpecccConfig } from '../../types/index.js';
import { CATALOGUE } from '../../diagnostics/catalogue/index.js';
import { closest } from '../../diagnostics/closest.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import type { LineIndex } from '../1-parse/line-index.js';

type Kind = 'disable-next-line' | 'disable' | 'enable';

interface Directive {
  kind: Kind;
  /** Codes as written; empty for an `enable` of every code. */
  codes: string[];
  span: Span;
  /** Offset of the comment's start (a `disable` takes effect from here). */
  offset: number;
  /** Codes this directive suppressed at least one finding of. */
  used: Set<string>;
}

const DIRECTIVE = /<!--\s*speccc-(disable-next-line|disable|enable)(?=[\s-])([\s\S]*?)-->/g;

/** Every directive in a spec: HTML comments outside code (a directive shown in a code block is an example). */
export function findDirectives(spec: Spec, lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const [start, end] of spec.codeRanges) {
    const text = spec.source.slice(start, end);
    if (!/^ {0,3}</.test(text)) continue; // code and inline code, not HTML
    for (const m of text.matchAll(DIRECTIVE)) {
      const body = m[2]!.split(/\s--\s|\s--$/)[0]!;
      const codes = body.split(/[\s,]+/).filter(Boolean);
      const offset = start + m.index;
      out.push({ kind: m[1] as Kind, codes, span: lines.span(offset, offset + m[0].length), offset, used: new Set() });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The severity the config gives a code's findings, or null when it is off. */
export function severityOf(code: string, defaultSeverity: Severity, rules: SpecccConfig['rules']): Severity | null {
  const entry = CATALOGUE.get(code);
  if (entry?.locked) return defaultSeverity;
  const set = rules[code];
  if (set === 'off') return null;
  if (set === 'warn') return 'warning';
  if (set === 'error') return 'error';
  return entry?.offByDefault ? null : defaultSeverity;
}

/**
 * The findings as the author configured them: severities from the `rules` map, suppressed ones
 * removed, and an unused-suppression for each suppression that matched nothing.
 */
export function applySuppressions(
  found: readonly Diagnostic[],
  specs: readonly Spec[],
  lines: (spec: Spec) => LineIndex,
  config: SpecccConfig,
  known: ReadonlySet<string>,
): Diagnostic[] {
  const rules = config.rules;
  const configured = found.flatMap((f) => {
    const severity = severityOf(f.code, f.severity, rules);
    return severity === null ? [] : [severity === f.severity ? f : { ...f, severity }];
  });
  const bySpec = new Map<string, { spec: Spec; directives: Directive[] }>();
  for (const spec of specs) {
    const directives = spec.source.includes('speccc-') ? findDirectives(spec, lines(spec)) : [];
    if (directives.length > 0) bySpec.set(spec.file, { spec, directives });
  }
  if (bySpec.size === 0) return configured;
  const kept = configured.filter((f) => {
    const entry = bySpec.get(f.file);
    if (!entry || CATALOGUE.get(f.code)?.locked) return true;
    const by = suppressor(entry.directives, f);
    if (!by) return true;
    by.used.add(f.code);
    return false;
  });
  const unused: Diagnostic[] = [];
  for (const { spec, directives } of bySpec.values()) {
    for (const directive of directives) {
      if (directive.kind === 'enable') continue;
      if (directive.codes.length === 0) {
        unused.push(d.unusedSuppression({ file: spec.file, span: directive.span, message: `Suppression \`speccc-${directive.kind}\` names no code; expected the codes it suppresses, e.g. \`speccc-${directive.kind} vague-wording -- why\`` }));
        continue;
      }
      for (const code of directive.codes) {
        if (directive.used.has(code)) continue;
        unused.push(d.unusedSuppression({ file: spec.file, span: directive.span, ...unusedWhy(directive, code, known) }));
      }
    }
  }
  const severity = severityOf('unused-suppression', 'warning', rules);
  if (severity === null) return kept;
  return [...kept, ...unused.map((u) => (u.severity === severity ? u : { ...u, severity }))];
}

/** The directive that suppresses a finding, if any. */
function suppressor(directives: readonly Directive[], f: Diagnostic): Directive | undefined {
  const line = f.span.start.line;
  const offset = f.span.start.offset;
  const next = directives.find((x) => x.kind === 'disable-next-line' && x.span.end.line + 1 === line && x.codes.includes(f.code));
  if (next) return next;
  // The last disable or enable of this code before the finding decides.
  let state: Directive | undefined;
  for (const x of directives) {
    if (x.offset > offset) break;
    if (x.kind === 'disable' && x.codes.includes(f.code)) state = x;
    else if (x.kind === 'enable' && (x.codes.length === 0 || x.codes.includes(f.code))) state = undefined;
  }
  return state;
}

function unusedWhy(directive: Directive, code: string, known: ReadonlySet<string>): { message: string; hint?: string } {
  const entry = CATALOGUE.get(code);
  if (entry?.locked) return { message: `Suppression of \`${code}\` has no effect: ${entry.locked}; expected only codes that can be suppressed`, hint: 'Fix the finding instead; this code cannot be suppressed.' };
  if (!known.has(code)) {
    const near = closest(code, known);
    return {
      message: `Suppression names \`${code}\`, which is not a code of a check rule; expected a code from docs/diagnostics.md`,
      ...(near ? { hint: `Did you mean \`${near}\`?` } : {}),
    };
  }
  const where = directive.kind === 'disable-next-line' ? 'on the next line' : 'after it';
  return { message: `Suppression of \`${code}\` suppresses nothing: no \`${code}\` finding ${where}; expected it to be removed` };
}
