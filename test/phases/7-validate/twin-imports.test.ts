/** Product code that imports a twin fails its visible checks before anything runs: the twin exists only in tests. */
import { describe, expect, it } from 'vitest';
import { twinImports } from '../../../src/phases/7-validate/index.js';

describe('twin imports', () => {
  it('are refused in product code, allowed in tests and in the twin itself', () => {
    const tree = new Map([
      ['src/checkout.ts', "import { start } from '../twins/payments/server.js';\nconst lazy = () => import('../twins/payments/state.js');\nimport './polyfill.js';\n"],
      ['src/checkout.test.ts', "import { start } from '../twins/payments/server.js';\n"],
      ['twins/payments/server.ts', "import { ids } from './ids.js';\n"],
      ['src/deep/pay.ts', "export { x } from '../../twins/payments/x.js';\nimport type { T } from 'twins/not-relative';\n"],
    ]);
    expect(twinImports(tree, [...tree.keys()])).toEqual([
      'src/checkout.ts imports ../twins/payments/server.js (twins/payments/server.js): a twin exists only in tests; call the service over HTTP at its base URL instead',
      'src/checkout.ts imports ../twins/payments/state.js (twins/payments/state.js): a twin exists only in tests; call the service over HTTP at its base URL instead',
      'src/deep/pay.ts imports ../../twins/payments/x.js (twins/payments/x.js): a twin exists only in tests; call the service over HTTP at its base URL instead',
    ]);
  });
});
