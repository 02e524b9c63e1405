import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** speccc.config.json. Any of these stops a command with exit code 2. */
export const CONFIG: CatalogueEntry[] = [
  {
    code: 'config-invalid-json',
    severity: 'error',
    summary: 'speccc.config.json is not valid JSON',
    doc: 'The config file is strict JSON (no comments, no trailing commas).',
    hint: 'Fix the JSON syntax at the position shown.',
    ok: { files: { 'speccc.config.json': '{ "concurrency": 4 }\n', 'specs/cart.md': spec() } },
    notOk: { files: { 'speccc.config.json': '{ "concurrency": 4, }\n', 'specs/cart.md': spec() } },
  },
  {
    code: 'config-unknown-key',
    severity: 'error',
    summary: 'speccc.config.json has a key speccc does not know',
    doc: 'Unknown keys are errors so that a misspelt setting (`maxFixAttempt`) cannot silently fall back to its default.',
    hint: 'Remove the key or correct its name; schemas/config.schema.json lists every key.',
    ok: { files: { 'speccc.config.json': '{ "validation": { "maxFixAttempts": 3 } }\n', 'specs/cart.md': spec() } },
    notOk: { files: { 'speccc.config.json': '{ "validation": { "maxFixAttempt": 3 } }\n', 'specs/cart.md': spec() } },
  },
  {
    code: 'config-invalid-value',
    severity: 'error',
    summary: 'A config value has the wrong type or is out of range',
    doc: 'Each setting has a type and a range (for example concurrency is a whole number from 1 to 64).',
    hint: 'Use a value of the documented type; schemas/config.schema.json describes each key.',
    ok: { files: { 'speccc.config.json': '{ "concurrency": 4 }\n', 'specs/cart.md': spec() } },
    notOk: { files: { 'speccc.config.json': '{ "concurrency": "four" }\n', 'specs/cart.md': spec() } },
  },
];
