import type { CatalogueEntry } from './types.js';

/** Problems found while planning a build or comparing generated/ with the manifest. */
export const BUILD: CatalogueEntry[] = [
  {
    code: 'template-error',
    severity: 'error',
    summary: 'A prompt template does not compile or render',
    doc: 'Templates are handlebars in strict mode: a syntax error, an unknown partial or a misspelt field stops the build before any agent is called.',
    hint: 'Fix the template at the line shown, or delete the workspace override to use speccc\'s default.',
    ok: 'templates/job.hbs: speccc-spec-id: {{spec.id}}',
    notOk: 'templates/job.hbs: speccc-spec-id: {{spec.idd}}',
  },
  {
    code: 'generated-drift',
    severity: 'error',
    summary: 'A generated file was edited by hand',
    doc: 'Files in generated/ are derived from specs; the manifest records each file\'s hash. A file whose content no longer matches was edited by hand, and the next build will overwrite it.',
    hint: 'Change the spec instead, then run `speccc build` (it regenerates the file).',
    ok: 'generated/src/money.ts as written by speccc build',
    notOk: 'generated/src/money.ts edited in an editor',
  },
  {
    code: 'generated-missing',
    severity: 'error',
    summary: 'A generated file recorded in the manifest is missing',
    doc: 'The manifest lists every file speccc generated; one that is gone was deleted by hand.',
    hint: 'Run `speccc build` to regenerate it.',
    ok: 'generated/src/money.ts present',
    notOk: 'generated/src/money.ts deleted',
  },
  {
    code: 'generated-unowned',
    severity: 'error',
    summary: 'A file in generated/ is not owned by any spec',
    doc: 'Everything in generated/ is derived output. A file no spec declares was added by hand and will be removed by the next build.',
    hint: 'Move the file out of generated/, or declare it in a spec\'s outputs.',
    ok: 'generated/ holds only declared outputs',
    notOk: 'generated/notes.txt added by hand',
  },
];
