/** Temporary copies of the bundled example workspace for tests; each test file passes its own list to clean up. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '../..');

/** What each spec of the example owns. */
export const EXAMPLE_OUTPUTS: Record<string, string[]> = {
  money: ['package.json', 'tsconfig.json', 'src/money.ts', 'src/money.test.ts'],
  'line-items': ['src/line-items.ts', 'src/line-items.test.ts'],
  'discount-codes': ['src/discount-codes.ts', 'src/discount-codes.test.ts'],
  'invoice-totals': ['src/invoice-totals.ts', 'src/invoice-totals.test.ts'],
};

/** A temp copy of the named parts of the example (default: specs and context). */
export function exampleCopy(temps: string[], parts: string[] = ['specs', 'context']): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-test-'));
  temps.push(root);
  for (const part of parts) if (existsSync(path.join(repo, part))) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
  return root;
}

/** Only the money spec, the constraint and the context: one job per build. */
export function moneyOnly(temps: string[]): string {
  const root = exampleCopy(temps, ['context']);
  mkdirSync(path.join(root, 'specs'), { recursive: true });
  for (const dir of ['core', 'constraints']) cpSync(path.join(repo, 'specs', dir), path.join(root, 'specs', dir), { recursive: true });
  return root;
}

export const removeAll = (temps: string[]) => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true }));

/** The money spec, the constraint, the context and the named feature specs only: fewer jobs per build. */
export function exampleWith(temps: string[], features: string[]): string {
  const root = moneyOnly(temps);
  mkdirSync(path.join(root, 'specs/features'), { recursive: true });
  for (const f of features) cpSync(path.join(repo, 'specs/features', `${f}.md`), path.join(root, 'specs/features', `${f}.md`));
  return root;
}
