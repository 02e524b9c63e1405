import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  Anthropic
} from "./chunk-OEI4V5BK.js";
import {
  TOOL_DEFINITIONS
} from "./chunk-DLHTC4YV.js";
import "./chunk-VSAIBY22.js";

// src/phases/6-generate/anthropic/count-tokens.ts
async function countInputTokens(credentials, request) {
  let client = new Anthropic({ apiKey: credentials.apiKey, ...credentials.baseURL ? { baseURL: credentials.baseURL } : {}, maxRetries: 2 });
  try {
    return (await client.messages.countTokens({
      model: request.model,
      system: request.system,
      tools: request.tools ?? TOOL_DEFINITIONS,
      messages: [{ role: "user", content: request.prompt }]
    })).input_tokens;
  } catch {
    return;
  }
}
export {
  countInputTokens
};
