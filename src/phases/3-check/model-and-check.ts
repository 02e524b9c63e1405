/** Spec files' bytes -> their models with the spec-local findings: what a parse worker, or the calling thread, does with a batch of files. */
import type { ModelledFile } from '../../types/index.js';
import { parseSpecFile } from '../1-parse/index.js';
import { modelSpec } from '../2-model/index.js';
import { checkSpecsLocally } from './spec-local.js';

export function modelAndCheck(files: readonly { file: string; bytes: Uint8Array; hash: string }[]): ModelledFile[] {
  const models = files.map((f) => modelSpec(parseSpecFile(f.file, f.bytes, f.hash)));
  const checked = checkSpecsLocally(models);
  return models.map((m, i) => ({ ...m, checked: checked[i]! }));
}
