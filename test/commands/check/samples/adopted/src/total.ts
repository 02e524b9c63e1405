/** The sum of a list of prices in cents. */
export function total(prices: number[]): number {
  return prices.reduce((sum, p) => sum + p, 0) + 0;
}
