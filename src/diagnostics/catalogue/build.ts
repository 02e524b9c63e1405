import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** Problems found while planning a build or comparing generated/ with the manifest. */
export const BUILD: CatalogueEntry[] = [
  {
    code: 'template-error',
    severity: 'error',
    summary: 'A prompt template does not compile or render',
    doc: 'Templates are handlebars in strict mode: a syntax error, an unknown partial or a misspelt field stops the build before any agent is called.',
    hint: 'Fix the template at the line shown, or delete the workspace override to use speccc\'s default.',
    ok: { files: { 'templates/job.hbs': 'speccc-spec-id: {{spec.id}}\n\n{{spec.source}}\n', 'specs/cart.md': spec() }, command: ['build', '--dry-run'] },
    notOk: { files: { 'templates/job.hbs': 'speccc-spec-id: {{spec.idd}}\n\n{{spec.source}}\n', 'specs/cart.md': spec() }, command: ['build', '--dry-run'] },
  },
  {
    code: 'generated-drift',
    severity: 'error',
    summary: 'A generated file was edited by hand',
    doc: 'Files in generated/ are derived from specs; the manifest records each file\'s hash. A file whose content no longer matches was edited by hand, and the next build will overwrite it.',
    hint: 'Change the spec instead, then run `speccc build` (it regenerates the file).',
    ok: { files: { 'specs/cart.md': spec() }, build: {} },
    notOk: { files: { 'specs/cart.md': spec() }, build: { thenEdit: { 'generated/src/cart.ts': 'export const total = 1; // edited by hand\n' } } },
  },
  {
    code: 'generated-missing',
    severity: 'error',
    summary: 'A generated file recorded in the manifest is missing',
    doc: 'The manifest lists every file speccc generated; one that is gone was deleted by hand.',
    hint: 'Run `speccc build` to regenerate it.',
    ok: { files: { 'specs/cart.md': spec() }, build: {} },
    notOk: { files: { 'specs/cart.md': spec() }, build: { thenEdit: { 'generated/src/cart.test.ts': null } } },
  },
  {
    code: 'generated-unowned',
    severity: 'error',
    summary: 'A file in generated/ is not owned by any spec',
    doc: 'Everything in generated/ is derived output. A file no spec declares was added by hand and will be removed by the next build.',
    hint: 'Move the file out of generated/, or declare it in a spec\'s outputs.',
    ok: { files: { 'specs/cart.md': spec() }, build: {} },
    notOk: { files: { 'specs/cart.md': spec() }, build: { thenEdit: { 'generated/notes.txt': 'Ideas for the next release.\n' } } },
  },
];
