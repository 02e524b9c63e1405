import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  createSandbox
} from "./chunk-LIJDOTZK.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";

// src/phases/6-generate/agent-writes.ts
async function agentWrites(agent, config, job) {
  let sandbox = createSandbox({ outputs: job.outputs, readable: /* @__PURE__ */ new Map(), maxFileBytes: config.model.maxOutputTokens * 16 });
  return { result: await agent.run(
    { specId: job.specId, jobKey: sha256(`${job.system}
${job.prompt}`), model: config.model.default, effort: config.model.effort, maxOutputTokens: config.model.maxOutputTokens, system: job.system, prompt: job.prompt, signal: job.signal },
    sandbox
  ), written: sandbox.written() };
}

export {
  agentWrites
};
