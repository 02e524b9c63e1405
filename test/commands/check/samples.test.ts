/**
 * One test per folder in test/commands/check/samples/: each is a small workspace, and `expected.txt` is
 * exactly what `speccc check` prints for it (text format, no colour) followed by the exit code.
 * UPDATE=1 rewrites the expectations; SAMPLE=name runs one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const dir = path.join(import.meta.dirname, 'samples');
const only = process.env.SAMPLE;
const samples = readdirSync(dir).filter((name) => !only || name === only).sort();

describe('speccc check samples', () => {
  for (const name of samples) {
    it(name, async () => {
      const root = path.join(dir, name);
      const argsFile = path.join(root, 'args.txt');
      const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
      const run = await runCli(['check', '--no-cache', ...extra], { cwd: root });
      const actual = `${run.stdout}${run.stderr}exit ${run.code}\n`;
      const expectedFile = path.join(root, 'expected.txt');
      if (process.env.UPDATE === '1') writeFileSync(expectedFile, actual);
      expect(existsSync(expectedFile), `${name} has no expected.txt (run with UPDATE=1)`).toBe(true);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
