// Validating a Messages request the way the API does (400 invalid_request_error with the
// API's wording) and deriving what script rules match on.
import { effortOf, thinkingMode } from './thinking.js';
import { strictSchemaError } from './strict-schema.js';
import { taskBudgetOf } from './task-budget.js';
import { blockText } from './tokens.js';
import type { MessagesBody, RequestContext } from './types.js';

interface Message {
  role?: unknown;
  content?: unknown;
}

function blocksOf(message: Message): unknown[] {
  if (typeof message.content === 'string') return [{ type: 'text', text: message.content }];
  return Array.isArray(message.content) ? message.content : [];
}

function field(block: unknown, key: string): unknown {
  return block && typeof block === 'object' ? (block as Record<string, unknown>)[key] : undefined;
}

/** The API's error message for an invalid request, or undefined when it is valid. */
export function validateMessages(body: MessagesBody | undefined, needsMaxTokens: boolean): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Request body must be a JSON object';
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (needsMaxTokens && (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens)))
    return 'max_tokens: Field required';
  if (needsMaxTokens && (body.max_tokens as number) < 1) return 'max_tokens: Input should be greater than or equal to 1';
  if (!Array.isArray(body.messages)) return 'messages: Field required';
  if (body.system !== undefined && typeof body.system !== 'string' && !Array.isArray(body.system))
    return 'system: Input should be a valid string or a list of text blocks';
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) return 'tools: Input should be a valid list';
    for (const [i, tool] of (body.tools as unknown[]).entries()) {
      const name = field(tool, 'name');
      if (typeof name !== 'string') return `tools.${i}.name: Field required`;
      if (!/^[a-zA-Z0-9_-]{1,128}$/.test(name)) return `tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
      // Server tools (web_search etc.) carry a `type` and no schema.
      if (field(tool, 'type') === undefined || field(tool, 'type') === 'custom') {
        const schema = field(tool, 'input_schema');
        if (!schema || typeof schema !== 'object') return `tools.${i}.custom.input_schema: Field required`;
        if (field(schema, 'type') !== 'object') return `tools.${i}.custom.input_schema.type: Input should be 'object'`;
        const strict = field(tool, 'strict');
        if (strict !== undefined && typeof strict !== 'boolean') return `tools.${i}.custom.strict: Input should be a valid boolean`;
        if (strict === true) {
          const problem = strictSchemaError(schema, `tools.${i}.custom.input_schema`);
          if (problem) return problem;
        }
      }
    }
    const names = (body.tools as unknown[]).map((t) => field(t, 'name'));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) return `tools: Tool names must be unique.`;
  }
  if (body.messages.length === 0) return 'messages: at least one message is required';
  const messages = body.messages as Message[];
  for (const [i, m] of messages.entries()) {
    if (m?.role !== 'user' && m?.role !== 'assistant')
      return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    if (typeof m.content !== 'string' && !Array.isArray(m.content))
      return `messages.${i}.content: Input should be a valid list`;
    for (const [j, b] of blocksOf(m).entries()) {
      if (field(b, 'type') === 'text' && field(b, 'text') === '')
        return `messages.${i}.content.${j}.text: text content blocks must be non-empty`;
      if (field(b, 'type') === 'tool_use' && (typeof field(b, 'id') !== 'string' || typeof field(b, 'name') !== 'string'))
        return `messages.${i}.content.${j}: tool_use blocks need an id and a name`;
    }
    if (m.content === '' ) return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
  }
  // Each tool_use must be answered by a tool_result in the very next message, and each
  // tool_result must answer a tool_use of the message before it.
  for (const [i, m] of messages.entries()) {
    const prev = i > 0 ? messages[i - 1] : undefined;
    const expected =
      prev?.role === 'assistant'
        ? blocksOf(prev)
            .filter((b) => field(b, 'type') === 'tool_use')
            .map((b) => String(field(b, 'id')))
        : [];
    const results = m.role === 'user' ? blocksOf(m).filter((b) => field(b, 'type') === 'tool_result') : [];
    for (const [j, r] of blocksOf(m).entries()) {
      if (field(r, 'type') !== 'tool_result') continue;
      const id = String(field(r, 'tool_use_id'));
      if (!expected.includes(id))
        return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    }
    const answered = new Set(results.map((r) => String(field(r, 'tool_use_id'))));
    const missing = expected.filter((id) => !answered.has(id));
    if (missing.length > 0)
      return `messages.${i - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
  }
  const last = messages[messages.length - 1]!;
  const lastTools = last.role === 'assistant' ? blocksOf(last).filter((b) => field(b, 'type') === 'tool_use') : [];
  if (lastTools.length > 0)
    return `messages.${messages.length - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${lastTools.map((b) => String(field(b, 'id'))).join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
  return undefined;
}

function systemText(system: unknown): string {
  if (typeof system === 'string') return system;
  if (Array.isArray(system)) return system.map(blockText).join('\n');
  return '';
}

const SPEC_ID_LINE = /^speccc-spec-id:[ \t]*(\S+)[ \t]*$/m;

/** Assumes validateMessages() passed. */
export function requestContext(body: MessagesBody, requestIndex: number): RequestContext {
  const messages = body.messages as Message[];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const lastUserBlocks = lastUser ? blocksOf(lastUser) : [];
  const lastUserText = lastUserBlocks.map(blockText).join('\n');
  const allText = [systemText(body.system), ...messages.map((m) => blocksOf(m).map(blockText).join('\n'))].join('\n');
  const toolResults = lastUserBlocks
    .filter((b) => field(b, 'type') === 'tool_result')
    .map((b) => ({
      tool_use_id: String(field(b, 'tool_use_id')),
      is_error: field(b, 'is_error') === true,
      text: blockText(b),
    }));
  return {
    requestIndex,
    turn: messages.filter((m) => m.role === 'assistant').length,
    body,
    lastUserText,
    allText,
    specId: SPEC_ID_LINE.exec(allText)?.[1],
    hasToolResults: toolResults.length > 0,
    // A fix request may ride on the same user turn as pending tool results: it is new input.
    awaitsWork: toolResults.length === 0 || lastUserBlocks.some((b) => field(b, 'type') === 'text' && blockText(b).trim() !== ''),
    toolResults,
    thinking: thinkingMode(body, toolResults.length > 0 && lastUser === messages[messages.length - 1]).enabled,
    effort: effortOf(body),
    ...(taskBudgetOf(body) ? { taskBudget: taskBudgetOf(body)! } : {}),
  };
}
