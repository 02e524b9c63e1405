import type { Diagnostic, RelatedLocation, Span } from '../types/index.js';
import { CATALOGUE } from './catalogue/index.js';

export interface DiagnosticInput {
  file: string;
  span: Span;
  /** What was found and what was expected, on one line. */
  message: string;
  /** Overrides the catalogue's default hint when the finding knows better. */
  hint?: string;
  related?: RelatedLocation[];
  /** Text that can replace the span to resolve the finding (offered by editors as a quick fix). */
  replacement?: string;
}

/** Builds a diagnostic whose severity and default hint come from the catalogue. Unknown codes are bugs. */
/** Use the generated factories in messages.ts; this is their one implementation. */
export function makeDiagnostic(code: string, input: DiagnosticInput): Diagnostic {
  const entry = CATALOGUE.get(code);
  if (!entry) throw new Error(`bug: diagnostic code ${code} is not in the catalogue`);
  const diagnostic: Diagnostic = {
    code,
    severity: entry.severity,
    file: input.file,
    span: input.span,
    message: input.message,
    hint: input.hint ?? entry.hint,
  };
  if (input.related && input.related.length > 0) diagnostic.related = input.related;
  if (input.replacement !== undefined) diagnostic.replacement = input.replacement;
  return diagnostic;
}
