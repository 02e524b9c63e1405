// Ready-made scripted turns for the common cases, so tests read as intent.
import type { RefusalStopDetails, ReplyFn, StopReason, Turn } from './types.js';

export function textReply(text: string): Turn {
  return { content: [{ type: 'text', text }], stop_reason: 'end_turn' };
}

export function toolUseReply(name: string, input: unknown, text?: string): Turn {
  return {
    content: [...(text ? [{ type: 'text' as const, text }] : []), { type: 'tool_use', name, input }],
    stop_reason: 'tool_use',
  };
}

/** One assistant turn calling write_file once per file, in the order given. */
export function writeFilesTurn(files: Record<string, string>): Turn {
  return {
    content: [
      { type: 'text', text: `Writing ${Object.keys(files).length} file(s).` },
      ...Object.entries(files).map(([path, content]) => ({ type: 'tool_use' as const, name: 'write_file', input: { path, content } })),
    ],
    stop_reason: 'tool_use',
  };
}

/**
 * The model writing `files`: a turn of write_file calls, then, once the tool results
 * come back, a final end_turn. A new user message without tool results (a fix request)
 * gets the files again.
 */
export function writeFilesReply(files: Record<string, string>): ReplyFn {
  return (ctx) => (!ctx.awaitsWork ? textReply(`Done: wrote ${Object.keys(files).length} file(s).`) : writeFilesTurn(files));
}

/**
 * Successive attempts at the same files: the first write occasion writes attempts[0], a
 * later one (e.g. after a fix request reporting failing tests) attempts[1], and so on; the
 * last attempt repeats. Each call makes its own counter.
 */
export function writeFilesSequence(attempts: Array<Record<string, string>>): ReplyFn {
  let writes = 0;
  return (ctx) => {
    if (!ctx.awaitsWork) return textReply('Done.');
    const files = attempts[Math.min(writes, attempts.length - 1)] ?? {};
    writes += 1;
    return writeFilesTurn(files);
  };
}

/**
 * A write_file call cut off by max_tokens partway through the file's content: the
 * streamed tool input is incomplete JSON and stop_reason is max_tokens.
 */
export function cutOffWriteTurn(path: string, content: string, fraction = 0.5): Turn {
  const json = JSON.stringify({ path, content });
  const keep = JSON.stringify({ path }).length + Math.floor(content.length * fraction);
  return {
    content: [{ type: 'tool_use', name: 'write_file', input: {}, rawJson: json.slice(0, keep) }],
    stop_reason: 'max_tokens',
  };
}

/** A tool call the client cannot use: invalid JSON, or valid JSON of the wrong shape. */
export function malformedToolCallTurn(kind: 'invalid-json' | 'wrong-shape', name = 'write_file'): Turn {
  return kind === 'invalid-json'
    ? { content: [{ type: 'tool_use', name, input: {}, rawJson: '{"path": "src/a.ts", "content": "x' + '"}' + '}' }], stop_reason: 'tool_use' }
    : { content: [{ type: 'tool_use', name, input: { file: 'src/a.ts', body: 42 } }], stop_reason: 'tool_use' };
}

/**
 * The model refusing: stop_reason `refusal` with `stop_details` (category and explanation
 * default to null, as when a refusal maps to no named category). `text` is what was
 * streamed before the refusal, if anything; by default the content is empty.
 */
export function refusalReply(
  options: { text?: string; category?: RefusalStopDetails['category']; explanation?: string | null } = {},
): Turn {
  return {
    content: options.text ? [{ type: 'text', text: options.text }] : [],
    stop_reason: 'refusal',
    stop_details: { type: 'refusal', category: options.category ?? null, explanation: options.explanation ?? null },
  };
}

/**
 * A turn that ends with any stop_reason the API sends, with `text` (if any) as its content:
 * `stopReasonReply('model_context_window_exceeded')` is a model that ran out of context window,
 * `stopReasonReply('pause_turn')` a paused long turn. For `refusal` use refusalReply (it carries
 * stop_details); for a tool call cut off at max_tokens, cutOffWriteTurn.
 */
export function stopReasonReply(stopReason: StopReason, text?: string): Turn {
  return { content: text ? [{ type: 'text', text }] : [], stop_reason: stopReason };
}
