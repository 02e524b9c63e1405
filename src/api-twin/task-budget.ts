// Task budgets (beta `task-budgets-2026-03-13`): `output_config.task_budget: { type: 'tokens',
// total, remaining? }` tells the model how many tokens the whole task may still use, so it can
// wind down before the client's own cap stops it. The twin accepts the field only with the beta
// header (without it, the API's answer to any field it does not know: "Extra inputs are not
// permitted"), checks its shape, and counts it down in the reply's usage: `usage.task_budget`
// `{ total, remaining }`, where remaining is what was sent (or total) minus this reply's output
// tokens (thinking included), never below 0. That usage field is the twin's own reading of the
// beta; docs/twin.md says so.
import type { MessagesBody } from './types.js';

export const TASK_BUDGET_BETA = 'task-budgets-2026-03-13';

export interface TaskBudget {
  total: number;
  /** What the client says is left (defaults to total). */
  remaining: number;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The beta names of an `anthropic-beta` header (comma-separated). */
export function betasOf(header: string | string[] | undefined): Set<string> {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return new Set(text.split(',').map((b) => b.trim()).filter(Boolean));
}

/** The API's 400 message for a task budget it would refuse, or undefined. */
export function taskBudgetError(body: MessagesBody, betas: ReadonlySet<string>): string | undefined {
  const budget = field(body.output_config, 'task_budget');
  if (budget === undefined || budget === null) return undefined;
  if (!betas.has(TASK_BUDGET_BETA)) return 'output_config.task_budget: Extra inputs are not permitted';
  if (field(budget, 'type') !== 'tokens') return "output_config.task_budget.type: Input should be 'tokens'";
  const total = field(budget, 'total');
  if (typeof total !== 'number' || !Number.isInteger(total)) return 'output_config.task_budget.total: Field required';
  if (total < 1) return 'output_config.task_budget.total: Input should be greater than or equal to 1';
  const remaining = field(budget, 'remaining');
  if (remaining === undefined || remaining === null) return undefined;
  if (typeof remaining !== 'number' || !Number.isInteger(remaining) || remaining < 0) return 'output_config.task_budget.remaining: Input should be a valid integer, greater than or equal to 0';
  if (remaining > total) return 'output_config.task_budget.remaining: Input should be less than or equal to `total`';
  return undefined;
}

/** The task budget of a valid request, or undefined. */
export function taskBudgetOf(body: MessagesBody): TaskBudget | undefined {
  const budget = field(body.output_config, 'task_budget');
  const total = field(budget, 'total');
  if (typeof total !== 'number') return undefined;
  const remaining = field(budget, 'remaining');
  return { total, remaining: typeof remaining === 'number' ? remaining : total };
}

/** `usage.task_budget` after a reply of `outputTokens`. */
export function countedDown(budget: TaskBudget | undefined, outputTokens: number): { task_budget?: { total: number; remaining: number } } {
  return budget ? { task_budget: { total: budget.total, remaining: Math.max(0, budget.remaining - outputTokens) } } : {};
}
