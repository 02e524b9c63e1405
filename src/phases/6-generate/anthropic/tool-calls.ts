/**
 * A reply's tool calls carried out in the job's sandbox, each answered with a tool_result and
 * traced. Input is taken as the strict schemas in 4-render/tools.ts guarantee it (the API
 * samples it under them); the one call that can still be unfinished is the last of a reply cut
 * off at max_tokens, which is never run.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { JobSandbox, TraceSink } from '../../../types/index.js';

type ToolInput = { name: 'write_file'; input: { path: string; content: string } } | { name: 'read_file'; input: { path: string } };
type Verdict = { ok: true; content: string } | { ok: false; error: string };

export const CUT_OFF_FEEDBACK = 'Your reply hit max_tokens while writing this call, so the file was not written. Write it again in full, more compactly.';

function runTool(use: Anthropic.ToolUseBlock, sandbox: JobSandbox): Verdict {
  // A conversation with tools of its own (AgentTask.tools) answers every call through its sandbox.
  if (sandbox.call) return sandbox.call(use.name, use.input);
  const call = use as unknown as ToolInput;
  if (call.name === 'write_file') {
    const verdict = sandbox.write(call.input.path, call.input.content);
    return verdict.ok ? { ok: true, content: `Wrote ${call.input.path} (${call.input.content.length} characters).` } : verdict;
  }
  const verdict = sandbox.read(call.input.path);
  return verdict.ok ? { ok: true, content: verdict.content } : verdict;
}

/** The tool_result blocks answering `uses`, in order; the last call of a reply cut off at max_tokens is answered without being run. */
export function answerToolCalls(uses: Anthropic.ToolUseBlock[], cutOff: boolean, sandbox: JobSandbox, trace: TraceSink, specId: string): Anthropic.ToolResultBlockParam[] {
  return uses.map((use, i) => {
    const verdict: Verdict = cutOff && i === uses.length - 1 ? { ok: false, error: CUT_OFF_FEEDBACK } : runTool(use, sandbox);
    // A cut-off call's input is partial JSON: its path may be missing.
    const path = typeof (use.input as { path?: unknown } | null)?.path === 'string' ? (use.input as { path: string }).path : null;
    trace.write({ type: 'tool', spec: specId, tool: use.name, path, ok: verdict.ok, ...(verdict.ok ? {} : { error: verdict.error }) });
    return { type: 'tool_result' as const, tool_use_id: use.id, content: verdict.ok ? verdict.content : verdict.error, ...(verdict.ok ? {} : { is_error: true }) };
  });
}
