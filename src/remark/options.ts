/**
 * The plugin's options -> the config speccc's checks read, or an Error that names the mistake.
 * The options are the config's `rules` map and are held to its rules (src/config/parse.ts): a
 * code of a check rule, set to off, warn or error, never turning down a locked code. A mistake
 * is thrown when the pipeline is set up (`.use()`), as remark-lint does with a bad severity: it
 * is the pipeline author's, and no file can be checked as they meant until it is fixed.
 */
import { CATALOGUE } from '../diagnostics/catalogue/index.js';
import { closest } from '../diagnostics/closest.js';
import { RULE_CODES } from '../phases/3-check/rules/index.js';
import { ConfigSchema, RULE_SEVERITIES } from '../schemas/config.js';
import type { SpecccConfig } from '../types/index.js';

export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export interface RemarkSpecccOptions {
  /** Severity per code of a check rule, as in speccc.config.json: `{ 'passive-no-actor': 'off' }`. */
  rules?: Readonly<Record<string, RuleSeverity>>;
}

export function configFromOptions(options: RemarkSpecccOptions | null | undefined): SpecccConfig {
  const rules = options?.rules ?? {};
  if (typeof rules !== 'object' || Array.isArray(rules)) throw new Error(`speccc/remark: \`rules\` is ${Array.isArray(rules) ? 'an array' : typeof rules}; expected an object of code: 'off' | 'warn' | 'error'`);
  for (const [code, level] of Object.entries(rules)) {
    if (!RULE_CODES.has(code)) {
      const guess = closest(code, RULE_CODES);
      throw new Error(`speccc/remark: unknown rule \`${code}\` in \`rules\`; ${guess ? `did you mean \`${guess}\`?` : 'expected the code of a check rule (docs/diagnostics.md)'}`);
    }
    if (!(RULE_SEVERITIES as readonly unknown[]).includes(level)) {
      throw new Error(`speccc/remark: rule \`${code}\` is set to ${JSON.stringify(level)}; expected one of ${RULE_SEVERITIES.map((s) => `'${s}'`).join(', ')}`);
    }
    const locked = CATALOGUE.get(code)?.locked;
    if (locked && level !== 'error') throw new Error(`speccc/remark: rule \`${code}\` cannot be set to \`${level}\`: ${locked}; expected it left out of \`rules\``);
  }
  const { $schema: _, ...config } = ConfigSchema.parse({ rules });
  return config;
}
