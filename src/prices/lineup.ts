/**
 * What each model family accepts, so speccc sends the current API's parameters to models that
 * take them and never sends what a model rejects: adaptive thinking and `output_config.effort`
 * on the 5.x lineup; neither on older models (whose manual extended thinking speccc does not use).
 * Forced tool choice is never sent to any model (the newest reject it; speccc does not need it).
 */
export interface ModelTraits {
  /** Send `thinking: { type: 'adaptive' }`; thinking blocks must then be passed back unchanged. */
  adaptiveThinking: boolean;
  /** Send `output_config: { effort }`. */
  effort: boolean;
  /**
   * Takes an advisory task budget (`output_config.task_budget`, beta header
   * `task-budgets-2026-03-13`): the models released with or after the beta, the 5.5 and 5.2
   * generation. Older 5.x models are sent none.
   */
  taskBudget: boolean;
}

const CURRENT = /^claude-(fable|mythos|opus|sonnet|haiku)-5(?:-|$)/;
const TASK_BUDGET = /^claude-(?:(?:fable|mythos)-5-2|(?:opus|sonnet|haiku)-5-5)(?:-|$)/;

export function traitsOf(model: string): ModelTraits {
  const current = CURRENT.test(model);
  return { adaptiveThinking: current, effort: current, taskBudget: TASK_BUDGET.test(model) };
}

/** The beta header that enables `output_config.task_budget`. */
export const TASK_BUDGET_BETA = 'task-budgets-2026-03-13';

/**
 * The newest model of each line speccc knows (checked 2026-11-25, with prices.ts): the successor
 * speccc suggests for a deprecated model when the Models API names none.
 */
export const NEWEST_OF_LINE: Readonly<Record<string, string>> = {
  fable: 'claude-fable-5-2',
  mythos: 'claude-mythos-5-2',
  opus: 'claude-opus-5-5',
  sonnet: 'claude-sonnet-5-5',
  haiku: 'claude-haiku-5-5',
};

/** The newest model of `model`'s line, unless it is that model (or its line is unknown). */
export function successorOf(model: string): string | null {
  const line = /^claude-(fable|mythos|opus|sonnet|haiku)-/.exec(model)?.[1];
  const newest = line ? NEWEST_OF_LINE[line] : undefined;
  return newest && newest !== model ? newest : null;
}
