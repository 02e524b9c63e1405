// What POST /v1/messages and a batch item share: validating a request like the API, and
// turning the script's turn into the reply (with the thinking block the request asks for).
import { resolveTurn, type ResolvedTurn } from './reply.js';
import { inputError, strictTools } from './strict-schema.js';
import { taskBudgetError } from './task-budget.js';
import { validateMessages } from './request.js';
import { nextId, type State } from './state.js';
import { defaultThinking, thinkingMode } from './thinking.js';
import type { MessagesBody, RequestContext, Turn } from './types.js';
import { validateThinking } from './validate-thinking.js';

/** The API's 400 message for an invalid request, or undefined. `betas`: the request's (or its batch's) `anthropic-beta` header. */
export function validateRequest(state: State, body: MessagesBody | undefined, needsMaxTokens: boolean, betas: ReadonlySet<string> = new Set()): string | undefined {
  return validateMessages(body, needsMaxTokens) ?? validateThinking(body!, state.signer.verify, needsMaxTokens) ?? taskBudgetError(body!, betas);
}

/** The turn as sent: ids fixed, cut at max_tokens, and led by a signed thinking block when thinking is on. */
export function resolveReply(state: State, body: MessagesBody, ctx: RequestContext, turn: Turn): ResolvedTurn {
  const model = String(body.model);
  const mode = thinkingMode(body, ctx.hasToolResults);
  const thinking = ctx.thinking
    ? {
        text: turn.thinking ?? defaultThinking(ctx.lastUserText, ctx.effort, mode.budget),
        display: mode.display,
        sign: (shown: string) => state.signer.sign(model, shown),
      }
    : undefined;
  return resolveTurn(turn, body.max_tokens as number, () => nextId(state, 'toolu'), thinking);
}

/**
 * Under strict tool use the API only ever sends tool input that matches the tool's schema, so a
 * scripted call that does not is a script the API could never answer: refused (400) rather than
 * sent. A call cut off at max_tokens (the last block of a `max_tokens` turn) is exempt: its
 * input is unfinished, which strict sampling does not prevent.
 */
export function scriptedToolInputError(body: MessagesBody, turn: ResolvedTurn): string | undefined {
  const strict = strictTools(body.tools);
  if (strict.size === 0) return undefined;
  const uses = turn.blocks.filter((b) => b.type === 'tool_use');
  const complete = turn.stopReason === 'max_tokens' ? uses.slice(0, -1) : uses;
  for (const use of complete) {
    const schema = strict.get(use.name);
    if (!schema) continue;
    let input: unknown;
    try {
      input = JSON.parse(use.json);
    } catch {
      return `twin: the scripted \`${use.name}\` call is not valid JSON, which strict tool use never produces`;
    }
    const problem = inputError(schema, input, 'input');
    if (problem) return `twin: the scripted \`${use.name}\` call does not match its strict input_schema (${problem}), which strict tool use never produces`;
  }
  return undefined;
}
