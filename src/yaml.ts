/**
 * The yaml library, loaded on first use. Most runs never need it: flat frontmatter is read by
 * phases/2-model/simple-yaml.ts, and the config's key spans only matter for a diagnostic. Loading
 * it costs ~27 ms of start-up in every process and parse worker that imports it.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let loaded: Yaml | undefined;

export const yaml = (): Yaml => (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
