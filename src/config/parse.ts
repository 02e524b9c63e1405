/**
 * speccc.config.json -> SpecccConfig, or located diagnostics. The file is JSON; it is read with
 * the YAML parser (JSON is a subset of YAML 1.2) only to get the position of every key.
 */
import path from 'node:path';
import type { Node as YamlNode, Pair } from 'yaml';
import { yaml } from '../yaml.js';
import type { Diagnostic, Span, SpecccConfig } from '../types/index.js';
import { diagnostics as d } from '../diagnostics/messages.js';
import { createLineIndex } from '../phases/1-parse/line-index.js';
import { ConfigSchema } from '../schemas/config.js';
import { CONFIG_FILE } from './file-name.js';
import { CATALOGUE } from '../diagnostics/catalogue/index.js';
import { RULE_CODES } from '../phases/3-check/rules/index.js';
import { closest } from '../diagnostics/closest.js';

export interface LoadedConfig {
  config: SpecccConfig;
  /** Null when there is no config file (defaults apply). */
  file: string | null;
  diagnostics: Diagnostic[];
  /** Where each key (`key:<path>`) and value (`value:<path>`) sits in the file. */
  spans: ReadonlyMap<string, Span>;
}

export function defaultConfig(): SpecccConfig {
  const { $schema: _ignored, ...config } = ConfigSchema.parse({});
  return config;
}

export function parseConfig(text: string): LoadedConfig {
  const file = CONFIG_FILE;
  const lines = createLineIndex(text);
  let spans: Map<string, Span> = new Map();
  const fail = (diagnostics: Diagnostic[]): LoadedConfig => ({ config: defaultConfig(), file, diagnostics, spans });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    return fail([d.configInvalidJson({ file, span: lines.span(offset, offset + 1), message: `Config is not valid JSON: ${message}` })]);
  }
  spans = keySpans(text, lines);
  const parsed = ConfigSchema.safeParse(data);
  if (parsed.success) {
    const { $schema: _ignored, ...config } = parsed.data;
    const overlaps = pathProblems(config.paths).map((message) =>
      d.configPathsOverlap({ file, span: spans.get('value:paths.generated') ?? spans.get('key:paths') ?? lines.span(0, 0), message }),
    );
    const problems = [...overlaps, ...ruleProblems(config.rules, spans, lines)];
    return problems.length > 0 ? fail(problems) : { config, file, diagnostics: [], spans };
  }
  const diagnostics = parsed.error.issues.flatMap((issue): Diagnostic[] => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(base);
      return issue.keys.map((key) => {
        const p = [...base, key].join('.');
        const guess = closest(key, known);
        return d.configUnknownKey({
          file,
          span: spans.get(`key:${p}`) ?? lines.span(0, 0),
          message: guess
            ? `Unknown config key \`${p}\`; did you mean \`${[...base, guess].join('.')}\`?`
            : `Unknown config key \`${p}\`; expected one of ${known.map((k) => `\`${k}\``).join(', ')}`,
        });
      });
    }
    const p = base.join('.');
    return [
      d.configInvalidValue({
        file,
        span: spans.get(`value:${p}`) ?? spans.get(`key:${p}`) ?? lines.span(0, 0),
        message: `Config value \`${p || '(root)'}\` is invalid: ${issueText(issue)}`,
      }),
    ];
  });
  // Unknown rule names are reported with the other problems, not only once the rest is valid.
  const rules = (data as { rules?: unknown } | null)?.rules;
  const named = rules && typeof rules === 'object' && !Array.isArray(rules) ? Object.fromEntries(Object.entries(rules).filter(([, v]) => typeof v === 'string')) : {};
  return fail([...diagnostics, ...ruleProblems(named as SpecccConfig['rules'], spans, lines)]);
}

/** The `rules` map may name only codes of check rules, and may not turn off or down a code builds rely on. */
function ruleProblems(rules: Readonly<Record<string, string>>, spans: ReadonlyMap<string, Span>, lines: ReturnType<typeof createLineIndex>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [code, level] of Object.entries(rules)) {
    if (!RULE_CODES.has(code)) {
      const guess = closest(code, [...RULE_CODES]);
      out.push(
        d.configUnknownKey({
          file: CONFIG_FILE,
          span: spans.get(`key:rules.${code}`) ?? spans.get('key:rules') ?? lines.span(0, 0),
          message: guess
            ? `Unknown rule \`${code}\` in \`rules\`; did you mean \`${guess}\`?`
            : `Unknown rule \`${code}\` in \`rules\`; expected the code of a check rule (docs/diagnostics.md)`,
        }),
      );
      continue;
    }
    const locked = CATALOGUE.get(code)?.locked;
    if (locked && (level === 'off' || level === 'warn')) {
      out.push(
        d.configInvalidValue({
          file: CONFIG_FILE,
          span: spans.get(`value:rules.${code}`) ?? lines.span(0, 0),
          message: `Rule \`${code}\` cannot be set to \`${level}\`: ${locked}; expected it left out of \`rules\``,
          hint: `Remove \`${code}\` from \`rules\`: it is always an error.`,
        }),
      );
    }
  }
  return out;
}

/** The keys the schema allows at a path of nested objects. */
function knownKeys(at: string[]): string[] {
  let schema: unknown = ConfigSchema;
  for (const key of at) {
    const shape = objectShape(schema);
    schema = shape?.[key];
  }
  return Object.keys(objectShape(schema) ?? {}).filter((k) => k !== '$schema');
}

/** The object shape inside zod's default/prefault/optional wrappers, if any. */
function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let s = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown } } | undefined;
  for (let i = 0; i < 4 && s && !s.shape; i++) s = s.def?.innerType as typeof s;
  return s?.shape;
}

const norm = (p: string) => path.posix.normalize(p.split(path.sep).join('/')).replace(/\/+$/, '');

/**
 * Every build replaces the generated folder whole: it must be a folder of its own inside the
 * workspace, never the root, another configured folder, or a folder holding or held by one.
 */
export function pathProblems(paths: SpecccConfig['paths']): string[] {
  const generated = norm(paths.generated);
  if (path.posix.isAbsolute(generated) || /^[a-zA-Z]:/.test(paths.generated)) return [`paths.generated is absolute (\`${paths.generated}\`); expected a folder inside the workspace`];
  if (generated === '.' || generated === '') return ['paths.generated is the workspace root; expected a folder of its own inside the workspace'];
  if (generated === '..' || generated.startsWith('../')) return [`paths.generated (\`${paths.generated}\`) lies outside the workspace; expected a folder inside it`];
  if (generated === '.speccc' || generated.startsWith('.speccc/') || generated === '.git' || generated.startsWith('.git/') || generated === 'node_modules') return [`paths.generated (\`${paths.generated}\`) is a folder speccc or git owns; expected a folder of its own`];
  const problems: string[] = [];
  for (const key of ['specs', 'context', 'templates', 'scenarios'] as const) {
    const other = norm(paths[key]);
    const inside = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b === '.';
    if (inside(generated, other) || inside(other, generated)) {
      problems.push(`paths.generated (\`${paths.generated}\`) ${generated === other ? 'is' : inside(generated, other) ? 'lies inside' : 'contains'} paths.${key} (\`${paths[key]}\`); a build would replace it`);
    }
  }
  return problems;
}

function keySpans(text: string, lines: ReturnType<typeof createLineIndex>): Map<string, Span> {
  const out = new Map<string, Span>();
  const { isMap, isScalar, parseDocument } = yaml();
  const doc = parseDocument(text);
  const visit = (node: unknown, prefix: string[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const p = [...prefix, key];
      const kr = pair.key?.range;
      if (kr) out.set(`key:${p.join('.')}`, lines.span(kr[0], kr[1]));
      const vr = pair.value?.range;
      if (vr) out.set(`value:${p.join('.')}`, lines.span(vr[0], vr[1]));
      visit(pair.value, p);
    }
  };
  visit(doc.contents, []);
  return out;
}

/** zod's sentence for an issue, except an enum's, which is said the way speccc's other messages say it. */
function issueText(issue: { message: string; values?: unknown }): string {
  const values = issue.values;
  return Array.isArray(values) && values.length > 0 ? `expected one of ${values.map(String).join(', ')}` : issue.message;
}
