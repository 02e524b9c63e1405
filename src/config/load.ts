/**
 * speccc.config.json -> SpecccConfig, or located diagnostics. The file is JSON; it is read with
 * the YAML parser (JSON is a subset of YAML 1.2) only to get the position of every key.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Diagnostic, Span, SpecccConfig } from '../types/index.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { createLineIndex } from '../phases/1-parse/line-index.js';
import { CONFIG_FILE, ConfigSchema } from '../schemas/config.js';

export interface LoadedConfig {
  config: SpecccConfig;
  /** Null when there is no config file (defaults apply). */
  file: string | null;
  diagnostics: Diagnostic[];
}

export function defaultConfig(): SpecccConfig {
  const { $schema: _ignored, ...config } = ConfigSchema.parse({});
  return config;
}

export async function loadConfig(root: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, CONFIG_FILE), 'utf8');
  } catch {
    return { config: defaultConfig(), file: null, diagnostics: [] };
  }
  return parseConfig(text);
}

export function parseConfig(text: string): LoadedConfig {
  const file = CONFIG_FILE;
  const lines = createLineIndex(text);
  const fail = (diagnostics: Diagnostic[]): LoadedConfig => ({ config: defaultConfig(), file, diagnostics });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    return fail([makeDiagnostic('config-invalid-json', { file, span: lines.span(offset, offset + 1), message: `Config is not valid JSON: ${message}` })]);
  }
  const spans = keySpans(text, lines);
  const parsed = ConfigSchema.safeParse(data);
  if (parsed.success) {
    const { $schema: _ignored, ...config } = parsed.data;
    return { config, file, diagnostics: [] };
  }
  const diagnostics = parsed.error.issues.flatMap((issue): Diagnostic[] => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const p = [...base, key].join('.');
        return makeDiagnostic('config-unknown-key', {
          file,
          span: spans.get(`key:${p}`) ?? lines.span(0, 0),
          message: `Unknown config key \`${p}\`; expected one of the keys in schemas/config.schema.json`,
        });
      });
    }
    const p = base.join('.');
    return [
      makeDiagnostic('config-invalid-value', {
        file,
        span: spans.get(`value:${p}`) ?? spans.get(`key:${p}`) ?? lines.span(0, 0),
        message: `Config value \`${p || '(root)'}\` is invalid: ${issue.message}`,
      }),
    ];
  });
  return fail(diagnostics);
}

function keySpans(text: string, lines: ReturnType<typeof createLineIndex>): Map<string, Span> {
  const out = new Map<string, Span>();
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
