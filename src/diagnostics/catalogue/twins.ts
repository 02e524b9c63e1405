import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

const payments = () => spec('', { id: 'payments', kind: 'twin' });

/** Service twins: twin specs and the specs that declare them in `uses_twins` (docs/twins.md). */
export const TWINS: CatalogueEntry[] = [
  {
    code: 'unknown-twin',
    severity: 'error',
    summary: '`uses_twins` names a spec that does not exist',
    doc: 'Every sealed run of the spec\'s code starts the twins it uses; a twin nobody specified cannot be built or started, so the code would be tested against nothing.',
    hint: 'Correct the id, or write the twin spec (kind: twin).',
    ok: { files: { 'specs/checkout.md': spec('', { id: 'checkout', uses_twins: ['payments'] }), 'specs/payments.md': payments() } },
    notOk: { files: { 'specs/checkout.md': spec('', { id: 'checkout', uses_twins: ['payment'] }), 'specs/payments.md': payments() } },
  },
  {
    code: 'not-a-twin',
    severity: 'error',
    summary: '`uses_twins` names a spec that is not a twin',
    doc: 'Only a spec of kind `twin` describes an external service that speccc can start beside the code under test; other specs are built on with `depends_on`.',
    hint: 'Move the id to depends_on, or give the service a twin spec.',
    ok: { files: { 'specs/checkout.md': spec('', { id: 'checkout', depends_on: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
    notOk: { files: { 'specs/checkout.md': spec('', { id: 'checkout', uses_twins: ['money'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture' }) } },
  },
  {
    code: 'twin-unready',
    severity: 'error',
    summary: 'A ready spec uses a draft or deprecated twin',
    doc: 'Only ready twins are built and started. A ready spec that uses a draft twin would be validated against a service that does not exist yet.',
    hint: 'Make the twin ready, or keep this spec in draft until it is.',
    ok: { files: { 'specs/checkout.md': spec('', { id: 'checkout', uses_twins: ['payments'] }), 'specs/payments.md': payments() } },
    notOk: { files: { 'specs/checkout.md': spec('', { id: 'checkout', uses_twins: ['payments'] }), 'specs/payments.md': spec('', { id: 'payments', kind: 'twin', status: 'draft' }) } },
  },
  {
    code: 'twin-in-depends-on',
    severity: 'error',
    summary: '`depends_on` names a twin',
    doc: 'A twin stands in for an external service in tests; code must never import it, and the job prompt shows its spec, not its code. `uses_twins` says the code calls the service.',
    hint: 'Move the id from depends_on to uses_twins.',
    ok: { files: { 'specs/checkout.md': spec('', { id: 'checkout', uses_twins: ['payments'] }), 'specs/payments.md': payments() } },
    notOk: { files: { 'specs/checkout.md': spec('', { id: 'checkout', depends_on: ['payments'] }), 'specs/payments.md': payments() } },
  },
  {
    code: 'twin-entry-missing',
    severity: 'error',
    summary: 'A twin spec does not own its entry point `twins/<id>/server.ts`',
    doc: 'speccc starts every twin the same way: it imports `twins/<id>/server.ts` and calls its `start({ port, host, state })`. A twin without that module cannot be started.',
    hint: 'Add `twins/<id>/server.ts` to the outputs (it exports `start`).',
    ok: { files: { 'specs/payments.md': payments() } },
    notOk: { files: { 'specs/payments.md': spec('', { id: 'payments', kind: 'twin', outputs: ['twins/payments/index.ts', 'twins/payments/index.test.ts'] }) } },
  },
  {
    code: 'uses-twins-not-allowed',
    severity: 'error',
    summary: 'A twin or constraint spec lists `uses_twins`',
    doc: 'A twin is a self-contained clone of one service, and a constraint spec is not built: neither runs against other twins.',
    hint: 'Remove `uses_twins` from this spec.',
    ok: { files: { 'specs/payments.md': payments(), 'specs/fraud.md': spec('', { id: 'fraud', kind: 'twin' }) } },
    notOk: { files: { 'specs/payments.md': spec('', { id: 'payments', kind: 'twin', uses_twins: ['fraud'] }), 'specs/fraud.md': spec('', { id: 'fraud', kind: 'twin' }) } },
  },
];
