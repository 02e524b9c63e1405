import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import { priceOf } from '../../../prices/pricing.js';
import { PRICE_ROWS } from '../../../prices/prices.js';
import { closest } from '../../../diagnostics/closest.js';
import type { Rule } from '../rule.js';

/**
 * Every model a ready spec is routed to must have a price (speccc's table or `model.prices`),
 * so every request can be reserved against the budget before it is sent. Reported where the
 * model is named: the spec's `model:`, or the config's routing (its fallback models included).
 */
export const modelUnpricedRule: Rule = {
  id: 'model-unpriced',
  codes: ['model-unpriced'],
  scope: { kind: 'workspace', own: 'none', reads: ['all-frontmatter', 'config'] },
  check({ workspace, config, configSpans }) {
    const out: Diagnostic[] = [];
    const prices = config.model.prices;
    const known = [...new Set([...PRICE_ROWS.filter((r) => !r.retired).map((r) => r.model).filter((m) => !m.endsWith('*')), ...Object.keys(prices)])];
    // Most unknown ids are typos of a known one: name it.
    const expected = (model: string) => {
      const guess = closest(model, known);
      return guess ? `did you mean \`${guess}\`?` : 'expected a model of the current lineup or one priced under model.prices';
    };
    const origin = { line: 1, column: 1, offset: 0 };
    const configured = new Map<string, string>([['model.default', config.model.default]]);
    for (const [kind, model] of Object.entries(config.model.byKind)) if (model) configured.set(`model.byKind.${kind}`, model);
    // The fallback a refused job moves to is priced and budgeted like its own model.
    const fallback = config.model.fallbackModel;
    if (typeof fallback === 'string') configured.set('model.fallbackModel', fallback);
    else for (const [kind, model] of Object.entries(fallback ?? {})) if (model) configured.set(`model.fallbackModel.${kind}`, model);
    const fallbackKey = (kind: string) => (typeof fallback === 'string' ? 'model.fallbackModel' : configured.has(`model.fallbackModel.${kind}`) ? `model.fallbackModel.${kind}` : undefined);
    const used = new Set<string>();
    for (const spec of workspace.byId.values()) {
      const fm = spec.frontmatter!;
      if (fm.status !== 'ready' || fm.kind === 'constraint') continue;
      const fallbackOf = fallbackKey(fm.kind);
      if (fallbackOf) used.add(fallbackOf);
      if (fm.model) {
        if (!priceOf(fm.model, prices)) {
          out.push(d.modelUnpriced({ file: spec.file, span: spec.frontmatterSpans?.fields.model ?? spec.frontmatterSpans!.block, message: `Model \`${fm.model}\` has no known price; ${expected(fm.model)}` }));
        }
        continue;
      }
      used.add(config.model.byKind[fm.kind] ? `model.byKind.${fm.kind}` : 'model.default');
    }
    for (const key of used) {
      const model = configured.get(key)!;
      if (priceOf(model, prices)) continue;
      const span = configSpans.get(`value:${key}`) ?? { start: origin, end: origin };
      out.push(d.modelUnpriced({ file: 'speccc.config.json', span, message: `Model \`${model}\` (${key}) has no known price; ${expected(model)}` }));
    }
    return out;
  },
};
