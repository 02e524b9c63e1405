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
