import { describe, expect, it } from 'vitest';
import { usd } from '../../src/report/html.js';

describe('dollars in the report', () => {
  it('shows a sub-cent amount in two significant digits, the rest in cents', () => {
    expect(usd(0.0096)).toBe('$0.0096');
    expect(usd(0.00012)).toBe('$0.00012');
    expect(usd(0)).toBe('$0.00');
    expect(usd(0.05)).toBe('$0.05');
    expect(usd(1234.5)).toBe('$1,234.50');
  });
});
