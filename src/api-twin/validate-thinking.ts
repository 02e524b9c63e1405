// The API's rules for thinking, effort and tool_choice, checked after the basic shape of a
// request (validateMessages): each broken rule is a 400 invalid_request_error with the
// API's wording.
import { isFiveSeries } from './models.js';
import { EFFORTS, THINKING_TYPES, thinkingMode } from './thinking.js';
import type { MessagesBody } from './types.js';

type Verify = (model: string, thinking: string, signature: string) => boolean;

const DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function blocksOf(message: unknown): unknown[] {
  const content = field(message, 'content');
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content : [];
}

function thinkingConfigError(body: MessagesBody, needsMaxTokens: boolean): string | undefined {
  if (body.thinking === undefined) return undefined;
  const type = field(body.thinking, 'type');
  if (!THINKING_TYPES.some((t) => t === type))
    return `thinking: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: ${THINKING_TYPES.map((t) => `'${t}'`).join(', ')}`;
  const display = field(body.thinking, 'display');
  if (display !== undefined && display !== null && display !== 'summarized' && display !== 'omitted')
    return `thinking.${String(type)}.display: Input should be 'summarized' or 'omitted'`;
  if (type !== 'enabled') return undefined;
  const budget = field(body.thinking, 'budget_tokens');
  if (typeof budget !== 'number' || !Number.isInteger(budget)) return 'thinking.enabled.budget_tokens: Field required';
  if (budget < 1024) return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  if (needsMaxTokens && typeof body.max_tokens === 'number' && body.max_tokens <= budget)
    return `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${DOCS}#max-tokens-and-context-window-size`;
  return undefined;
}

function effortError(body: MessagesBody): string | undefined {
  if (body.output_config === undefined) return undefined;
  if (!body.output_config || typeof body.output_config !== 'object' || Array.isArray(body.output_config))
    return 'output_config: Input should be a valid dictionary';
  const effort = field(body.output_config, 'effort');
  if (effort === undefined || effort === null || EFFORTS.some((e) => e === effort)) return undefined;
  return `output_config.effort: Input should be ${EFFORTS.slice(0, -1).map((e) => `'${e}'`).join(', ')} or '${EFFORTS[EFFORTS.length - 1]}'`;
}

function toolChoiceError(body: MessagesBody, thinking: boolean): string | undefined {
  const type = field(body.tool_choice, 'type');
  if (type !== 'any' && type !== 'tool') return undefined;
  if (thinking) return 'Thinking may not be enabled when tool_choice forces tool use.';
  const model = String(body.model);
  if (isFiveSeries(model))
    return `${model} does not support tool_choice that forces tool use (\`any\` or \`tool\`). Use \`auto\` or \`none\`.`;
  return undefined;
}

/**
 * With thinking on, a request that continues a tool-use loop (its last message carries
 * tool_result blocks) must send back the assistant turn that made those calls starting with
 * its thinking block.
 */
function toolLoopError(messages: unknown[]): string | undefined {
  const last = messages[messages.length - 1];
  if (field(last, 'role') !== 'user' || !blocksOf(last).some((b) => field(b, 'type') === 'tool_result')) return undefined;
  const index = messages.length - 2;
  const first = blocksOf(messages[index])[0];
  const type = field(first, 'type');
  if (type === 'thinking' || type === 'redacted_thinking') return undefined;
  return (
    `messages.${index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(type)}\`. ` +
    'When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of ' +
    '`tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this ' +
    `requirement, disable \`thinking\`. Please consult our documentation at ${DOCS}`
  );
}

/** Every thinking block sent back must carry the signature the twin gave it, for this model. */
function signatureError(messages: unknown[], model: string, verify: Verify): string | undefined {
  for (const [i, message] of messages.entries()) {
    for (const [j, block] of blocksOf(message).entries()) {
      const type = field(block, 'type');
      if (type === 'redacted_thinking' && typeof field(block, 'data') !== 'string') return `messages.${i}.content.${j}.data: Field required`;
      if (type !== 'thinking') continue;
      const thinking = field(block, 'thinking');
      const signature = field(block, 'signature');
      if (typeof thinking !== 'string' || typeof signature !== 'string' || !verify(model, thinking, signature))
        return `messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`;
    }
  }
  return undefined;
}

/** The API's error message for a request breaking a thinking/effort/tool_choice rule. Assumes validateMessages() passed. */
export function validateThinking(body: MessagesBody, verify: Verify, needsMaxTokens: boolean): string | undefined {
  const messages = body.messages as unknown[];
  const last = messages[messages.length - 1];
  const continuesToolLoop = blocksOf(last).some((b) => field(b, 'type') === 'tool_result');
  const mode = thinkingMode(body, continuesToolLoop);
  return (
    thinkingConfigError(body, needsMaxTokens) ??
    effortError(body) ??
    toolChoiceError(body, mode.enabled || mode.type === 'between_tools') ??
    (mode.enabled ? toolLoopError(messages) : undefined) ??
    signatureError(messages, String(body.model), verify)
  );
}
