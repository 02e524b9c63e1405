/**
 * `speccc check --format sarif`: SARIF 2.1.0 for GitHub code scanning (and any other SARIF
 * viewer). Pure: the command passes the workspace root it checked.
 *
 * - Locations are workspace-relative, percent-encoded URI references (a space or `#` in a file
 *   name would otherwise end the path or start a fragment) resolved against `%SRCROOT%`, which
 *   `originalUriBaseIds` gives as the root's absolute `file:` URI, ending in `/`, as SARIF
 *   requires of a base with no base of its own.
 * - Regions are 1-based; columns count UTF-16 code units (`columnKind`), as speccc's positions
 *   do; endColumn is exclusive, as SARIF defines.
 * - Each result has a partial fingerprint from its code, its file and what it found (the
 *   message), never its line, so code scanning keeps tracking an alert when lines above it move.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../types/index.js';
import { CATALOGUE } from '../catalogue/index.js';
import { SPECCC_VERSION } from '../../version.js';

/** The partialFingerprints key: versioned, so a change to what it hashes starts a new key instead of moving alerts. */
export const FINGERPRINT_KEY = 'specccFinding/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** The workspace root, absolute: every finding's file is relative to it. */
  root: string;
}

/** A workspace-relative POSIX path as a relative URI reference, each segment percent-encoded; an absolute path as a file: URI. */
export function fileUri(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The root as an absolute file: URI that ends in `/`, so that relative references resolve inside it. */
function rootUri(root: string): string {
  const href = pathToFileURL(path.resolve(root)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function region(span: Diagnostic['span']) {
  // SARIF and code scanning refuse a line or column below 1; an end before the start is read as the start.
  const startLine = Math.max(1, span.start.line);
  const startColumn = Math.max(1, span.start.column);
  const endLine = Math.max(startLine, span.end.line);
  const endColumn = endLine === startLine ? Math.max(startColumn, span.end.column) : Math.max(1, span.end.column);
  return { startLine, startColumn, endLine, endColumn };
}

function location(file: string, span: Diagnostic['span']) {
  return { physicalLocation: { artifactLocation: fileUri(file), region: region(span) } };
}

/**
 * One fingerprint per result: code, file and the finding's own words, plus how many identical
 * findings came before it in the same file (two equal findings stay two alerts).
 */
function fingerprints(diagnostics: Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const what = JSON.stringify([d.code, d.file, d.message.replace(/\s+/g, ' ').trim()]);
    const n = seen.get(what) ?? 0;
    seen.set(what, n + 1);
    return `${createHash('sha256').update(`${what}\n${n}`).digest('hex').slice(0, 32)}`;
  });
}

function rules() {
  return [...CATALOGUE.values()].map((r) => ({
    id: r.code,
    name: r.code,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.doc },
    help: { text: r.hint, markdown: `${r.doc}\n\n**Fix:** ${r.hint}` },
    helpUri: `https://github.com/speccc/speccc/blob/main/docs/diagnostics.md#${r.code}`,
    defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
  }));
}

export function toSarif(diagnostics: Diagnostic[], options: SarifOptions) {
  const ruleIndex = new Map([...CATALOGUE.keys()].map((code, i) => [code, i]));
  const prints = fingerprints(diagnostics);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'speccc', version: SPECCC_VERSION, informationUri: 'https://github.com/speccc/speccc', rules: rules() } },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(options.root), description: { text: 'The speccc workspace root' } } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d, i) => ({
          ruleId: d.code,
          ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.hint ? `${d.message}. ${d.hint}` : d.message },
          locations: [location(d.file, d.span)],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
          ...(d.related ? { relatedLocations: d.related.map((r, j) => ({ id: j, message: { text: r.message }, ...location(r.file, r.span) })) } : {}),
        })),
      },
    ],
  };
}

export function formatSarif(diagnostics: Diagnostic[], options: SarifOptions): string {
  return JSON.stringify(toSarif(diagnostics, options), null, 2) + '\n';
}
