/**
 * docs/editors.md's Neovim set-ups, run: every Lua block compiles, and each block for a Neovim
 * version the installed `nvim` has is loaded as the user's init.lua, opens a spec with a finding
 * in a headless Neovim, and must show the finding as a diagnostic from `speccc lsp` rooted at
 * the workspace. `npx speccc lsp` is replaced by this repository's dist/cli.js (`npm run build`
 * first). .ci/run installs Debian's neovim (0.7), so CI runs the 0.7 block; a machine with a
 * newer Neovim runs the newer blocks too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempWorkspace } from '../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(repo, 'docs/editors.md'), 'utf8');
const neovim = doc.slice(doc.indexOf('## Neovim\n'), doc.indexOf('\n## ', doc.indexOf('## Neovim\n') + 1));
const workspaces = useTempWorkspace({ scope: 'all' });

/** The installed Neovim's [major, minor], or undefined without one. */
function installed(): [number, number] | undefined {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)/.exec(run.stdout ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
const version = installed();
const atLeast = (v: [number, number]) => version !== undefined && (version[0] > v[0] || (version[0] === v[0] && version[1] >= v[1]));

/** Each Lua block of the Neovim section, with the version its lead-in names ("Neovim 0.8 to 0.10"). */
const blocks = [...neovim.matchAll(/(?:^|\n\n)((?:[^\n]|\n(?!\n))+)\n\n```lua\n([\s\S]*?)\n```/g)].map((m) => {
  const v = /^Neovim (\d+)\.(\d+)/.exec(m[1]!);
  return { lead: m[1]!.split(/[:(]/)[0]!.trim(), min: v ? ([Number(v[1]), Number(v[2])] as [number, number]) : undefined, lua: m[2]! };
});

describe('docs/editors.md: Neovim', () => {
  it('documents the 0.11, the 0.8 to 0.10 and the 0.7 APIs', () => {
    expect(blocks.map((b) => b.min?.join('.'))).toEqual(['0.11', '0.8', '0.7', undefined]);
    expect(blocks[0]!.lua).toContain("vim.lsp.enable('speccc')");
    expect(blocks[1]!.lua).toContain('vim.lsp.start(');
    expect(blocks[2]!.lua).toContain('vim.lsp.start_client(');
    expect(blocks[2]!.lua).toContain('vim.lsp.buf_attach_client(');
  });

  // Skipped only where Neovim is missing; .ci/run installs it.
  it.skipIf(!version)('every Lua block compiles', () => {
    const dir = workspaces.empty('speccc-nvim-');
    for (const [i, b] of blocks.entries()) {
      const file = path.join(dir, `block-${i}.lua`);
      writeFileSync(file, b.lua);
      const check = `lua local f = io.open('${file}'); local ok, err = loadstring(f:read('*a')); f:close(); if not ok then io.stdout:write('SYNTAX ' .. err) end`;
      expect(execFileSync('nvim', ['--headless', '--clean', '-c', check, '-c', 'qa!'], { encoding: 'utf8' }), b.lead).toBe('');
    }
  });

  for (const b of blocks.filter((x) => x.min)) {
    // Skipped where the installed Neovim is older than the block's (or missing).
    it.skipIf(!atLeast(b.min!))(`${b.lead}: a spec opened in Neovim shows speccc's finding`, () => {
      const root = workspaces.empty('speccc-nvim-');
      for (const part of ['specs', 'context', 'speccc.config.json']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
      const spec = path.join(root, 'specs/features/line-items.md');
      // A rule (at the end of the file it would be stray text under Evaluation).
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('## Rules\n\n', '## Rules\n\n- The total must be fast.\n'));
      const init = path.join(root, 'init.lua');
      writeFileSync(init, b.lua.replaceAll("{ 'npx', 'speccc', 'lsp' }", `{ '${process.execPath}', '${path.join(repo, 'dist/cli.js')}', 'lsp' }`));
      const report =
        "lua local c = vim.lsp.get_active_clients()[1]; local d = vim.diagnostic.get(0)[1]; io.stdout:write(string.format('%s|%s|%s', c and c.name, c and c.config.root_dir, d and d.message or 'none'))";
      const out = execFileSync('nvim', ['--headless', '-u', init, spec, '-c', 'lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)', '-c', report, '-c', 'qa!'], {
        cwd: path.join(root, 'specs/features'),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(out).toBe(`speccc|${root}|Vague wording \`fast\` cannot be tested; expected a measurable statement\nhint: Say what is meant in measurable terms (a number, a limit, an exact list).`);
    }, 90_000);
  }
});
