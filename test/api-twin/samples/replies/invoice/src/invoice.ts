import type { Cents } from "./lib/x.js";
export const total = (xs: Cents[]) => xs.reduce((a, b) => a + b, 0);
