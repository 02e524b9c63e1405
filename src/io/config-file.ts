/** speccc.config.json from disk -> a validated config, or located diagnostics (a folder or unreadable file included). */
import { diagnostics as d } from '../diagnostics/messages.js';
import { CONFIG_FILE, readRawConfig, type RawConfig } from './raw-config.js';
import { defaultConfig, parseConfig, type LoadedConfig } from '../config/parse.js';

export async function loadConfig(root: string): Promise<LoadedConfig> {
  return loadedConfigOf(await readRawConfig(root));
}

/** The config a run read (readRawConfig), validated: no second read of the file. */
export function loadedConfigOf(raw: RawConfig): LoadedConfig {
  if (raw.unread === undefined) return parseConfig(raw.text);
  if (raw.unread === 'ENOENT') return { config: defaultConfig(), file: null, diagnostics: [], spans: new Map() };
  const origin = { line: 1, column: 1, offset: 0 };
  const why = raw.unread === 'EISDIR' ? 'is a folder' : `cannot be read (${raw.unread})`;
  return {
    config: defaultConfig(),
    file: CONFIG_FILE,
    diagnostics: [d.configUnreadable({ file: CONFIG_FILE, span: { start: origin, end: origin }, message: `${CONFIG_FILE} ${why}; expected a JSON file` })],
    spans: new Map(),
  };
}

