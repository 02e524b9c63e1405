/**
 * The catalogue of every diagnostic code. Each group lives in its own file; this index merges
 * them and refuses duplicates. docs/diagnostics.md is generated from it (npm run docs), and a
 * test fails when a code lacks a doc entry or a test sample.
 */
import type { CatalogueEntry } from './types.js';
import { INPUT } from './input.js';
import { FRONTMATTER } from './frontmatter.js';
import { SECTIONS } from './sections.js';
import { SCENARIOS } from './scenarios.js';
import { WORDING } from './wording.js';
import { REFERENCES } from './references.js';
import { TWINS } from './twins.js';
import { OUTPUTS } from './outputs.js';
import { CONFIG } from './config.js';
import { BUILD } from './build.js';
import { MODELS_AND_STATE } from './models.js';
import { HOLDOUTS } from './holdouts.js';
import { SUPPRESSIONS } from './suppressions.js';
import { REQUIREMENTS } from './requirements.js';
import { ADOPT_CODES } from './adopt.js';

const groups: CatalogueEntry[][] = [INPUT, FRONTMATTER, SECTIONS, SCENARIOS, WORDING, REFERENCES, TWINS, OUTPUTS, CONFIG, BUILD, MODELS_AND_STATE, HOLDOUTS, SUPPRESSIONS, REQUIREMENTS, ADOPT_CODES];

export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = (() => {
  const map = new Map<string, CatalogueEntry>();
  for (const entry of groups.flat()) {
    if (map.has(entry.code)) throw new Error(`duplicate diagnostic code in catalogue: ${entry.code}`);
    map.set(entry.code, entry);
  }
  return map;
})();

export type { CatalogueEntry } from './types.js';
