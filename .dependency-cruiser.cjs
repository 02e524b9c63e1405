/**
 * The architecture, enforced (`npm run lint:deps`, part of `npm test`):
 * - phases are numbered in the order data flows; no phase imports a later one;
 * - file system, child processes, the SDK and the watcher live at the edges: io/, the provider,
 *   the watcher, the commands and the process entry point; worker threads in io/ only. Phases get what they read as data
 *   or through an injected interface.
 */
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

const EDGES = '^src/(io/|watch/|commands/|twin/|cli[.]ts$|phases/6-generate/anthropic/)';

module.exports = {
  forbidden: [
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
      comment: 'worker threads are an effect: the parse pool and its workers live in io/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/io/' },
      to: { path: '^(node:)?worker_threads$' },
    },
    {
      name: 'sdk-outside-the-provider',
      comment: '@anthropic-ai/sdk is used by the provider (and the twin serves its wire format) only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(phases/6-generate/anthropic/|twin/)' },
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
      name: 'phases-do-not-reach-the-edges',
      comment: 'a phase never imports io/, commands/ or the runtime: effects arrive as injected interfaces',
      severity: 'error',
      from: { path: '^src/phases/', pathNot: '^src/phases/6-generate/anthropic/' },
      to: { path: '^src/(io|commands|watch)/|^src/(runtime|compile|pipeline-steps|fast-path)[.]ts$', dependencyTypesNot: ['type-only'] },
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
