/**
 * Writes the generated documents from their single sources:
 * - docs/diagnostics.md from the diagnostic catalogue;
 * - schemas/frontmatter.schema.json and schemas/config.schema.json from the zod schemas.
 * `npm run docs` runs it; test/e2e/docs.test.ts fails when a committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderGeneratedDocs } from './render-docs.js';

const root = path.resolve(import.meta.dirname, '..');
for (const [file, content] of Object.entries(renderGeneratedDocs())) {
  writeFileSync(path.join(root, file), content);
  console.log(`wrote ${file}`);
}
