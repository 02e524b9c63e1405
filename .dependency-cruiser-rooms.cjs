/**
 * The rooms of src/ and what each may import: the "may import" column of the table in
 * docs/architecture.md ("Where things live"), as data. `.dependency-cruiser.cjs` turns it into one
 * forbidden rule per room; test/architecture/rooms.test.ts parses the table and fails when the two
 * differ, and when a file under src/ belongs to no room.
 *
 * A room is a folder (`io/`) or a file (`compile.ts`) under src/; a longer room wins over a shorter
 * one that contains it. `'*'` means anything. Type-only imports count too: a room that needs
 * another's types either may import it or the types belong in `types/`. Which phase may import
 * which is a rule of its own (no phase imports a later one).
 */
const ROOMS = {
  'phases/': ['phases/', 'types/', 'schemas/', 'prices/', 'diagnostics/', 'hash.ts', 'yaml.ts'],
  'types/': ['schemas/'],
  'schemas/': [],
  'prices/': ['types/'],
  'diagnostics/': ['types/', 'version.ts'],
  'config/': ['phases/1-parse/', 'phases/3-check/', 'schemas/', 'types/', 'diagnostics/', 'yaml.ts'],
  // io/triage-files.ts, io/lessons.ts and io/adopt-project.ts still import their pure rooms (to move up, as item 4 of issue 25 did for phases).
  'io/': ['types/', 'schemas/', 'config/', 'diagnostics/', 'hash.ts', 'yaml.ts', 'adopt/', 'lessons/', 'triage/'],
  'hash.ts': [],
  'version.ts': [],
  'yaml.ts': [],
  'workspace.ts': ['io/', 'phases/', 'config/', 'types/', 'version.ts'],
  'runtime.ts': ['io/', 'phases/', 'prices/', 'types/'],
  'fast-path.ts': ['io/', 'types/', 'hash.ts', 'version.ts'],
  'pipeline-steps.ts': ['io/', 'phases/', 'config/', 'diagnostics/', 'prices/', 'fast-path.ts', 'runtime.ts', 'types/', 'version.ts'],
  'pipeline/': ['io/', 'phases/', 'config/', 'fast-path.ts', 'pipeline-steps.ts', 'runtime.ts', 'workspace.ts', 'types/', 'version.ts'],
  'compile.ts': ['io/', 'phases/', 'pipeline/', 'fast-path.ts', 'pipeline-steps.ts', 'runtime.ts', 'workspace.ts', 'types/', 'version.ts'],
  'scenario-checks.ts': ['io/', 'phases/', 'pipeline/', 'compile.ts', 'runtime.ts', 'hash.ts', 'types/', 'version.ts'],
  'scenario-proposals.ts': ['io/', 'phases/', 'pipeline/', 'proposals/', 'runtime.ts', 'hash.ts', 'types/', 'version.ts'],
  'proposals/': ['schemas/', 'types/'],
  'model-worker.ts': ['io/', 'phases/2-model/', 'phases/3-check/'],
  'index.ts': ['compile.ts', 'workspace.ts', 'runtime.ts', 'io/', 'phases/', 'config/', 'diagnostics/', 'types/', 'version.ts'],
  'cli.ts': ['commands/', 'quick-check.ts', 'version.ts'],
  'quick-check.ts': ['commands/', 'io/', 'fast-path.ts'],
  'commands/': ['*'],
  'watch/': ['compile.ts', 'incremental/', 'runtime.ts', 'io/', 'config/', 'types/'],
  'incremental/': ['io/', 'phases/1-parse/', 'phases/2-model/', 'phases/3-check/', 'config/', 'pipeline-steps.ts', 'workspace.ts', 'hash.ts', 'types/', 'version.ts'],
  'lsp/': ['incremental/', 'phases/', 'io/', 'diagnostics/', 'types/', 'version.ts'],
  'remark/': ['phases/1-parse/', 'phases/2-model/', 'phases/3-check/', 'diagnostics/', 'schemas/', 'types/'],
  'api-twin/': [],
  'triage/': ['phases/1-parse/', 'phases/2-model/', 'phases/3-check/', 'workspace.ts', 'diagnostics/', 'prices/', 'schemas/', 'types/', 'hash.ts'],
  'lessons/': ['schemas/', 'types/', 'hash.ts'],
  'adopt/': ['phases/1-parse/', 'phases/3-check/', 'diagnostics/', 'prices/', 'schemas/', 'types/', 'hash.ts'],
  // The adopt entries import commands/shared.ts today (a departure from the layout, to fix).
  'adopt-draft.ts': ['adopt/', 'commands/', 'compile.ts', 'runtime.ts', 'io/', 'phases/', 'types/', 'hash.ts', 'version.ts'],
  'adopt-round-trip.ts': ['adopt/', 'commands/', 'compile.ts', 'runtime.ts', 'io/', 'phases/', 'types/', 'hash.ts'],
  'adopt-hand-over.ts': ['adopt/', 'commands/', 'compile.ts', 'io/', 'phases/', 'hash.ts'],
  'report/': ['types/'],
};

const pattern = (room) => room.replace(/[.]/g, '[.]') + (room.endsWith('/') ? '' : '$');

/** One forbidden rule per room: from the room, to anything under src/ that is neither the room nor one it may import. */
function roomRules(rooms) {
  return Object.entries(rooms)
    .filter(([, may]) => !may.includes('*'))
    .map(([room, may]) => {
      const inside = Object.keys(rooms).filter((other) => other !== room && other.startsWith(room) && room.endsWith('/'));
      return {
        name: `room-${room.replace(/[/.]/g, '-').replace(/-$/, '')}`,
        comment: `src/${room} may import ${may.length === 0 ? 'nothing of speccc' : may.join(', ')} (docs/architecture.md, "Where things live")`,
        severity: 'error',
        from: { path: `^src/${pattern(room)}`, ...(inside.length > 0 ? { pathNot: `^src/(${inside.map(pattern).join('|')})` } : {}) },
        to: { path: '^src/', pathNot: `^src/(${[room, ...may].map(pattern).join('|')})` },
      };
    });
}

module.exports = { ROOMS, roomRules };
