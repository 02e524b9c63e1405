/**
 * `speccc check --format sarif` as GitHub code scanning ingests it: valid against the SARIF
 * 2.1.0 JSON schema, and within GitHub's documented rules for uploaded SARIF (relative
 * `artifactLocation.uri` with a `uriBaseId`, every `ruleId` in `tool.driver.rules`, `level` one
 * of error, warning or note, at most 10 MB, lines and columns from 1), for specs whose paths
 * hold a space and a `#`; and with fingerprints that follow a finding, not its line.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../../src/diagnostics/reporters/sarif.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../..');
const workspaces = useTempWorkspace({ scope: 'all' });

/** GitHub's limit on an uploaded SARIF file (gzip-compressed; this checks the uncompressed text, which is stricter). */
const MAX_BYTES = 10 * 1024 * 1024;
const SPEC = 'specs/sale #2/cart total.md';
const RELATED = 'specs/b #x.md';

interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
}
interface Sarif {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: { ruleId: string; ruleIndex?: number; level: string; message: { text: string }; locations: Location[]; relatedLocations?: Location[]; partialFingerprints: Record<string, string> }[];
  }[];
}

/**
 * The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (the OASIS schema, rtm.5). It is a
 * draft-04 schema whose only draft-04 keyword is its top-level `id`; ajv 8 reads it as draft-07
 * once that is `$id` (the other keywords it uses mean the same in both drafts).
 */
function sarifSchema(): ValidateFunction {
  const file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema, id, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect($schema).toBe('http://json-schema.org/draft-04/schema#');
  expect(JSON.stringify(rest)).not.toMatch(/"exclusiveM(?:in|ax)imum"/);
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv); // a CommonJS module whose exports are the plugin, with itself as `.default` (the one TypeScript sees)
  return ajv.compile({ $id: String(id), ...rest });
}

/** A workspace with wording findings in a spec whose folder and name hold `#` and spaces, and a dependency cycle (related locations) through a file with `#`. */
function workspace(): string {
  const root = workspaces.empty('speccc sarif #');
  cpSync(path.join(repo, 'test/commands/check/samples/wording'), root, { recursive: true });
  mkdirSync(path.join(root, path.dirname(SPEC)), { recursive: true });
  renameSync(path.join(root, 'specs/cart.md'), path.join(root, SPEC));
  for (const f of ['a.md', 'b.md', 'c.md']) cpSync(path.join(repo, 'test/commands/check/samples/cycle/specs', f), path.join(root, f === 'b.md' ? RELATED : `specs/${f}`));
  return root;
}

async function sarifOf(root: string): Promise<{ text: string; log: Sarif }> {
  const run = await runCli(['check', '--format', 'sarif'], { cwd: root });
  expect(run.code).toBe(1); // the workspace has errors
  expect(run.stderr).toBe('');
  return { text: run.stdout, log: JSON.parse(run.stdout) as Sarif };
}

describe('speccc check --format sarif', () => {
  let root: string;
  let text: string;
  let log: Sarif;
  beforeAll(async () => {
    root = workspace();
    ({ text, log } = await sarifOf(root));
  });

  it('is valid SARIF 2.1.0 (the JSON schema)', () => {
    const validate = sarifSchema();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('follows GitHub code scanning’s rules for uploaded SARIF', () => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_BYTES);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules.map((r) => r.id);
    expect(run.results.length).toBeGreaterThanOrEqual(8);
    for (const result of run.results) {
      expect(rules, result.ruleId).toContain(result.ruleId);
      if (result.ruleIndex !== undefined) expect(rules[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).not.toBe('');
      for (const { physicalLocation: p } of [...result.locations, ...(result.relatedLocations ?? [])]) {
        expect(p.artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\//i); // relative: no scheme, no leading slash
        expect(p.artifactLocation.uriBaseId).toBe('%SRCROOT%');
        expect(p.region.startLine).toBeGreaterThanOrEqual(1);
        expect(p.region.startColumn).toBeGreaterThanOrEqual(1);
        expect(p.region.endLine).toBeGreaterThanOrEqual(p.region.startLine);
        expect(p.region.endColumn).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('percent-encodes file paths, so a space or # in one still names the file', () => {
    const run = log.runs[0]!;
    const base = run.originalUriBaseIds['%SRCROOT%']!.uri;
    expect(base).toMatch(/^file:\/\/\/.*\/$/);
    expect(base).toContain('speccc%20sarif%20%23'); // the temp folder's own space and #
    expect(fileURLToPath(base)).toBe(`${root}/`);
    const uris = new Set(run.results.flatMap((r) => [...r.locations, ...(r.relatedLocations ?? [])]).map((l) => l.physicalLocation.artifactLocation.uri));
    expect(uris).toContain('specs/sale%20%232/cart%20total.md');
    expect(uris).toContain('specs/b%20%23x.md');
    for (const uri of uris) {
      expect(uri).not.toMatch(/[ #]/);
      const file = fileURLToPath(new URL(uri, base)); // what a SARIF viewer resolves it to
      expect(existsSync(file), file).toBe(true);
    }
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('fingerprints each finding by what it found, not by its line: moving lines keeps them, changing the finding does not', async () => {
    const prints = (l: Sarif) => l.runs[0]!.results.map((r) => `${r.ruleId} ${r.partialFingerprints[FINGERPRINT_KEY]}`);
    const lines = (l: Sarif) => l.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region.startLine);
    const before = prints(log);
    expect(new Set(before).size).toBe(before.length); // two `placeholder-text` findings stay two alerts

    const file = path.join(root, SPEC);
    const spec = readFileSync(file, 'utf8');
    writeFileSync(file, spec.replace('## What\n', '\n\n\n## What\n'));
    const moved = (await sarifOf(root)).log;
    expect(lines(moved).filter((l, i) => l !== lines(log)[i]!).length).toBeGreaterThan(5);
    expect(prints(moved)).toEqual(before);

    writeFileSync(file, spec.replace('fast', 'quick'));
    const changed = prints((await sarifOf(root)).log);
    const vague = before.findIndex((p) => p.startsWith('vague-wording '));
    expect(changed[vague]).not.toBe(before[vague]);
    expect(changed.filter((p, i) => p !== before[i])).toHaveLength(1);
  });
});
