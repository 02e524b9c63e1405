/**
 * Fixtures every test file would otherwise write again: a twin of the Messages API that closes
 * after each test, and temporary workspaces removed after each test. Call at the top of a test
 * file (they register vitest hooks).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { directoryScript, startTwin, type Twin } from '../../src/api-twin/index.js';
import { removeAll, repo } from './workspaces.js';

export const TEST_KEY = 'sk-ant-test-9f8e7d6c5b4a';

/** A twin started per test (`start`), closed after it; `env()` points speccc's CLI at it with a test key. */
export function useTwin() {
  let twin: Twin | undefined;
  afterEach(async () => {
    await twin?.close();
    twin = undefined;
  });
  return {
    async start(options: Parameters<typeof startTwin>[0] = {}): Promise<Twin> {
      await twin?.close();
      twin = await startTwin(options);
      return twin;
    },
    /** Answers each job from `<dir>/<spec-id>/<output path>` (the twin's directory script). */
    async replies(dir: string): Promise<Twin> {
      return this.start({ script: await directoryScript(dir) });
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

/** Temporary workspaces, removed after each test. */
export function useTempWorkspace() {
  const temps: string[] = [];
  afterEach(() => removeAll(temps));
  return {
    /** An empty folder. */
    empty(): string {
      const root = mkdtempSync(path.join(tmpdir(), 'speccc-test-'));
      temps.push(root);
      return root;
    },
    /** A copy of a folder of the repository (a fixture or an example), minus `leave`. */
    copy(from: string, leave: string[] = []): string {
      const root = this.empty();
      const source = path.resolve(repo, from);
      cpSync(source, root, { recursive: true, filter: (src) => !leave.some((l) => src === path.join(source, l) || src.startsWith(`${path.join(source, l)}${path.sep}`)) });
      return root;
    },
  };
}
