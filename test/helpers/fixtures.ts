/**
 * Fixtures every test file would otherwise write again: a twin of the Messages API that is
 * closed after each test (or after the file), and temporary workspaces removed after each test
 * (or after the file). Call at the top of a test file or a describe block (they register vitest
 * hooks in the scope they are called in).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { directoryScript, startTwin, type Twin } from '../../src/api-twin/index.js';
import { exampleCopy, exampleWith, moneyOnly, removeAll, repo } from './workspaces.js';

export const TEST_KEY = 'sk-ant-test-9f8e7d6c5b4a';

/**
 * When a fixture cleans up: after each test (the default: no test sees another's state), or
 * once after the file or describe block, for a twin or workspace that its tests share on purpose
 * (built once in `beforeAll`).
 */
export type FixtureScope = 'each' | 'all';

const after = (scope: FixtureScope) => (scope === 'all' ? afterAll : afterEach);

/** A twin started per test (`start`), closed after it; `env()` points speccc's CLI at it with a test key. */
export function useTwin(options: { scope?: FixtureScope } = {}) {
  let twin: Twin | undefined;
  after(options.scope ?? 'each')(async () => {
    await twin?.close();
    twin = undefined;
  });
  return {
    /** Starts a twin, closing the one this fixture started before (a test that needs a dead API closes it itself). */
    async start(options: Parameters<typeof startTwin>[0] = {}): Promise<Twin> {
      await twin?.close();
      twin = await startTwin(options);
      return twin;
    },
    /** Answers each job from `<dir>/<spec-id>/<output path>` (the twin's directory script). */
    async replies(dir: string): Promise<Twin> {
      return this.start({ script: await directoryScript(dir) });
    },
    /** The twin this fixture started and has not closed, if any. */
    get running(): Twin | undefined {
      return twin;
    },
    get twin(): Twin {
      if (!twin) throw new Error('test bug: the twin is not started');
      return twin;
    },
    env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
      return { ANTHROPIC_BASE_URL: this.twin.url, ANTHROPIC_API_KEY: TEST_KEY, PATH: process.env.PATH, ...extra };
    },
  };
}

/** Temporary workspaces, removed after each test (or once, with `scope: 'all'`). */
export function useTempWorkspace(options: { scope?: FixtureScope } = {}) {
  const temps: string[] = [];
  after(options.scope ?? 'each')(() => removeAll(temps));
  return {
    /** The folders made so far, for helpers that take a clean-up list (test/helpers/workspaces.ts). */
    temps,
    /** An empty folder; `prefix` names it (some tests need a space or `#` in the path). */
    empty(prefix = 'speccc-test-'): string {
      return this.track(mkdtempSync(path.join(tmpdir(), prefix)));
    },
    /** Removes `dir` with the others: for a folder a test made itself. */
    track(dir: string): string {
      temps.push(dir);
      return dir;
    },
    /** A copy of a folder of the repository (a fixture or an example), minus `leave`. */
    copy(from: string, leave: string[] = []): string {
      const root = this.empty();
      const source = path.resolve(repo, from);
      cpSync(source, root, { recursive: true, filter: (src) => !leave.some((l) => src === path.join(source, l) || src.startsWith(`${path.join(source, l)}${path.sep}`)) });
      return root;
    },
    /** The named parts of the bundled example (default: specs and context). */
    example(parts?: string[]): string {
      return exampleCopy(temps, parts);
    },
    /** Only the example's money spec, its constraint and the context: one job per build. */
    moneyOnly(): string {
      return moneyOnly(temps);
    },
    /** The money spec, the constraint, the context and the named feature specs of the example. */
    exampleWith(features: string[]): string {
      return exampleWith(temps, features);
    },
  };
}
