/**
 * A job's conversation as the provider keeps it between turns and between fix attempts: what
 * the next user turn looks like, where the second cache breakpoint goes, and the transcript the
 * job runner stores (`AgentOutcome.history`). Pure.
 */
import type Anthropic from '@anthropic-ai/sdk';

export type Message = Anthropic.MessageParam;

/**
 * What the provider hands the job runner as `history` and gets back on the next attempt: the
 * messages, and the model that wrote the assistant turns when it is not the spec's own (a
 * fallback after a refusal), so later attempts continue on that model (its thinking signatures
 * are valid only for it). Older runs stored the bare message array: read as on the primary model.
 */
export interface Transcript {
  messages: Message[];
  model?: string;
}

export function readTranscript(history: unknown): Transcript {
  if (Array.isArray(history)) return { messages: history as Message[] };
  if (history && typeof history === 'object' && Array.isArray((history as Transcript).messages)) {
    const t = history as Transcript;
    return { messages: t.messages, ...(typeof t.model === 'string' ? { model: t.model } : {}) };
  }
  return { messages: [] };
}

export function writeTranscript(messages: Message[], model: string, primary: string): Transcript | Message[] {
  return model === primary ? messages : { messages, model };
}

/**
 * The next user turn. A job that ended right after its tool calls left their results as the
 * last (user) message: the API wants one user turn, so a fix prompt joins it there.
 */
export function continueWith(history: Message[], prompt: string): Message[] {
  const last = history.at(-1);
  if (last?.role === 'user' && Array.isArray(last.content)) {
    return [...history.slice(0, -1), { role: 'user', content: [...(last.content as Anthropic.ContentBlockParam[]), { type: 'text', text: prompt }] }];
  }
  return [...history, { role: 'user', content: prompt }];
}

function textOf(message: Message | undefined): string {
  if (!message) return '';
  if (typeof message.content === 'string') return message.content;
  return message.content
    .flatMap((b) => (b.type === 'text' ? [(b as Anthropic.TextBlockParam).text] : []))
    .join('\n\n');
}

/**
 * The conversation a fallback model starts from: the job's first prompt and, on a fix attempt,
 * the latest fix prompt, as one user message. The primary model's turns cannot go along (their
 * thinking signatures are valid only for the model that wrote them, and a tool loop must
 * continue with the turn that started it); what it wrote stays in the job's sandbox, where the
 * fallback can read it with read_file.
 */
export function restartConversation(messages: Message[]): Message[] {
  const first = textOf(messages[0]);
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const latest = lastUser === messages[0] ? '' : textOf(lastUser);
  return [{ role: 'user', content: latest ? `${first}\n\n${latest}` : first }];
}

/**
 * A second cache breakpoint at the end of the conversation, so each turn of a job reads the
 * previous turns from the cache instead of paying for them again (the first breakpoint, on the
 * system prompt, is shared by every job). Applied to a copy: the history keeps no markers.
 */
export function withConversationBreakpoint(messages: Message[], cacheControl: Anthropic.CacheControlEphemeral): Message[] {
  const last = messages.at(-1);
  if (!last) return messages;
  // A job usually ends with its first reply (every file written at once), so a cache entry for
  // its prompt would be written at 1.25x and never read (measured: 61.7k of 64k written tokens on
  // a 40-spec build). Only once a fix turn shows the conversation goes on is it marked, so the
  // turns after it re-read it. After bare tool results the model usually ends the job: unmarked.
  if (!messages.some((m) => m.role === 'assistant')) return messages;
  if (typeof last.content === 'string') {
    return [...messages.slice(0, -1), { ...last, content: [{ type: 'text', text: last.content, cache_control: cacheControl }] } as Message];
  }
  const blocks = last.content as Anthropic.ContentBlockParam[];
  const tail = blocks.at(-1);
  if (tail?.type !== 'text') return messages;
  return [...messages.slice(0, -1), { ...last, content: [...blocks.slice(0, -1), { ...tail, cache_control: cacheControl }] } as Message];
}

/** Tool results shorter than this stay as they are ("Wrote src/a.ts (812 characters)."): eliding them saves nothing. */
const KEEP_RESULT_CHARS = 200;

const ELIDED_WRITE = (chars: number) => `[${chars} characters elided: an earlier attempt at this file, replaced by the latest attempt below]`;
const ELIDED_RESULT = '[elided: the result of a call in an earlier attempt]';
const ELIDED_FIX = '[An earlier fix request, elided: the latest attempt below answered it, and the latest fix request says what still fails.]';

/** What the provider says when a reply ended without writing every file (provider.ts): part of an attempt, not a new one. */
export const MISSING_FILES_NUDGE = 'You have not written every file yet.';

/** A user message that asks for work: the job prompt, or a fix prompt (joined to pending tool results). */
function isPrompt(message: Message): boolean {
  if (message.role !== 'user') return false;
  if (typeof message.content === 'string') return !message.content.startsWith(MISSING_FILES_NUDGE);
  return message.content.some((b) => b.type === 'text');
}

function elideAssistant(message: Message): Message {
  if (typeof message.content === 'string') return message;
  const content = message.content.map((b) => {
    if (b.type !== 'tool_use' || b.name !== 'write_file') return b; // thinking blocks go back untouched, signatures and all
    const input = b.input as { path?: unknown; content?: unknown };
    if (typeof input.content !== 'string' || input.content.endsWith('replaced by the latest attempt below]')) return b;
    return { ...b, input: { ...input, content: ELIDED_WRITE(input.content.length) } };
  });
  return { ...message, content } as Message;
}

function elideUser(message: Message): Message {
  if (typeof message.content === 'string') return { ...message, content: ELIDED_FIX };
  const content = message.content.map((b) => {
    if (b.type === 'text') return { ...b, text: ELIDED_FIX };
    if (b.type === 'tool_result' && typeof b.content === 'string' && b.content.length > KEEP_RESULT_CHARS) return { ...b, content: ELIDED_RESULT };
    return b;
  });
  return { ...message, content } as Message;
}

/**
 * Context editing for long fix loops, done by speccc on the conversation it sends: from the
 * second fix attempt on, everything older than the latest attempt is cut down to what the model
 * still needs. The job prompt (the spec) stays whole, and so do the latest attempt and the latest
 * fix request; in between, the files earlier attempts wrote (`write_file` content), long tool
 * results (read_file) and earlier fix requests (their failure output) become short placeholders.
 * Thinking blocks are never touched (their signatures must verify), and the turn the latest tool
 * results answer is the latest attempt's own, so the API's tool-loop rule still holds. Placeholders
 * are stable, so the edited prefix is the same from one fix round to the next and reads from the
 * prompt cache. Pure; returns a copy.
 */
export function elideEarlierAttempts(messages: Message[]): Message[] {
  const prompts = messages.flatMap((m, i) => (isPrompt(m) ? [i] : []));
  // The latest attempt starts after the fix request before the latest one; nothing older to cut before the second fix.
  if (prompts.length < 3 || prompts[0] !== 0) return messages;
  const latestStart = prompts.at(-2)! + 1;
  return messages.map((m, i) => (i === 0 || i >= latestStart ? m : m.role === 'assistant' ? elideAssistant(m) : elideUser(m)));
}
