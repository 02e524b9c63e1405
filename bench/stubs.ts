/** What the runtime benches put in place of a model's work and of validation: they measure the runtime against the API, not either of those. */
import type { Validator } from '../src/types/index.js';
import { textReply, writeFilesTurn, type RequestContext } from '../src/api-twin/index.js';

/** A twin script: writes whatever files the job prompt lists, with a body of realistic length. */
export function writeListedFiles(ctx: RequestContext) {
  if (!ctx.awaitsWork) return textReply('Done.');
  const files = [...ctx.lastUserText.matchAll(/^- `([^`]+)`$/gm)].map((m) => m[1]!);
  return writeFilesTurn(Object.fromEntries(files.map((f) => [f, `// ${f}\n${'export const line = 1;\n'.repeat(40)}`])));
}

/** A validator that passes everything (validation is measured on its own, bench/sandbox.bench.ts). */
export const passing: Validator = {
  visible: async () => ({ passed: true, feedback: '', durationMs: 0 }),
  holdout: async () => ({ passed: true, feedback: '', durationMs: 0, scenarios: [] }),
  mutate: async () => ({ result: null, error: 'not scored in this bench', durationMs: 0 }),
  prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
};
