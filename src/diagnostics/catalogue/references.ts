import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** How specs refer to each other: ids, depends_on, links, and the graph they make. */
export const REFERENCES: CatalogueEntry[] = [
  {
    code: 'duplicate-id',
    severity: 'error',
    summary: 'Two specs have the same id',
    doc: 'Ids are how specs, the manifest and the build refer to a spec; two specs with one id make every reference ambiguous.',
    hint: 'Rename one of the ids (and the references to it).',
    ok: { files: { 'specs/checkout.md': spec('', { id: 'checkout' }), 'specs/cart.md': spec() } },
    notOk: { files: { 'specs/checkout.md': spec('', { id: 'cart', outputs: ['src/checkout.ts', 'src/checkout.test.ts'] }), 'specs/cart.md': spec() } },
  },
  {
    code: 'unknown-dependency',
    severity: 'error',
    summary: '`depends_on` names a spec that does not exist',
    doc: 'A dependency on a missing spec means the agent would build against an interface nobody defined.',
    hint: 'Correct the id, or write the missing spec.',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['mony'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
  },
  {
    code: 'unknown-link',
    severity: 'error',
    summary: 'A link points to a spec file that does not exist',
    doc: 'A markdown link to another `.md` file under specs/ is a reference, like depends_on; a broken one usually means a spec was renamed or moved.',
    hint: 'Fix the link\'s path (it is relative to the linking file).',
    ok: { files: { 'specs/invoice.md': spec('## What\n\nTotals an invoice in [money](money.md).\n', { id: 'invoice' }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
    notOk: { files: { 'specs/invoice.md': spec('## What\n\nTotals an invoice in [money](mony.md).\n', { id: 'invoice' }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
  },
  {
    code: 'self-dependency',
    severity: 'error',
    summary: 'A spec depends on itself',
    doc: 'A spec cannot be built after itself.',
    hint: 'Remove the spec\'s own id from depends_on.',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['invoice'] }) } },
  },
  {
    code: 'dependency-cycle',
    severity: 'error',
    summary: 'Specs depend on each other in a cycle',
    doc: 'A spec is generated after the specs it depends on, so a cycle has no order to build in. The cycle is printed in full and reported once, on the spec whose id sorts first, with the other members as related locations.',
    hint: 'Break the cycle: move what both need into a spec they both depend on.',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture', depends_on: ['invoice'] }) } },
  },
  {
    code: 'depends-on-unready',
    severity: 'error',
    summary: 'A ready spec depends on a draft or deprecated spec',
    doc: 'Only ready specs are built. A ready spec that builds on a draft would be generated against an interface that does not exist yet; one on a deprecated spec against one that is going away.',
    hint: 'Make the dependency ready, or keep this spec in draft until it is.',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture', status: 'ready' }) } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture', status: 'draft' }) } },
  },
  {
    code: 'deprecated-still-used',
    severity: 'warning',
    summary: 'A deprecated spec is still depended on',
    doc: 'Deprecating a spec announces its removal; specs that still depend on it (draft ones included) will break when it goes.',
    hint: 'Move the dependents to the replacement before removing the deprecated spec.',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', status: 'draft', depends_on: ['tax'] }), 'specs/tax.md': spec('', { id: 'tax' }), 'specs/legacy-tax.md': spec('', { id: 'legacy-tax', status: 'deprecated' }) } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', status: 'draft', depends_on: ['legacy-tax'] }), 'specs/legacy-tax.md': spec('', { id: 'legacy-tax', status: 'deprecated' }) } },
  },
];
