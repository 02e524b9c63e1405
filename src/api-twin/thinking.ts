// What a request asks of thinking (adaptive, enabled with a budget, between tools) and of
// effort (output_config.effort), and the short deterministic thinking text the twin writes
// when a script gives none: longer the higher the effort.
import type { MessagesBody } from './types.js';

export const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type Effort = (typeof EFFORTS)[number];

export const THINKING_TYPES = ['enabled', 'disabled', 'between_tools', 'adaptive'] as const;

export interface ThinkingMode {
  /** Whether this request's reply starts with a thinking block. */
  enabled: boolean;
  /** `thinking.type` as sent, if any. */
  type: string | undefined;
  display: 'summarized' | 'omitted';
  /** `budget_tokens` of `{type: 'enabled'}`. */
  budget: number | undefined;
}

function objectField(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * `adaptive` and `enabled` think on every turn; `between_tools` only on a turn that follows
 * tool results (the twin's reading of "between tools"); `disabled` or none never.
 */
export function thinkingMode(body: MessagesBody, continuesToolLoop: boolean): ThinkingMode {
  const type = objectField(body.thinking, 'type');
  const budget = objectField(body.thinking, 'budget_tokens');
  const enabled = type === 'adaptive' || type === 'enabled' || (type === 'between_tools' && continuesToolLoop);
  return {
    enabled,
    type: typeof type === 'string' ? type : undefined,
    display: objectField(body.thinking, 'display') === 'omitted' ? 'omitted' : 'summarized',
    budget: typeof budget === 'number' ? budget : undefined,
  };
}

/** `output_config.effort` when it is one of the API's levels. */
export function effortOf(body: MessagesBody): Effort | undefined {
  const effort = objectField(body.output_config, 'effort');
  return EFFORTS.find((e) => e === effort);
}

const STEPS = [
  'Work out what is being asked.',
  'Check the instructions and the tools that are available.',
  'List what a complete answer has to include.',
  'Consider the edge cases and what could go wrong.',
  'Plan the answer step by step.',
  'Check the plan against the request once more.',
  'Look for a simpler way to reach the same result.',
  'Settle on the plan, then write the answer.',
];
const STEPS_BY_EFFORT: Record<Effort, number> = { low: 1, medium: 2, high: 4, xhigh: 6, max: 8 };

/**
 * The thinking the twin writes when a script gives none: the start of the last user message,
 * then 1 (low), 2 (medium), 4 (high, the API's default), 6 (xhigh) or 8 (max) steps; never
 * longer than `budget_tokens` allows.
 */
export function defaultThinking(lastUserText: string, effort: Effort = 'high', budgetTokens?: number): string {
  const excerpt = lastUserText.replace(/\s+/g, ' ').trim().slice(0, 80);
  const text = [`The request: "${excerpt}".`, ...STEPS.slice(0, STEPS_BY_EFFORT[effort])].join(' ');
  return budgetTokens === undefined ? text : text.slice(0, budgetTokens * 4);
}
