export const total = 1; // edited by hand
