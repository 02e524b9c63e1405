/**
 * The architecture, enforced (`npm run lint:deps`, part of `npm test`):
 * - each room of src/ imports only what docs/architecture.md's table says it may (the table's
 *   data is .dependency-cruiser-rooms.cjs; test/architecture/rooms.test.ts holds them together);
 * - phases are numbered in the order data flows; no phase imports a later one;
 * - file system, child processes, the SDK and the watcher live at the edges: io/, the provider,
 *   the watcher, the commands and the process entry point; worker threads in io/ only. Phases get what they read as data
 *   or through an injected interface.
 */
const { ROOMS, roomRules } = require('./.dependency-cruiser-rooms.cjs');

const phases = [1, 2, 3, 4, 5, 6, 7, 8];
const laterPhaseRules = phases.flatMap((from) =>
  phases
    .filter((to) => to > from)
    .map((to) => ({
      name: `phase-${from}-imports-phase-${to}`,
      comment: `phase ${from} may not import phase ${to}: data flows forward only`,
      severity: 'error',
      from: { path: `^src/phases/${from}-` },
      to: { path: `^src/phases/${to}-`, dependencyTypesNot: ['type-only'] },
    })),
);

const EDGES = '^src/(io/|watch/|commands/|api-twin/|cli[.]ts$|phases/6-generate/anthropic/)';

module.exports = {
  forbidden: [
    // docs/architecture.md's "may import" column, one rule per room (.dependency-cruiser-rooms.cjs).
    ...roomRules(ROOMS),
    ...laterPhaseRules,
    {
      name: 'effects-outside-the-edges',
      comment: 'node:fs and node:child_process belong in io/ (or the provider, the watcher, the commands)',
      severity: 'error',
      from: { path: '^src/', pathNot: EDGES },
      to: { path: '^(node:)?(fs|fs/promises|child_process)$' },
    },
    {
      name: 'threads-outside-io',
      comment: 'worker threads are an effect: the parse pool lives in io/, its worker entry point (model-worker.ts) at the top',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(io/|model-worker[.]ts$)' },
      to: { path: '^(node:)?worker_threads$' },
    },
    {
      name: 'sdk-outside-the-provider',
      comment: '@anthropic-ai/sdk is used by the provider (and the twin serves its wire format) only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(phases/6-generate/anthropic/|api-twin/)' },
      to: { path: '@anthropic-ai/sdk' },
    },
    {
      name: 'watcher-outside-watch',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/watch/' },
      to: { path: 'chokidar' },
    },
    {
      name: 'language-server-outside-lsp',
      comment: 'the Language Server Protocol is spoken by src/lsp/ only; the checker it serves knows nothing of editors',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lsp/' },
      to: { path: 'vscode-languageserver' },
    },
    {
      name: 'nothing-imports-the-remark-plugin',
      comment: "src/remark/ is an entry point of its own ('speccc/remark'); the compiler never depends on it",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/remark/' },
      to: { path: '^src/remark/' },
    },
    {
      name: 'unified-outside-the-parser-and-the-plugin',
      comment: "unified and its plugins are phase 1's reference parser (reference-markdown.ts, loaded on first use) and the remark plugin's host, nothing else's",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(remark/|phases/1-parse/)' },
      to: { path: 'node_modules/(unified|remark-parse|remark-frontmatter|vfile)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
