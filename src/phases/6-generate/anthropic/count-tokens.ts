/** The token-counting endpoint: a job's first request, counted exactly as it would be sent (tools, system, prompt); a build job's tools unless `tools` says otherwise. */
import Anthropic from '@anthropic-ai/sdk';
import { TOOL_DEFINITIONS } from '../../4-render/tools.js';

/** Input tokens of a job's first request, or undefined when the API could not count them (the plan then estimates). */
export async function countInputTokens(credentials: { apiKey: string; baseURL?: string }, request: { model: string; system: string; prompt: string; tools?: readonly unknown[] }): Promise<number | undefined> {
  const client = new Anthropic({ apiKey: credentials.apiKey, ...(credentials.baseURL ? { baseURL: credentials.baseURL } : {}), maxRetries: 2 });
  try {
    const counted = await client.messages.countTokens({
      model: request.model,
      system: request.system,
      tools: (request.tools ?? TOOL_DEFINITIONS) as unknown as Anthropic.Tool[],
      messages: [{ role: 'user', content: request.prompt }],
    });
    return counted.input_tokens;
  } catch {
    return undefined;
  }
}
