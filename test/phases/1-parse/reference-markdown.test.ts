/**
 * The unified pipeline is phase 1's reference and is loaded only when a spec needs it: a process
 * whose specs all take the fast parser never loads unified (nor micromark), so check's start-up
 * does not pay for it. Run in a fresh process, which records every module `require` loads.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../..');

const SCRIPT = `
import Module from 'node:module';
const loaded = new Set();
const load = Module._load;
Module._load = function (request, ...rest) { loaded.add(request); return load.call(this, request, ...rest); };
const { parseSpecFile } = await import(${JSON.stringify(path.join(repo, 'src/phases/1-parse/index.ts'))});
const parse = (text) => parseSpecFile('specs/a.md', new TextEncoder().encode(text)).tree.children.map((n) => n.type).join(' ');
const report = (tree) => console.log(JSON.stringify({ tree, unified: loaded.has('unified'), remarkParse: loaded.has('remark-parse') }));
report(parse('---\\nid: a\\n---\\n\\n# A\\n\\n- a **list**\\n'));
report(parse('---\\nid: a\\n---\\n\\n# A\\n\\n> a block quote, which the fast parser declines\\n'));
`;

describe('the reference parser', () => {
  it('is loaded on the first spec the fast parser declines, not before', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: repo, encoding: 'utf8' });
    expect(out.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { tree: 'yaml heading list', unified: false, remarkParse: false },
      { tree: 'yaml heading blockquote', unified: true, remarkParse: true },
    ]);
  });
});
