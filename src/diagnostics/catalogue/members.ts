import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

const CONFIG = (members: string) => `{ "members": ${members} }\n`;
const billing = spec('', { id: 'invoice', kind: 'architecture' });
const shop = (dep: string) => spec('', { id: 'cart', depends_on: [dep] });

/** A monorepo's members (the root config's `members`) and the qualified ids that cross them. */
export const MEMBERS: CatalogueEntry[] = [
  {
    code: 'member-duplicate',
    severity: 'error',
    summary: 'A monorepo member is listed twice',
    doc: 'Each member is one namespace of spec ids and one folder of generated code; a member listed twice (the same folder, or two folders with one name) would put two sets of specs under one qualifier. Any config finding stops a command with exit code 2 before anything is built.',
    hint: 'List each member folder once; give members that share a folder name a `name` of their own.',
    ok: { files: { 'speccc.config.json': CONFIG('["packages/billing", "packages/shop"]'), 'packages/billing/specs/invoice.md': billing, 'packages/shop/specs/cart.md': shop('billing:invoice') } },
    notOk: { files: { 'speccc.config.json': CONFIG('["packages/billing", "packages/billing/"]'), 'packages/billing/specs/invoice.md': billing } },
  },
  {
    code: 'member-missing',
    severity: 'error',
    summary: 'A monorepo member is not a folder of the workspace',
    doc: 'A member the config lists must be a folder inside the monorepo (with its specs, and optionally its own speccc.config.json). A misspelt or deleted member would otherwise drop its specs, and everything depending on them, from every check and build. Any config finding stops a command with exit code 2.',
    hint: 'Correct the folder, or remove the entry.',
    ok: { files: { 'speccc.config.json': CONFIG('["packages/billing"]'), 'packages/billing/specs/invoice.md': billing } },
    notOk: { files: { 'speccc.config.json': CONFIG('["packages/billing", "packages/shp"]'), 'packages/billing/specs/invoice.md': billing } },
  },
  {
    code: 'unknown-member',
    severity: 'error',
    locked: 'a build orders specs by their dependencies',
    summary: 'A qualified id names a member the monorepo does not have',
    doc: 'In a monorepo, `depends_on: [billing:invoice]` names spec `invoice` of member `billing`; an id without a `:` names a spec of the same member. A qualifier no member has (or a qualified id in a workspace without members) names nothing.',
    hint: 'Use the name of a member the root config lists (`speccc check` at the root lists every member\'s specs).',
    ok: { files: { 'speccc.config.json': CONFIG('["packages/billing", "packages/shop"]'), 'packages/shop/specs/cart.md': shop('billing:invoice'), 'packages/billing/specs/invoice.md': billing } },
    notOk: { files: { 'speccc.config.json': CONFIG('["packages/billing", "packages/shop"]'), 'packages/shop/specs/cart.md': shop('biling:invoice'), 'packages/billing/specs/invoice.md': billing } },
  },
];
