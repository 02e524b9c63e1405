/** Which paths the language server treats as files of its workspace, and how it names them. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRelative } from '../../src/lsp/server.js';

describe('workspaceRelative', () => {
  const root = path.resolve('/work/shop');

  it('names a file inside the root by its /-separated relative path', () => {
    expect(workspaceRelative(root, path.join(root, 'specs', 'cart.md'))).toBe('specs/cart.md');
  });

  it('gives null for the root itself, a sibling, and a parent', () => {
    expect(workspaceRelative(root, root)).toBeNull();
    expect(workspaceRelative(root, path.resolve('/work/shop-old/specs/cart.md'))).toBeNull();
    expect(workspaceRelative(root, path.resolve('/work'))).toBeNull();
  });
});
