/**
 * The types passed between speccc's phases, grouped by what they describe. Every phase takes
 * and returns values of these types; no phase imports from a later one.
 */
export * from './source.js';
export * from './spec.js';
export * from './config.js';
export * from './agent.js';
export * from './validation.js';
export * from './build.js';
export * from './trace.js';
export * from './coverage.js';
