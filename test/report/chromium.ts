/**
 * The system's Chromium (/usr/bin/chromium) through playwright-core, for the tests that look at
 * the report as a person sees it; nothing downloads a browser. Screenshots go to
 * test/report/screenshots/ (gitignored) for people to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { useTempWorkspace } from '../helpers/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SHOTS = path.join(import.meta.dirname, 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * One Chromium for the test file (launched before its tests, closed after them) and a temporary
 * folder, named by `prefix`, for the pages the tests write and open from file://.
 */
export function useChromium(prefix: string) {
  const temps = useTempWorkspace({ scope: 'all' });
  let browser: Browser | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = temps.empty(prefix);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('test bug: Chromium is not launched');
      return browser;
    },
    get dir(): string {
      return dir;
    },
  };
}
