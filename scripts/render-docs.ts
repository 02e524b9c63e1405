import { CATALOGUE } from '../src/diagnostics/catalogue/index.js';
import { spec } from '../src/diagnostics/catalogue/example.js';
import type { Example, ExampleFile } from '../src/diagnostics/catalogue/types.js';
import { frontmatterJsonSchema } from '../src/schemas/frontmatter.js';
import { configJsonSchema } from '../src/schemas/config.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The wording rules' figures on each corpus, as bench/smells.bench.ts last wrote them (test/corpus/smells.test.ts keeps them current). */
interface Figures {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
}
interface Measured {
  corpora: { name: string; file: string; lines: number; rules: (Figures & { code: string; shipped: string })[]; overall: Figures }[];
}

const MEASURED = path.resolve(import.meta.dirname, '../test/corpus/measured.json');
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const counts = (f: Figures) => `${f.truePositives} / ${f.falsePositives} / ${f.falseNegatives}`;

/** The generated section on how well each wording rule does on the hand-labelled corpora. */
function renderMeasured(): string[] {
  const measured = JSON.parse(readFileSync(MEASURED, 'utf8')) as Measured;
  const by = (name: string) => measured.corpora.find((c) => c.name === name)!;
  const [real, written, heldOut] = [by('requirements'), by('written'), by('held-out')];
  const cells = (f: Figures) => `${pct(f.precision)} | ${pct(f.recall)} | ${counts(f)}`;
  return [
    '## Wording rules, measured',
    '',
    'Each wording rule is measured on three hand-labelled sets in `test/corpus/` (its README gives',
    'the sources, the label definitions and how the labels were given):',
    '',
    `- **real**: ${real.lines} requirement sentences copied from public requirement documents`,
    '  (`requirements.jsonl`).',
    `- **written**: ${written.lines} sentences of the kind specs contain, written for speccc, about half`,
    '  of them clean and most of those hard negatives (`written.jsonl`).',
    `- **held-out**: ${heldOut.lines} more written sentences, half clean, in other phrasing and domains,`,
    '  written after the rules were tuned on the other two and measured as they came out',
    '  (`held-out.jsonl`).',
    '',
    'Labels were committed before the rules were tuned and never changed to fit them. The rules were',
    'tuned on the real and written sets, so their figures are upper estimates; the held-out figures',
    'are the fair estimate of what the rules do on phrasing they have not seen. Most of what they',
    'miss there is vague words outside the rules\' vocabulary ("swiftly", "pleasant", "huge"): a',
    'word list finds the words it lists.',
    '',
    'Each sentence is put alone into the section of a minimal spec that its line names, the real',
    'checker runs with every wording rule on, and each code found is compared with the sentence\'s',
    'hand labels. A wording rule ships as a warning only at 80% precision or more on every set where',
    'it flagged at least 10 sentences (fewer say too little); one below that is off by default (turn',
    'it on in the config\'s `rules` map).',
    '`npm run bench smells` measures again and rewrites `test/corpus/measured.json`, which this table',
    'comes from; `test/corpus/smells.test.ts` fails when the figures no longer match the rules.',
    '',
    'Recall is lower by design where a rule looks only at some sections: `number-without-unit`',
    'judges Constraints only, `weak-modal` the sections that state behaviour (not What), and',
    '`vague-pronoun` not scenario steps. "tp / fp / fn" are true positives, false positives and',
    'missed sentences; the overall row adds them up over every rule. Precision, recall, tp / fp / fn',
    'on each set:',
    '',
    '| code | real | | | written | | | held-out | | | shipped as |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...real.rules.map((r, i) => `| [\`${r.code}\`](#${r.code}) | ${cells(r)} | ${cells(written.rules[i]!)} | ${cells(heldOut.rules[i]!)} | ${r.shipped} |`),
    `| **overall** | ${cells(real.overall)} | ${cells(written.overall)} | ${cells(heldOut.overall)} | |`,
    '',
  ];
}

const fence = (text: string, language = '') => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text.replace(/\n$/, '')}\n${ticks}`;
};

const LANGUAGES: Record<string, string> = { md: 'markdown', json: 'json', hbs: 'handlebars', ts: 'ts', txt: 'text' };
const languageOf = (file: string) => LANGUAGES[file.split('.').pop() ?? ''] ?? '';

/** One file of an example: its path, what it is, and what matters of its content. */
function renderFile(file: string, made: ExampleFile): string[] {
  if (typeof made === 'string') {
    return made === '' ? [`\`${file}\`: an empty file.`, ''] : [`\`${file}\`:`, '', fence(made, languageOf(file)), ''];
  }
  if (made.shown === '') return [`\`${file}\`: ${made.about}.`, ''];
  return [`\`${file}\`, ${made.about}:`, '', fence(made.shown, made.language ?? languageOf(file)), ''];
}

/** An example as readable markdown: the command when it is not a plain check, each file, the edits after a build. */
function renderExample(label: string, example: Example): string[] {
  const command = example.command ?? ['check'];
  const lines = [`**${label}**${example.note ? ` — ${example.note}` : ''}`, ''];
  if (example.build) lines.push('Build these files with `speccc build` (in the test, an agent that writes every declared output, its tests naming each requirement id the prompt lists), then run `speccc check`.', '');
  else if (command.join(' ') !== 'check') lines.push(`Run \`speccc ${command.join(' ')}\` on these files.`, '');
  for (const [file, made] of Object.entries(example.files)) lines.push(...renderFile(file, made));
  const edits = Object.entries(example.build?.thenEdit ?? {});
  if (example.build && edits.length === 0) lines.push('Between the build and the check, nothing is edited.', '');
  for (const [file, content] of edits) {
    if (content === null) lines.push(`Between the build and the check, \`${file}\` is deleted.`, '');
    else lines.push(`Between the build and the check, this is written to \`${file}\`:`, '', fence(content, languageOf(file)), '');
  }
  return lines;
}

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
    'Each code has two examples, small workspaces that test/diagnostics/catalogue-examples.test.ts',
    'runs: **Not ok** reports the code and nothing else; **Ok** runs clean. To keep them short, a',
    'spec is shown only where it differs from the default spec below: a section shown replaces the',
    'default section of that name, or is added at the end. A default spec with another id owns',
    '`src/<id>.ts` and `src/<id>.test.ts`; default architecture and constraint specs have only the',
    'sections their kind requires.',
    '',
    '<details><summary>The default feature spec, <code>specs/cart.md</code></summary>',
    '',
    fence(spec().content() as string, 'markdown'),
    '',
    '</details>',
    '',
    '| code | severity | summary |',
    '|---|---|---|',
    ...entries.map((e) => `| [\`${e.code}\`](#${e.code}) | ${e.offByDefault ? `off (${e.severity} when on)` : e.severity} | ${e.summary} |`),
    '',
    'The config\'s `rules` map sets any code of a check rule to `off`, `warn` or `error`, and a comment',
    'in a spec suppresses one finding or a stretch of a file (docs/spec-format.md, "Suppressions"),',
    'except for the codes marked **Locked** below: builds rely on them.',
    '',
    ...renderMeasured(),
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
      ...(e.offByDefault ? [`**Off by default:** ${e.offByDefault}. Turn it on with \`"rules": { "${e.code}": "warn" }\` in speccc.config.json.`, ''] : []),
      ...(e.locked ? [`**Locked:** it cannot be turned off or made a warning in the config, nor suppressed in a spec: ${e.locked}.`, ''] : []),
      ...renderExample('Not ok', e.notOk),
      ...renderExample('Ok', e.ok),
    );
  }
  return lines.join('\n');
}

const camel = (code: string) => code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** src/diagnostics/messages.ts: one typed function per code, so a mistyped code fails the typecheck. */
function renderMessages(): string {
  const entries = [...CATALOGUE.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const lines = [
    '// Generated from src/diagnostics/catalogue/ by `npm run docs`. Do not edit: change the catalogue.',
    "import type { Diagnostic } from '../types/index.js';",
    "import { makeDiagnostic, type DiagnosticInput } from './make.js';",
    '',
    '/** Every diagnostic code speccc reports. */',
    `export type DiagnosticCode =\n${entries.map((e) => `  | '${e.code}'`).join('\n')};`,
    '',
    '/** One factory per code: severity and default hint come from the catalogue. */',
    'export const diagnostics = {',
    ...entries.flatMap((e) => [`  /** ${e.severity}: ${e.summary.replace(/\*\//g, '* /')} */`, `  ${camel(e.code)}: (input: DiagnosticInput): Diagnostic => makeDiagnostic('${e.code}', input),`]),
    '} as const;',
    '',
  ];
  return lines.join('\n');
}

export function renderGeneratedDocs(): Record<string, string> {
  return {
    'src/diagnostics/messages.ts': renderMessages(),
    'docs/diagnostics.md': renderDiagnosticsDoc(),
    'schemas/frontmatter.schema.json': JSON.stringify(frontmatterJsonSchema(), null, 2) + '\n',
    'schemas/config.schema.json': JSON.stringify(configJsonSchema(), null, 2) + '\n',
  };
}
