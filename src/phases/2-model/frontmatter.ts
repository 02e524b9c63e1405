/**
 * Raw YAML frontmatter -> validated Frontmatter with the spans of its fields, or located
 * diagnostics. Every zod issue points at the field's value (or key) in the file.
 */
import type { Node as YamlNode } from 'yaml';
import { yaml } from '../../yaml.js';
import type { z } from 'zod';
import type { Diagnostic, Frontmatter, FrontmatterSpans, Span } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import type { LineIndex } from '../1-parse/line-index.js';
import type { RawFrontmatter } from '../1-parse/index.js';
import { FRONTMATTER_FIELDS, FrontmatterSchema, KEBAB_CASE, PRIORITY_WORDS, SPEC_KINDS, SPEC_STATUSES } from '../../schemas/frontmatter.js';
import { closest } from '../../diagnostics/closest.js';
import { readSimpleYaml, readYamlDocument, type YamlMapping } from './simple-yaml.js';

/** A "billion laughs" document expands aliases exponentially; real frontmatter needs none. */
const MAX_ALIASES = 20;

export interface FrontmatterResult {
  frontmatter: Frontmatter | null;
  spans: FrontmatterSpans;
  diagnostics: Diagnostic[];
}

export function modelFrontmatter(file: string, raw: RawFrontmatter, lines: LineIndex): FrontmatterResult {
  const at = (start: number, end: number): Span => lines.span(raw.yamlOffset + start, raw.yamlOffset + end);
  const spans: FrontmatterSpans = { block: raw.span, fields: {}, depends_on: [], outputs: [], uses_twins: [] };
  const diagnostics: Diagnostic[] = [];
  const fail = (): FrontmatterResult => ({ frontmatter: null, spans, diagnostics });

  const mapping = readSimpleYaml(raw.yaml) ?? readWithLibrary(file, raw, at, diagnostics);
  if (!mapping) return fail();
  const keySpans = new Map<string, Span>();
  for (const { key, keyRange, valueRange, itemRanges } of mapping.entries) {
    keySpans.set(key, at(keyRange[0], keyRange[1]));
    spans.fields[key] = at(valueRange[0], valueRange[1]);
    if ((key === 'depends_on' || key === 'outputs' || key === 'uses_twins') && itemRanges) spans[key] = itemRanges.map(([s, e]) => at(s, e));
  }
  const data = mapping.data;

  const parsed = FrontmatterSchema.safeParse(data);
  if (parsed.success) return { frontmatter: parsed.data, spans, diagnostics };
  for (const issue of parsed.error.issues) diagnostics.push(issueToDiagnostic(file, issue, data, spans, keySpans));
  return fail();
}

/** The `yaml` library's reading, for frontmatter outside the simple subset; null after a diagnostic. */
function readWithLibrary(file: string, raw: RawFrontmatter, at: (start: number, end: number) => Span, diagnostics: Diagnostic[]): YamlMapping | null {
  const { isMap, isScalar, parseDocument } = yaml();
  const doc = parseDocument(raw.yaml, { uniqueKeys: true, prettyErrors: false, strict: true });
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    const firstLine = error.message.split('\n')[0] ?? error.message;
    diagnostics.push(
      d.yamlInvalid({ file, span: at(start, Math.max(end, start + 1)), message: `Frontmatter is not valid YAML: ${firstLine}` }),
    );
  }
  if (diagnostics.length > 0) return null;

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    diagnostics.push(
      d.frontmatterMissingField({ file, span: raw.span, message: 'Frontmatter is empty; expected at least id, kind and status' }),
    );
    return null;
  }
  if (!isMap(contents)) {
    const range = (contents as YamlNode).range ?? [0, 0];
    diagnostics.push(
      d.frontmatterNotMapping({ file, span: at(range[0], range[1]), message: 'Frontmatter is not a mapping; expected `key: value` lines' }),
    );
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    diagnostics.push(
      d.yamlInvalid({
        file,
        span: raw.span,
        message: `Frontmatter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Remove YAML aliases (*name); frontmatter never needs them.',
      }),
    );
    return null;
  }
  return readYamlDocument(doc, data as Record<string, unknown>);
}

function issueToDiagnostic(
  file: string,
  issue: z.core.$ZodIssue,
  data: unknown,
  spans: FrontmatterSpans,
  keySpans: Map<string, Span>,
): Diagnostic {
  const [field, index] = issue.path as [string | undefined, number | undefined];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const suggestion = closest(key, FRONTMATTER_FIELDS);
    return d.frontmatterUnknownField({
      file,
      span: keySpans.get(key) ?? spans.block,
      message: `Unknown frontmatter field \`${key}\`; expected one of ${FRONTMATTER_FIELDS.join(', ')}`,
      ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?` } : {}),
    });
  }
  const value = field !== undefined ? (data as Record<string, unknown>)[field] : undefined;
  if (field !== undefined && value === undefined && issue.path.length === 1) {
    return d.frontmatterMissingField({
      file,
      span: { start: spans.block.start, end: spans.block.start },
      message: `Frontmatter has no \`${field}\`; expected ${describeExpected(field)}`,
    });
  }
  const span =
    field === undefined
      ? spans.block
      : typeof index === 'number' && (field === 'depends_on' || field === 'outputs' || field === 'uses_twins')
        ? (spans[field][index] ?? spans.fields[field] ?? spans.block)
        : (spans.fields[field] ?? spans.block);
  const shown = typeof index === 'number' && Array.isArray(value) ? value[index] : value;
  const where = typeof index === 'number' ? `\`${field}\` item ${index + 1}` : `\`${field}\``;
  return d.frontmatterInvalidValue({
    file,
    span,
    message: `Field ${where} is ${show(shown)}; expected ${describeExpected(field ?? '', issue)}`,
  });
}

function describeExpected(field: string, issue?: z.core.$ZodIssue): string {
  switch (field) {
    case 'id':
      return 'a kebab-case id such as `invoice-totals`';
    case 'kind':
      return `one of ${SPEC_KINDS.join(', ')}`;
    case 'status':
      return `one of ${SPEC_STATUSES.join(', ')}`;
    case 'priority':
      return `one of ${PRIORITY_WORDS.join(', ')}, or a whole number (0 is the most urgent)`;
    case 'depends_on':
      return 'a list of spec ids';
    case 'outputs':
      return 'a list of paths relative to the generated root';
    case 'uses_twins':
      return 'a list of twin spec ids';
    case 'model':
      return 'a model name such as `claude-sonnet-4-5`';
    case 'budget_usd':
      return 'a positive number of US dollars';
    case 'version':
      return 'a string or number';
    case 'owner':
      return '`hand` (files an adopted project keeps writing by hand) or `speccc`';
    default: {
      // An enum's issue lists its values; zod's own sentence ("Invalid option: ...") is not ours to print.
      const values = (issue as { values?: unknown[] } | undefined)?.values;
      if (Array.isArray(values) && values.length > 0) return `one of ${values.map(String).join(', ')}`;
      return issue?.message ?? 'a valid value';
    }
  }
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return KEBAB_CASE.test(value) ? `\`${s}\`` : `\`${s}\` (a string)`;
  }
  return `\`${String(value)}\` (a ${typeof value})`;
}
