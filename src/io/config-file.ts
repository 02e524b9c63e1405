/** speccc.config.json from disk -> a validated config, or located diagnostics (a folder or unreadable file included). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { diagnostics as d } from '../diagnostics/messages.js';
import { CONFIG_FILE } from './raw-config.js';
import { defaultConfig, parseConfig, type LoadedConfig } from '../config/parse.js';

export async function loadConfig(root: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, CONFIG_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { config: defaultConfig(), file: null, diagnostics: [], spans: new Map() };
    const origin = { line: 1, column: 1, offset: 0 };
    const why = code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? (error as Error).message})`;
    return {
      config: defaultConfig(),
      file: CONFIG_FILE,
      diagnostics: [d.configUnreadable({ file: CONFIG_FILE, span: { start: origin, end: origin }, message: `${CONFIG_FILE} ${why}; expected a JSON file` })],
      spans: new Map(),
    };
  }
  return parseConfig(text);
}

