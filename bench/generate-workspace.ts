/** Writes a realistic workspace of N specs (~3 KB each, all sections, several scenarios, dependencies). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function specText(i: number, deps: string[]): string {
  const id = `feature-${String(i).padStart(4, '0')}`;
  const scenarios = [1, 2, 3, 4]
    .map(
      (n) => `### Scenario: case ${n} of ${id}
- **Given** an order with ${n} line items priced at ${100 * n} and ${75 * n} cents
- **When** the ${id} total is computed for customer number ${i * 10 + n}
- **Then** the result is ${175 * n} cents and the status is \`OK_${n}\`
- **And** the audit log records exactly one entry for the order`,
    )
    .join('\n\n');
  return `---
id: ${id}
kind: feature
status: ready
depends_on: [${deps.join(', ')}]
outputs:
  - src/${id}.ts
  - src/${id}.test.ts
---

# Feature ${i}: order totals variant ${i}

## What

Computes the total of an order for the variant ${i} of the billing rules, in cents, so that
the billing service can print it. The computation uses integer arithmetic throughout and
never rounds before the final step, which rounds half to even.

## Who

The billing service that renders invoices for variant ${i}, and the accountants who check
those invoices against the ledger each month.

## Inputs

- \`items\`: a list of 1 to 500 line items, each with a quantity from 1 to 10,000 inclusive and
  a unit price in cents from 0 to 10,000,000 inclusive.
- \`customer\`: a customer number from 1 to 999,999 inclusive.

Invalid input is rejected with \`INVALID_ORDER\` naming the field and the index of the item.

## Outputs

- \`src/${id}.ts\` exports \`computeTotal${i}\`.
- \`src/${id}.test.ts\` covers every scenario below.

## Rules

- The total must be the sum of quantity times unit price over all line items.
- The result must be an integer number of cents; no floating-point arithmetic is used.
- The function must reject an order with more than 500 items before any arithmetic happens.
- The function must not read the clock, the network or the file system.

## Edge cases

- A unit price of 0 is valid and contributes nothing to the total.
- A total above 2^53 - 1 cents is rejected with \`TOTAL_OVERFLOW\`.

## Evaluation

${scenarios}

## Constraints

- The function runs in time linear in the number of items.
`;
}

/**
 * `layers`: instead of each spec depending on the 10th and 7th before it (a deep chain), the specs
 * form that many layers of equal size, each spec depending on two of the layer below: a product
 * with a few dependency waves.
 */
export function writeWorkspace(root: string, count: number, options: { dependencies?: boolean; contextKb?: number; layers?: number } = {}): void {
  mkdirSync(path.join(root, 'specs'), { recursive: true });
  mkdirSync(path.join(root, 'context'), { recursive: true });
  // Governance documents of a realistic size: they form the shared, cacheable prompt prefix.
  const paragraph = 'Every amount is an integer number of cents; totals are reproducible by hand from the printed lines; invalid input is rejected with a named error before any arithmetic. ';
  writeFileSync(path.join(root, 'context/mission.md'), `# Mission\n\nBilling that adds up.\n\n${paragraph.repeat(Math.ceil(((options.contextKb ?? 0) * 1024) / paragraph.length))}\n`);
  for (let i = 0; i < count; i++) {
    const id = (n: number) => `feature-${String(n).padStart(4, '0')}`;
    const size = options.layers ? Math.ceil(count / options.layers) : 0;
    const layer = size ? Math.floor(i / size) : 0;
    const deps =
      options.dependencies === false ? []
      : options.layers ? (layer === 0 ? [] : [...new Set([id((layer - 1) * size + (i % size)), id((layer - 1) * size + ((i + 1) % size))])])
      : i >= 10 ? [id(i - 10), id(i - 7)] : [];
    const dir = path.join(root, 'specs', `group-${Math.floor(i / 100)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `feature-${i}.md`), specText(i, deps));
  }
}

/**
 * The same spec in OpenSpec's format (openspec/specs/<id>/spec.md: Purpose, Requirements with
 * SHALL and WHEN/THEN scenarios), about as long, for timing `openspec validate --all --strict`
 * on an equivalent workspace.
 */
export function openspecText(i: number): string {
  const id = `feature-${String(i).padStart(4, '0')}`;
  const scenario = (n: number) => `#### Scenario: case ${n} of ${id}
- **GIVEN** an order with ${n} line items priced at ${100 * n} and ${75 * n} cents
- **WHEN** the ${id} total is computed for customer number ${i * 10 + n}
- **THEN** the result is ${175 * n} cents and the status is \`OK_${n}\`
- **AND** the audit log records exactly one entry for the order`;
  return `# ${id} Specification

## Purpose

Computes the total of an order for the variant ${i} of the billing rules, in cents, so that
the billing service can print it. The computation uses integer arithmetic throughout and
never rounds before the final step, which rounds half to even. It serves the billing service
that renders invoices for variant ${i}, and the accountants who check those invoices against
the ledger each month. Inputs: \`items\`, a list of 1 to 500 line items, each with a quantity
from 1 to 10,000 inclusive and a unit price in cents from 0 to 10,000,000 inclusive;
\`customer\`, a customer number from 1 to 999,999 inclusive. Outputs: \`src/${id}.ts\` exports \`computeTotal${i}\`, and
\`src/${id}.test.ts\` covers every scenario below.

## Requirements

### Requirement: Sum of line items
The total SHALL be the sum of quantity times unit price over all line items.

${scenario(1)}

${scenario(2)}

### Requirement: Integer cents
The result SHALL be an integer number of cents; no floating-point arithmetic is used.

${scenario(3)}

### Requirement: Order size limit
The function SHALL reject an order with more than 500 items before any arithmetic happens, and
invalid input SHALL be rejected with \`INVALID_ORDER\` naming the field and the index of the item.

${scenario(4)}

### Requirement: No effects
The function SHALL NOT read the clock, the network or the file system, and SHALL run in time
linear in the number of items.

#### Scenario: zero price and overflow
- **GIVEN** a unit price of 0, which is valid and contributes nothing to the total
- **WHEN** a total above 2^53 - 1 cents is computed
- **THEN** it is rejected with \`TOTAL_OVERFLOW\`
`;
}

export function writeOpenSpecWorkspace(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, 'openspec', 'specs', `feature-${String(i).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'spec.md'), openspecText(i));
  }
  mkdirSync(path.join(root, 'openspec', 'changes'), { recursive: true });
}
