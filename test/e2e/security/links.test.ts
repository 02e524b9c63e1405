/**
 * A repository can ship symlinks, and `.speccc/cassettes/` is documented as committable. No
 * write speccc makes follows a link out of the workspace: each is refused with one line naming
 * the link, exit 2, and nothing lands outside. Links that stay inside the workspace still work.
 * The language server ignores file URIs that name no local file, with a log line, and goes on.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { appendInside, OutsideWorkspaceError, writeInside } from '../../../src/io/safe-write.js';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';
import { repo } from '../../helpers/workspaces.js';
import { startClient } from '../../lsp/client.js';

const workspaces = useTempWorkspace();
const twin = useTwin();
const FIXTURE = 'test/fixtures/chain';

/** slugify alone: one job per build. */
const oneSpec = () => workspaces.copy(FIXTURE, ['replies', 'specs/wordcount.md', 'specs/headline.md', 'specs/summary.md', 'scenarios/wordcount', 'scenarios/headline', 'scenarios/summary']);

describe('writes through links', () => {
  it('writeInside and appendInside follow links inside the workspace and refuse links out of it', async () => {
    const root = workspaces.empty();
    const outside = workspaces.empty();
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'inner'));
    await writeInside(root, 'inner/a.txt', 'ok');
    expect(readFileSync(path.join(root, 'real/a.txt'), 'utf8')).toBe('ok');

    symlinkSync(outside, path.join(root, 'out'));
    await expect(writeInside(root, 'out/deep/b.txt', 'x')).rejects.toThrow(new OutsideWorkspaceError(`refusing to write through out: it is a link to ${outside}, outside the workspace ${root}; speccc never writes outside it (remove or replace the link)`));
    writeFileSync(path.join(outside, 'target.txt'), 'mine\n');
    symlinkSync(path.join(outside, 'target.txt'), path.join(root, 'file.txt'));
    await expect(writeInside(root, 'file.txt', 'x')).rejects.toThrow(OutsideWorkspaceError);
    await expect(appendInside(root, 'file.txt', 'x')).rejects.toThrow(OutsideWorkspaceError);
    await expect(writeInside(root, '../escape.txt', 'x')).rejects.toThrow(OutsideWorkspaceError);
    expect(readdirSync(outside)).toEqual(['target.txt']);
    expect(readFileSync(path.join(outside, 'target.txt'), 'utf8')).toBe('mine\n');
  });

  it('build --record, report and verify refuse linked state folders and files; nothing is written outside', async () => {
    const root = oneSpec();
    const outside = workspaces.empty();
    await twin.replies(path.join(repo, FIXTURE, 'replies'));
    mkdirSync(path.join(root, '.speccc'), { recursive: true });

    symlinkSync(outside, path.join(root, '.speccc/cassettes'));
    const record = await runCli(['build', '--record'], { cwd: root, env: twin.env() });
    expect(record.stderr).toContain(`speccc: refusing to write through .speccc/cassettes: it is a link to ${outside}, outside the workspace`);
    expect(record.code).toBe(2);
    expect(readdirSync(outside)).toEqual([]);

    // Without the link the build goes through; then the report and verify's history.
    const { rmSync } = await import('node:fs');
    rmSync(path.join(root, '.speccc/cassettes'));
    expect((await runCli(['build'], { cwd: root, env: twin.env() })).code).toBe(0);

    symlinkSync(outside, path.join(root, '.speccc/report'));
    const report = await runCli(['report'], { cwd: root });
    expect(report.stderr).toContain('speccc: refusing to write through .speccc/report: it is a link to');
    expect(report.code).toBe(2);
    expect(readdirSync(outside)).toEqual([]);

    writeFileSync(path.join(outside, 'history.jsonl'), '');
    mkdirSync(path.join(root, '.speccc/verify'), { recursive: true });
    symlinkSync(path.join(outside, 'history.jsonl'), path.join(root, '.speccc/verify/history.jsonl'));
    const verify = await runCli(['verify'], { cwd: root });
    expect(verify.stderr).toContain('speccc: refusing to write through .speccc/verify/history.jsonl: it is a link');
    expect(verify.code).toBe(2);
    expect(readFileSync(path.join(outside, 'history.jsonl'), 'utf8')).toBe('');
    expect(existsSync(path.join(outside, 'index.html'))).toBe(false);
  }, 120_000);
});

describe('init through links', () => {
  for (const linked of ['specs', 'context', '.gitignore']) {
    it(`init into a folder whose ${linked} is a link out of it writes nothing, anywhere`, async () => {
      const root = workspaces.empty();
      const outside = workspaces.empty();
      if (linked === '.gitignore') writeFileSync(path.join(outside, 'gitignore'), 'theirs\n');
      symlinkSync(linked === '.gitignore' ? path.join(outside, 'gitignore') : outside, path.join(root, linked));
      const run = await runCli(['init', '--yes'], { cwd: root });
      expect(run.stderr).toContain(`speccc: refusing to write through ${linked}: it is a link to`);
      expect(run.code).toBe(2);
      expect(readdirSync(root).sort()).toEqual([linked]);
      expect(readdirSync(outside)).toEqual(linked === '.gitignore' ? ['gitignore'] : []);
      if (linked === '.gitignore') expect(readFileSync(path.join(outside, 'gitignore'), 'utf8')).toBe('theirs\n');
    });
  }
});

describe('the language server and odd URIs', () => {
  it('ignores a file URI with an encoded slash or a remote host, logs it, and goes on checking', async () => {
    const root = workspaces.copy(FIXTURE, ['replies']);
    const client = await startClient(root);
    try {
      for (const uri of ['file:///tmp/a%2Fb.md', 'file://fileserver/share/specs/x.md']) {
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: '# x\n' } });
      }
      const text = readFileSync(path.join(root, 'specs/slugify.md'), 'utf8');
      const opened = await client.open('specs/slugify.md', text.replace('## Who', '## Whoo'));
      expect(opened.diagnostics.length).toBeGreaterThan(0);
      expect(client.child.exitCode).toBeNull();
      expect(client.stderr()).not.toMatch(/TypeError|ERR_INVALID_FILE_URL/);
    } finally {
      await client.stop();
    }
  }, 60_000);
});
