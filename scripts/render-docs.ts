import { CATALOGUE } from '../src/diagnostics/catalogue/index.js';
import { frontmatterJsonSchema } from '../src/schemas/frontmatter.js';
import { configJsonSchema } from '../src/schemas/config.js';

const fence = (text: string) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${text.replace(/\n$/, '')}\n${ticks}`;
};

export function renderDiagnosticsDoc(): string {
  const entries = [...CATALOGUE.values()];
  const lines = [
    '# Diagnostics catalogue',
    '',
    '<!-- Generated from src/diagnostics/catalogue/ by `npm run docs`. Do not edit by hand. -->',
    '',
    'Every finding speccc reports has a stable code. Lines are 1-based; columns are 1-based and',
    'count UTF-16 code units. Errors fail `speccc check`; warnings fail it under `--strict`.',
    '',
    '| code | severity | summary |',
    '|---|---|---|',
    ...entries.map((e) => `| [\`${e.code}\`](#${e.code}) | ${e.severity} | ${e.summary} |`),
    '',
  ];
  for (const e of entries) {
    lines.push(
      `## ${e.code}`,
      '',
      `**${e.severity}** — ${e.summary}.`,
      '',
      e.doc,
      '',
      `**Fix:** ${e.hint}`,
      '',
      'Not ok:',
      '',
      fence(e.notOk),
      '',
      'Ok:',
      '',
      fence(e.ok),
      '',
    );
  }
  return lines.join('\n');
}

export function renderGeneratedDocs(): Record<string, string> {
  return {
    'docs/diagnostics.md': renderDiagnosticsDoc(),
    'schemas/frontmatter.schema.json': JSON.stringify(frontmatterJsonSchema(), null, 2) + '\n',
    'schemas/config.schema.json': JSON.stringify(configJsonSchema(), null, 2) + '\n',
  };
}
