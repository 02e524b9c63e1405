import type { Diagnostic } from '../../types/index.js';
import { CATALOGUE } from '../catalogue/index.js';
import { SPECCC_VERSION } from '../../version.js';

/** SARIF 2.1.0 for code-scanning upload. Regions are 1-based; endColumn is exclusive, as SARIF defines. */
export function toSarif(diagnostics: Diagnostic[]) {
  const rules = [...CATALOGUE.values()];
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  const location = (file: string, span: Diagnostic['span']) => ({
    physicalLocation: {
      artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
      region: { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column },
    },
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'speccc',
            version: SPECCC_VERSION,
            informationUri: 'https://github.com/speccc/speccc',
            rules: rules.map((r) => ({
              id: r.code,
              name: r.code,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.doc },
              help: { text: r.hint, markdown: `${r.doc}\n\n**Fix:** ${r.hint}` },
              helpUri: `https://github.com/speccc/speccc/blob/main/docs/diagnostics.md#${r.code}`,
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.hint ? `${d.message}. ${d.hint}` : d.message },
          locations: [location(d.file, d.span)],
          ...(d.related ? { relatedLocations: d.related.map((r, i) => ({ id: i, message: { text: r.message }, ...location(r.file, r.span) })) } : {}),
        })),
      },
    ],
  };
}

export function formatSarif(diagnostics: Diagnostic[]): string {
  return JSON.stringify(toSarif(diagnostics), null, 2) + '\n';
}
