// What POST /v1/messages and a batch item share: validating a request like the API, and
// turning the script's turn into the reply (with the thinking block the request asks for).
import { resolveTurn, type ResolvedTurn } from './reply.js';
import { validateMessages } from './request.js';
import { nextId, type State } from './state.js';
import { defaultThinking, thinkingMode } from './thinking.js';
import type { MessagesBody, RequestContext, Turn } from './types.js';
import { validateThinking } from './validate-thinking.js';

/** The API's 400 message for an invalid request, or undefined. */
export function validateRequest(state: State, body: MessagesBody | undefined, needsMaxTokens: boolean): string | undefined {
  return validateMessages(body, needsMaxTokens) ?? validateThinking(body!, state.signer.verify, needsMaxTokens);
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
