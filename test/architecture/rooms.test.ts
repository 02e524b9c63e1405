/**
 * docs/architecture.md's "may import" table is the dependency-cruiser config: this test parses the
 * table and fails when it and .dependency-cruiser-rooms.cjs (the data `npm run lint:deps` builds
 * its room rules from) differ, when the config does not carry exactly those rules, or when a file
 * under src/ is in no room (and so in no rule).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { ROOMS, roomRules } = require(path.join(repo, '.dependency-cruiser-rooms.cjs')) as {
  ROOMS: Record<string, string[]>;
  roomRules: (rooms: Record<string, string[]>) => { name: string }[];
};
const config = require(path.join(repo, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };

/** The table under "Where things live": room (first cell's `src/…`) → what its last cell names. */
function parseRoomsTable(markdown: string): Record<string, string[]> {
  const lines = markdown.split('\n');
  const header = lines.findIndex((l) => /^\| room \| what \| may import \|$/.test(l));
  if (header < 0) throw new Error('docs/architecture.md has no "| room | what | may import |" table');
  const rooms: Record<string, string[]> = {};
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const room = /^`src\/([^`]+)`$/.exec(cells[0]!)?.[1];
    if (!room) throw new Error(`a room is one \`src/…\` path: ${cells[0]}`);
    const may = cells.at(-1)!;
    rooms[room] = may.startsWith('anything') ? ['*'] : [...may.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((name) => name.endsWith('/') || name.endsWith('.ts'));
  }
  return rooms;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(path.join(repo, 'src'), path.join(e.parentPath, e.name)).split(path.sep).join('/'));

describe('the rooms of src/', () => {
  const table = parseRoomsTable(readFileSync(path.join(repo, 'docs/architecture.md'), 'utf8'));

  it('docs/architecture.md and the dependency-cruiser config name the same rooms and imports', () => {
    const sorted = (rooms: Record<string, string[]>) => Object.fromEntries(Object.keys(rooms).sort().map((room) => [room, [...rooms[room]!].sort()]));
    expect(sorted(table)).toEqual(sorted(ROOMS));
  });

  it('lint:deps enforces one rule per room, built from that data', () => {
    const rules = roomRules(ROOMS);
    expect(rules.length).toBe(Object.values(ROOMS).filter((may) => !may.includes('*')).length);
    expect(config.forbidden.filter((r) => r.name.startsWith('room-'))).toEqual(rules);
  });

  it('every file under src/ is in a room, and every room and import the table names exists', () => {
    const files = sources(path.join(repo, 'src'));
    const inRoom = (file: string, room: string) => (room.endsWith('/') ? file.startsWith(room) : file === room);
    expect(files.filter((f) => !Object.keys(ROOMS).some((room) => inRoom(f, room)))).toEqual([]);
    const named = [...Object.keys(ROOMS), ...Object.values(ROOMS).flat().filter((n) => n !== '*')];
    expect([...new Set(named)].filter((n) => !files.some((f) => inRoom(f, n)))).toEqual([]);
  });

  it('the parser reads a room, its imports and "anything"', () => {
    const doc = ['| room | what | may import |', '|---|---|---|', '| `src/a/` | x | `b.ts`, `c/` (types only), zod |', '| `src/d.ts` | y \\| z | anything |', '', '| `src/e/` | after the table | `a/` |'].join('\n');
    expect(parseRoomsTable(doc)).toEqual({ 'a/': ['b.ts', 'c/'], 'd.ts': ['*'] });
  });
});
