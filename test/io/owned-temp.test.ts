/**
 * A killed speccc cannot remove its scratch folders: the next one sweeps those whose owner process
 * is gone, and nothing else (src/io/owned-temp.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNER_FILE, ownedTemp, sweepOrphans } from '../../src/io/owned-temp.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace();

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('owned temporary folders', () => {
  it('removes the folders of a process that is gone, and leaves the rest alone', async () => {
    const tmp = workspaces.empty('speccc-owned-');
    const folder = (name: string, owner?: string) => {
      mkdirSync(path.join(tmp, name, 'tree'), { recursive: true });
      writeFileSync(path.join(tmp, name, 'tree', 'code.ts'), 'export {};\n');
      if (owner !== undefined) writeFileSync(path.join(tmp, name, OWNER_FILE), owner);
    };
    const dead = deadPid();
    folder('speccc-spare-dead', `${os.hostname()} ${dead}\n`);
    folder('speccc-sealed-dead', `${os.hostname()} ${dead}\n`);
    folder('speccc-judge-mine', `${os.hostname()} ${process.pid}\n`);
    folder('speccc-sealed-alive', `${os.hostname()} ${process.ppid}\n`);
    folder('speccc-spare-elsewhere', `another-host ${dead}\n`);
    folder('speccc-spare-unowned');
    folder('speccc-spare-garbled', 'rm -rf /\n');
    folder('other-tool-dead', `${os.hostname()} ${dead}\n`);
    // A link named like an owned folder, pointing at one with a dead owner: never followed.
    folder('target', `${os.hostname()} ${dead}\n`);
    symlinkSync(path.join(tmp, 'target'), path.join(tmp, 'speccc-spare-link'));

    expect((await sweepOrphans(tmp)).sort()).toEqual(['speccc-sealed-dead', 'speccc-spare-dead']);
    expect(readdirSync(tmp).sort()).toEqual(['other-tool-dead', 'speccc-judge-mine', 'speccc-sealed-alive', 'speccc-spare-elsewhere', 'speccc-spare-garbled', 'speccc-spare-link', 'speccc-spare-unowned', 'target']);
    expect(existsSync(path.join(tmp, 'target', 'tree', 'code.ts'))).toBe(true);
  });

  it('names its owner in every folder it makes, beside what a sandbox sees', async () => {
    const dir = workspaces.track(await ownedTemp('speccc-sealed-'));
    expect(path.dirname(dir)).toBe(os.tmpdir());
    expect(readFileSync(path.join(dir, OWNER_FILE), 'utf8')).toBe(`${os.hostname()} ${process.pid}\n`);
  });
});
