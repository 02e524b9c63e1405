// A scripted turn becomes either a Message (JSON) or the SSE event sequence the API
// streams for it. A turn longer than the request's max_tokens is cut there with
// stop_reason max_tokens, as the real model would be: mid-text or mid-tool-input.
import { countText } from './tokens.js';
import type { RefusalStopDetails, ScriptedBlock, StopReason, Turn, Usage } from './types.js';

/** A block with its id fixed and its streamed text decided. */
export type ResolvedBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; json: string };

export interface ResolvedTurn {
  blocks: ResolvedBlock[];
  stopReason: StopReason;
  /** Non-null only for a refusal (the API's `stop_details`). */
  stopDetails: RefusalStopDetails | null;
  outputTokens: number;
  /** Tokens of the thinking (included in outputTokens); undefined when the turn did not think. */
  thinkingTokens: number | undefined;
}

/** The thinking that starts a turn when the request enables it. */
export interface TurnThinking {
  text: string;
  /** `omitted`: the block carries an empty text (and a signature); the tokens still count. */
  display: 'summarized' | 'omitted';
  /** Signature of the text as sent. */
  sign: (shown: string) => string;
}

type VisibleBlock = Exclude<ResolvedBlock, { type: 'thinking' }>;

function blockChars(b: VisibleBlock): number {
  return b.type === 'text' ? b.text.length : b.name.length + b.json.length;
}

export function resolveTurn(turn: Turn, maxTokens: number, nextToolId: () => string, thinking?: TurnThinking): ResolvedTurn {
  const blocks: VisibleBlock[] = turn.content.map((b: ScriptedBlock) =>
    b.type === 'text'
      ? { type: 'text', text: b.text }
      : { type: 'tool_use', id: b.id ?? nextToolId(), name: b.name, json: b.rawJson ?? JSON.stringify(b.input ?? {}) },
  );
  let stopReason: StopReason =
    turn.stop_reason ?? (blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
  let thought = thinking?.text;
  // Thinking comes first and counts toward max_tokens like the rest of the output.
  const totalChars = (thought?.length ?? 0) + blocks.reduce((n, b) => n + blockChars(b), 0);
  let outputTokens =
    turn.outputTokens ??
    (thought === undefined ? 0 : countText(thought)) + countText(blocks.map((b) => (b.type === 'text' ? b.text : b.name + b.json)).join(''));

  if (Math.ceil(totalChars / 4) > maxTokens && turn.outputTokens === undefined) {
    let budget = maxTokens * 4;
    if (thought !== undefined) {
      budget -= thought.length;
      thought = thought.slice(0, maxTokens * 4);
    }
    const cut: VisibleBlock[] = [];
    for (const b of blocks) {
      if (budget <= 0) break;
      if (b.type === 'text') {
        cut.push({ ...b, text: b.text.slice(0, budget) });
        budget -= b.text.length;
      } else {
        const room = Math.max(0, budget - b.name.length);
        cut.push({ ...b, json: b.json.slice(0, room) });
        budget -= b.name.length + b.json.length;
      }
    }
    blocks.splice(0, blocks.length, ...cut);
    stopReason = 'max_tokens';
    outputTokens = maxTokens;
  }
  const stopDetails =
    stopReason === 'refusal' ? (turn.stop_details ?? { type: 'refusal', category: null, explanation: null }) : null;
  if (thought === undefined || !thinking) return { blocks, stopReason, stopDetails, outputTokens, thinkingTokens: undefined };
  const shown = thinking.display === 'omitted' ? '' : thought;
  return {
    blocks: [{ type: 'thinking', thinking: shown, signature: thinking.sign(shown) }, ...blocks],
    stopReason,
    stopDetails,
    outputTokens,
    thinkingTokens: Math.min(countText(thought), outputTokens),
  };
}

/** output_tokens and, after a thinking turn, output_tokens_details. */
function outputUsage(turn: ResolvedTurn) {
  return {
    output_tokens: turn.outputTokens,
    ...(turn.thinkingTokens === undefined ? {} : { output_tokens_details: { thinking_tokens: turn.thinkingTokens } }),
  };
}

function parseInput(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}

export function contentJson(block: ResolvedBlock): Record<string, unknown> {
  switch (block.type) {
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature };
    case 'text':
      return { type: 'text', text: block.text, citations: null };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: parseInput(block.json) };
  }
}

export function messageJson(id: string, model: string, turn: ResolvedTurn, usage: Omit<Usage, 'output_tokens'>) {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: turn.blocks.map(contentJson),
    stop_reason: turn.stopReason,
    stop_sequence: null,
    stop_details: turn.stopDetails,
    usage: { ...usage, ...outputUsage(turn), service_tier: 'standard' },
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

function chunks(text: string, size: number, atLeast: number): string[] {
  const n = Math.max(atLeast, Math.ceil(text.length / size));
  const step = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + step));
  return out.length > 0 ? out : [''];
}

/** The event sequence the API streams for one turn. */
export function sseEvents(
  id: string,
  model: string,
  turn: ResolvedTurn,
  usage: Omit<Usage, 'output_tokens'>,
  chunkChars: number,
): SseEvent[] {
  const events: SseEvent[] = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          stop_details: null,
          usage: { ...usage, output_tokens: 1, service_tier: 'standard' },
        },
      },
    },
  ];
  // The ping follows the first content_block_start, or message_start when there is no block.
  if (turn.blocks.length === 0) events.push({ event: 'ping', data: { type: 'ping' } });
  const delta = (index: number, d: Record<string, unknown>) =>
    events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: d } });
  turn.blocks.forEach((block, index) => {
    const start =
      block.type === 'thinking'
        ? { type: 'thinking', thinking: '', signature: '' }
        : block.type === 'text'
          ? { type: 'text', text: '', citations: null }
          : { type: 'tool_use', id: block.id, name: block.name, input: {} };
    events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: start } });
    if (index === 0) events.push({ event: 'ping', data: { type: 'ping' } });
    if (block.type === 'thinking') {
      // Thinking text in chunks (none when display is omitted), then its signature in one piece.
      if (block.thinking !== '') for (const thinking of chunks(block.thinking, chunkChars, 1)) delta(index, { type: 'thinking_delta', thinking });
      delta(index, { type: 'signature_delta', signature: block.signature });
    } else if (block.type === 'text') {
      for (const text of chunks(block.text, chunkChars, 1)) delta(index, { type: 'text_delta', text });
    } else {
      // Tool input always arrives in several pieces, so clients must accumulate.
      for (const partial_json of chunks(block.json, chunkChars, 2)) delta(index, { type: 'input_json_delta', partial_json });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  });
  events.push({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: { stop_reason: turn.stopReason, stop_sequence: null, stop_details: turn.stopDetails },
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        ...outputUsage(turn),
        ...(usage.task_budget ? { task_budget: usage.task_budget } : {}),
      },
    },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

export function encodeSse(e: SseEvent): string {
  return `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}
