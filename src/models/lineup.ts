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
}

const CURRENT = /^claude-(fable|mythos|opus|sonnet|haiku)-5(?:-|$)/;

export function traitsOf(model: string): ModelTraits {
  const current = CURRENT.test(model);
  return { adaptiveThinking: current, effort: current };
}
