/**
 * One test per folder in test/remark/samples/: each holds specs (and the plugin's options in
 * options.json), and `expected.txt` is exactly what vfile-reporter prints for them (verbose, no
 * colour) after `unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkSpeccc,
 * options)`: each message's place, severity, reason, code, source, docs url and note.
 * UPDATE=1 rewrites the expectations; SAMPLE=name runs one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import { runPlugin } from './run-plugin.js';

const dir = path.join(import.meta.dirname, 'samples');
const only = process.env.SAMPLE;
const samples = readdirSync(dir).filter((name) => !only || name === only).sort();

describe('remark plugin samples', () => {
  for (const name of samples) {
    it(name, async () => {
      const root = path.join(dir, name);
      const optionsFile = path.join(root, 'options.json');
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : undefined;
      const specs = readdirSync(path.join(root, 'specs')).filter((f) => f.endsWith('.md')).sort();
      const files = await Promise.all(specs.map((spec) => runPlugin(root, `specs/${spec}`, options)));
      const actual = `${reporter(files, { color: false, verbose: true })}\n`;
      const expectedFile = path.join(root, 'expected.txt');
      if (process.env.UPDATE === '1') writeFileSync(expectedFile, actual);
      expect(existsSync(expectedFile), `${name} has no expected.txt (run with UPDATE=1)`).toBe(true);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
