/** The config file's name, relative to the workspace root. */
export const CONFIG_FILE = 'speccc.config.json';
