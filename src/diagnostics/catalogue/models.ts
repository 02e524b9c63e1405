import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** Models, prices and speccc's own state files: problems that would otherwise surface only after money is spent. */
export const MODELS_AND_STATE: CatalogueEntry[] = [
  {
    code: 'model-unpriced',
    severity: 'error',
    locked: 'every request is reserved against the budget before it is sent',
    summary: 'A spec is routed to a model speccc has no price for',
    doc: 'A budget is a cap only if every request can be priced before it is sent. A model id speccc does not know (often a typo) is refused before any request, never priced by guesswork.',
    hint: 'Use a model from the current lineup (docs/models.md), or add its prices under `model.prices` in speccc.config.json.',
    ok: { files: { 'specs/cart.md': spec('', { more: 'model: claude-sonnet-5-5' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { more: 'model: claude-sonet-5-5' }) } },
  },
  {
    code: 'model-unknown',
    severity: 'error',
    summary: 'The Models API does not know a model a build would use, or lists it as retired',
    doc: 'At the start of a build speccc confirms each model id with the Models API (`GET /v1/models/{id}`), so a model the account cannot use fails before anything is spent. Only the API\'s `not_found_error` for the id is this error: a Models API that is overloaded, rate-limited or unreachable is retried, and if that persists the build stops with an API fault (exit 1) that names it, never with this diagnostic. A model the API lists as retired is this error too (requests naming it fail); one that is only deprecated is a warning on stderr with its retirement date and a suggested successor.',
    hint: 'Fix the model id in the spec\'s frontmatter or in speccc.config.json (for a retired model, use its successor), or ask for access to the model.',
    ok: { files: { 'speccc.config.json': '{ "agent": { "maxTurns": 1 }, "validation": { "maxFixAttempts": 0 } }\n', 'specs/cart.md': spec('', { more: 'model: claude-sonnet-5-5' }) }, command: ['build'], api: true },
    notOk: {
      files: { 'speccc.config.json': '{ "model": { "prices": { "claude-sonnet-9": { "input": 2, "output": 10 } } } }\n', 'specs/cart.md': spec('', { more: 'model: claude-sonnet-9' }) },
      command: ['build'],
      api: true,
      note: 'The model has a price (set in the config), but the API has no such model.',
    },
  },
  {
    code: 'manifest-unreadable',
    severity: 'error',
    summary: 'generated/.speccc/manifest.json is corrupt',
    doc: 'The manifest records which spec wrote each generated file. A manifest that is not valid JSON or does not match the format cannot be trusted: every spec is treated as never built, and the next build rewrites it.',
    hint: 'Run `speccc build` to rewrite it (restore it from version control first if generated/ must not change).',
    ok: { files: { 'specs/cart.md': spec() }, build: {} },
    notOk: { files: { 'specs/cart.md': spec() }, build: { thenEdit: { 'generated/.speccc/manifest.json': '{ "format": 1, "specs": ' } } },
  },
  {
    code: 'config-unreadable',
    severity: 'error',
    summary: 'speccc.config.json exists but cannot be read as a file',
    doc: 'A config path that is a folder, or a file speccc may not read, would otherwise be silently ignored and every default applied.',
    hint: 'Make speccc.config.json a readable file, or remove it to use the defaults.',
    ok: { files: { 'speccc.config.json': '{}\n', 'specs/cart.md': spec() } },
    notOk: { files: { 'speccc.config.json/README.md': 'A folder where the config file should be.\n', 'specs/cart.md': spec() } },
  },
  {
    code: 'config-paths-overlap',
    severity: 'error',
    summary: 'paths.generated overlaps another folder or leaves the workspace',
    doc: 'Every build replaces the generated folder as a whole. If it were the workspace root, the specs, context, templates or scenarios folder (or inside or around one of them), or outside the workspace, a build would delete what it replaces.',
    hint: 'Point paths.generated at a folder of its own inside the workspace, such as "generated".',
    ok: { files: { 'speccc.config.json': '{ "paths": { "generated": "out/generated" } }\n', 'specs/cart.md': spec() } },
    notOk: { files: { 'speccc.config.json': '{ "paths": { "generated": "specs" } }\n', 'specs/cart.md': spec() } },
  },
];
