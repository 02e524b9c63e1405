import type { Manifest } from '../../types/index.js';

/** Bumped when the manifest's shape changes. */
export const MANIFEST_FORMAT = 1;

export const emptyManifest = (version: string): Manifest => ({ format: MANIFEST_FORMAT, speccc: version, specs: new Map() });
