import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import "./chunk-VSAIBY22.js";

// src/api-twin/directory-script.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

// src/api-twin/replies.ts
function textReply(text) {
  return { content: [{ type: "text", text }], stop_reason: "end_turn" };
}
function toolUseReply(name, input, text) {
  return {
    content: [...text ? [{ type: "text", text }] : [], { type: "tool_use", name, input }],
    stop_reason: "tool_use"
  };
}
function writeFilesTurn(files) {
  return {
    content: [
      { type: "text", text: `Writing ${Object.keys(files).length} file(s).` },
      ...Object.entries(files).map(([path, content]) => ({ type: "tool_use", name: "write_file", input: { path, content } }))
    ],
    stop_reason: "tool_use"
  };
}

// src/api-twin/directory-script.ts
var RESERVED = /^[@.]/;
function filesUnder(root) {
  let files = {}, paths = readdirSync(root, { recursive: !0, withFileTypes: !0 }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (let path of paths) files[relative(root, path).split(sep).join("/")] = readFileSync(path, "utf8");
  return files;
}
function attemptFolders(dir, id) {
  let qualified = /^([^:]+):(.+)$/.exec(id);
  return qualified ? existsSync(join(dir, qualified[1])) ? attemptFolders(join(dir, qualified[1]), qualified[2]) : [] : readdirSync(dir, { withFileTypes: !0 }).filter((e) => e.isDirectory()).map((e) => ({ folder: e.name, m: /^(.+?)(?:@(\d+))?$/.exec(e.name) })).filter(({ m }) => m[1] === id).sort((a, b) => Number(a.m[2] ?? 1) - Number(b.m[2] ?? 1)).map(({ folder }) => join(dir, folder));
}
function attemptsReply(dir, id) {
  let writes = 0;
  return (ctx) => {
    let folders = attemptFolders(dir, id);
    if (!ctx.awaitsWork) return textReply(folders.length === 1 ? `Done: wrote ${Object.keys(filesUnder(folders[0])).length} file(s).` : "Done.");
    let folder = folders[Math.min(writes, folders.length - 1)];
    return folder ? (writes += 1, writeFilesTurn(filesUnder(folder))) : textReply(`twin: the replies folder for ${id} is gone.`);
  };
}
function specRule(dir, id) {
  return { name: `dir:${id}`, match: { specId: id }, reply: attemptsReply(dir, id) };
}
var SCENARIO_LINE = /^speccc-scenario:[ \t]*([^/\s]+)\/(\S+)[ \t]*$/m, WRITE_PATH = /Write the file `([^`]+)`/;
function scenarioJob(dir, ctx) {
  let m = SCENARIO_LINE.exec(ctx.allText);
  if (!m) return;
  let [, specId, name] = m, source = join(dir, "@scenarios", specId, `${name}.test.ts`);
  if (existsSync(source))
    return { source, path: WRITE_PATH.exec(ctx.allText)?.[1] ?? `${specId}/${name}.test.ts` };
}
function scenarioRule(dir) {
  return {
    name: "dir:@scenarios",
    match: { where: (ctx) => scenarioJob(dir, ctx) !== void 0 },
    reply: (ctx) => {
      let job = scenarioJob(dir, ctx);
      return ctx.awaitsWork ? writeFilesTurn({ [job.path]: readFileSync(job.source, "utf8") }) : textReply(`Done: wrote ${job.path}.`);
    }
  };
}
var PROPOSAL_LINE = /^speccc-proposal:[ \t]*([^/\s]+)\/(\S+)[ \t]*$/m;
function proposalJob(dir, ctx) {
  let m = PROPOSAL_LINE.exec(ctx.allText);
  if (!m) return;
  let base = join(dir, "@proposals", m[1], m[2]);
  return existsSync(`${base}.md`) || existsSync(`${base}.none`) ? { spec: m[1], name: m[2], base } : void 0;
}
function proposalRule(dir) {
  return {
    name: "dir:@proposals",
    match: { where: (ctx) => proposalJob(dir, ctx) !== void 0 },
    reply: (ctx) => {
      let job = proposalJob(dir, ctx);
      if (!existsSync(`${job.base}.md`)) return textReply("The spec allows what this mutant does: no scenario can tell it apart.");
      let files = { [`${job.spec}/${job.name}.md`]: readFileSync(`${job.base}.md`, "utf8") };
      return existsSync(`${job.base}.test.ts`) && (files[`${job.spec}/${job.name}.test.ts`] = readFileSync(`${job.base}.test.ts`, "utf8")), ctx.awaitsWork ? writeFilesTurn(files) : textReply(`Done: wrote ${Object.keys(files).join(" and ")}.`);
    }
  };
}
var TRIAGE_LINE = /^speccc-triage:[ \t]*(\S+)[ \t]*$/m;
function triageJob(dir, ctx) {
  let id = TRIAGE_LINE.exec(ctx.allText)?.[1];
  return id === void 0 ? void 0 : { id, source: join(dir, "@triage", `${id}.json`) };
}
function triageRule(dir) {
  return {
    name: "dir:@triage",
    match: { where: (ctx) => existsSync(triageJob(dir, ctx)?.source ?? "") },
    reply: (ctx) => {
      let job = triageJob(dir, ctx), value;
      try {
        value = JSON.parse(readFileSync(job.source, "utf8"));
      } catch (error) {
        return textReply(`twin: @triage/${job.id}.json is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      let calls = Array.isArray(value) ? value : [value];
      return toolUseReply("record_decision", calls[Math.min(ctx.turn, calls.length - 1)]);
    }
  };
}
function askedPaths(ctx) {
  return [...(/Write exactly these files[^\n]*\n((?:- `[^`]+`\n?)+)/.exec(ctx.allText)?.[1] ?? "").matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
}
var FILES_SHOWN = 4;
function missingReply(dir, ctx, asked) {
  let scenario = SCENARIO_LINE.exec(ctx.allText), triage = TRIAGE_LINE.exec(ctx.allText), proposal = PROPOSAL_LINE.exec(ctx.allText), message;
  if (proposal)
    message = `twin: no reply for the proposal ${proposal[1]}/${proposal[2]} (turn ${ctx.turn + 1}) in ${dir}: add @proposals/${proposal[1]}/${proposal[2]}.md and .test.ts (or .none)`;
  else if (triage)
    message = `twin: no reply for the triage of request ${triage[1]} (turn ${ctx.turn + 1}) in ${dir}: add @triage/${triage[1]}.json (the record_decision input)`;
  else if (scenario)
    message = `twin: no reply for the check of scenario ${scenario[1]}/${scenario[2]} (turn ${ctx.turn + 1}) in ${dir}: add @scenarios/${scenario[1]}/${scenario[2]}.test.ts`;
  else {
    let id = ctx.specId, attempt = Math.max((asked.get(id) ?? 0) + (ctx.awaitsWork ? 1 : 0), 1);
    asked.set(id, attempt);
    let folder = id.replace(":", "/"), paths = askedPaths(ctx).map((p) => `${folder}/${p}`), files = paths.length === 0 ? `${folder}/<each output path of the spec>` : paths.length <= FILES_SHOWN ? paths.join(", ") : `${paths.slice(0, FILES_SHOWN).join(", ")} and ${paths.length - FILES_SHOWN} more of its outputs`;
    message = `twin: no reply for spec ${id}'s job (attempt ${attempt}, turn ${ctx.turn + 1}) in ${dir}: add ${files}`;
  }
  return { kind: "status", status: 400, errorType: "invalid_request_error", message };
}
async function directoryScript(dir) {
  let folders = (await readdir(dir, { withFileTypes: !0 })).filter((e) => e.isDirectory() && !RESERVED.test(e.name)), ids = [...new Set(folders.map((e) => /^(.+?)(?:@\d+)?$/.exec(e.name)[1]))].sort(), added = /* @__PURE__ */ new Map(), addedReply = (id) => added.get(id) ?? added.set(id, attemptsReply(dir, id)).get(id), asked = /* @__PURE__ */ new Map(), isSpecJob = (ctx) => ctx.specId !== void 0 && !RESERVED.test(ctx.specId);
  return [
    triageRule(dir),
    proposalRule(dir),
    scenarioRule(dir),
    ...ids.map((id) => specRule(dir, id)),
    {
      name: "dir:added",
      match: { where: (ctx) => isSpecJob(ctx) && !ids.includes(ctx.specId) && attemptFolders(dir, ctx.specId).length > 0 },
      reply: (ctx) => addedReply(ctx.specId)(ctx)
    },
    {
      name: "dir:no-reply",
      match: { where: (ctx) => isSpecJob(ctx) || SCENARIO_LINE.test(ctx.allText) || TRIAGE_LINE.test(ctx.allText) || PROPOSAL_LINE.test(ctx.allText) },
      fault: (ctx) => missingReply(dir, ctx, asked)
    }
  ];
}

// src/api-twin/server.ts
import { createServer } from "node:http";

// src/api-twin/errors.ts
function errorResponse(status, type, message, requestId, headers = {}, errorCode) {
  return {
    status,
    body: {
      type: "error",
      error: { type, message, ...errorCode ? { details: { error_code: errorCode } } : {} },
      request_id: requestId
    },
    headers
  };
}
function faultResponse(fault, requestId) {
  switch (fault.kind) {
    case "rate-limit": {
      let retryAfter = fault.retryAfter ?? 1;
      return errorResponse(
        429,
        "rate_limit_error",
        "This request would exceed the rate limit for your organization of 50 requests per minute. Please retry after the time in the retry-after header.",
        requestId,
        { "retry-after": String(retryAfter), "anthropic-ratelimit-requests-remaining": "0" }
      );
    }
    case "overloaded":
      return errorResponse(529, "overloaded_error", "Overloaded", requestId);
    case "server-error":
      return errorResponse(500, "api_error", "Internal server error", requestId);
    case "spend-limit":
      return errorResponse(
        429,
        "rate_limit_error",
        "Your organization has reached its enforced spend limit (enforced_spend_limit_reached). Raise the limit in the Console to continue.",
        requestId,
        // The SDK must not retry this: nothing will change until a person acts.
        { "x-should-retry": "false" },
        "enforced_spend_limit_reached"
      );
    case "status":
      return errorResponse(fault.status, fault.errorType, fault.message, requestId, fault.headers ?? {});
    case "stream-error":
    case "reset":
      return;
  }
}

// src/api-twin/tokens.ts
import { createHash } from "node:crypto";
function countText(text) {
  let ascii = 0, other = 0;
  for (let ch of text) {
    let code = ch.codePointAt(0);
    code < 128 ? ascii++ : other += code > 65535 ? 2 : 1;
  }
  return Math.ceil(ascii / 4) + other;
}
function withoutCacheControl(value) {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (value && typeof value == "object") {
    let out = {};
    for (let key of Object.keys(value).sort())
      key !== "cache_control" && (out[key] = withoutCacheControl(value[key]));
    return out;
  }
  return value;
}
function breakpointOf(block) {
  if (!block || typeof block != "object") return;
  let cc = block.cache_control;
  if (!(!cc || cc.type !== "ephemeral"))
    return cc.ttl === "1h" ? "1h" : "5m";
}
function blockText(block) {
  if (typeof block == "string") return block;
  if (!block || typeof block != "object") return "";
  let b = block;
  switch (b.type) {
    case "text":
      return typeof b.text == "string" ? b.text : "";
    case "tool_use":
      return `${String(b.name ?? "")}${JSON.stringify(b.input ?? {})}`;
    case "thinking":
      return typeof b.thinking == "string" ? b.thinking : "";
    case "redacted_thinking":
      return typeof b.data == "string" ? b.data : "";
    case "tool_result": {
      let c = b.content;
      return typeof c == "string" ? c : Array.isArray(c) ? c.map(blockText).join("") : "";
    }
    default:
      return JSON.stringify(withoutCacheControl(block));
  }
}
function segment(role, block, counted = !0) {
  return {
    canonical: `${role}:${JSON.stringify(withoutCacheControl(block))}`,
    tokens: counted ? countText(blockText(block)) : 0,
    breakpoint: breakpointOf(block)
  };
}
function isThinking(block) {
  let type = block?.type;
  return type === "thinking" || type === "redacted_thinking";
}
function currentAssistantTurn(messages) {
  let last = messages.length - 1;
  if (messages[last]?.role === "assistant") return last;
  let content = messages[last]?.content;
  return Array.isArray(content) && content.some((b) => b?.type === "tool_result") && messages[last - 1]?.role === "assistant" ? last - 1 : -1;
}
function segmentsOf(body) {
  let out = [];
  if (Array.isArray(body.tools)) for (let tool of body.tools) out.push(segment("tool", tool));
  if (typeof body.system == "string") out.push(segment("system", { type: "text", text: body.system }));
  else if (Array.isArray(body.system)) for (let block of body.system) out.push(segment("system", block));
  if (Array.isArray(body.messages)) {
    let messages = body.messages, current = currentAssistantTurn(messages);
    for (let [i, message] of messages.entries()) {
      let role = String(message?.role ?? ""), content = message?.content;
      if (typeof content == "string") out.push(segment(role, { type: "text", text: content }));
      else if (Array.isArray(content)) for (let block of content) out.push(segment(role, block, i === current || !isThinking(block)));
    }
  }
  return out;
}
function countInputTokens(body) {
  return segmentsOf(body).reduce((sum, s) => sum + s.tokens, 0);
}
function newPromptCache() {
  return { entries: /* @__PURE__ */ new Map() };
}
var TTL_MS = { "5m": 5 * 6e4, "1h": 60 * 6e4 };
function planCacheUsage(cache, body, minTokens, now) {
  let segments = segmentsOf(body), total = segments.reduce((sum, s) => sum + s.tokens, 0), model = String(body.model ?? ""), hash = createHash("sha256").update(model), prefixes = [], running = 0;
  for (let s of segments)
    hash.update("\0").update(s.canonical), running += s.tokens, s.breakpoint && prefixes.push({ key: hash.copy().digest("hex"), tokens: running, ttl: s.breakpoint });
  let live = (key) => {
    let entry = cache.entries.get(key);
    return entry !== void 0 && entry.expiresAt > now;
  }, read = 0;
  for (let p of prefixes)
    live(p.key) && (read = Math.max(read, p.tokens), cache.entries.get(p.key).expiresAt = now + TTL_MS[p.ttl]);
  let writes = prefixes.filter((p) => p.tokens >= minTokens && !live(p.key)).map((p) => ({ key: p.key, ttl: p.ttl })), created = 0, creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 }, last = prefixes[prefixes.length - 1];
  return last && last.tokens >= minTokens && last.tokens > read && (created = last.tokens - read, last.ttl === "1h" ? creation.ephemeral_1h_input_tokens = created : creation.ephemeral_5m_input_tokens = created), {
    usage: {
      input_tokens: total - read - created,
      cache_creation_input_tokens: created,
      cache_read_input_tokens: read,
      cache_creation: creation
    },
    writes
  };
}
function commitCacheWrites(cache, writes, now) {
  for (let w of writes) cache.entries.set(w.key, { expiresAt: now + TTL_MS[w.ttl] });
}
function defaultMinCacheableTokens(model) {
  return /haiku/i.test(model) ? 2048 : 1024;
}

// src/api-twin/reply.ts
function blockChars(b) {
  return b.type === "text" ? b.text.length : b.name.length + b.json.length;
}
function resolveTurn(turn, maxTokens, nextToolId, thinking) {
  let blocks = turn.content.map(
    (b) => b.type === "text" ? { type: "text", text: b.text } : { type: "tool_use", id: b.id ?? nextToolId(), name: b.name, json: b.rawJson ?? JSON.stringify(b.input ?? {}) }
  ), stopReason = turn.stop_reason ?? (blocks.some((b) => b.type === "tool_use") ? "tool_use" : "end_turn"), thought = thinking?.text, totalChars = (thought?.length ?? 0) + blocks.reduce((n, b) => n + blockChars(b), 0), outputTokens = turn.outputTokens ?? (thought === void 0 ? 0 : countText(thought)) + countText(blocks.map((b) => b.type === "text" ? b.text : b.name + b.json).join(""));
  if (Math.ceil(totalChars / 4) > maxTokens && turn.outputTokens === void 0) {
    let budget = maxTokens * 4;
    thought !== void 0 && (budget -= thought.length, thought = thought.slice(0, maxTokens * 4));
    let cut = [];
    for (let b of blocks) {
      if (budget <= 0) break;
      if (b.type === "text")
        cut.push({ ...b, text: b.text.slice(0, budget) }), budget -= b.text.length;
      else {
        let room = Math.max(0, budget - b.name.length);
        cut.push({ ...b, json: b.json.slice(0, room) }), budget -= b.name.length + b.json.length;
      }
    }
    blocks.splice(0, blocks.length, ...cut), stopReason = "max_tokens", outputTokens = maxTokens;
  }
  let stopDetails = stopReason === "refusal" ? turn.stop_details ?? { type: "refusal", category: null, explanation: null } : null;
  if (thought === void 0 || !thinking) return { blocks, stopReason, stopDetails, outputTokens, thinkingTokens: void 0 };
  let shown = thinking.display === "omitted" ? "" : thought;
  return {
    blocks: [{ type: "thinking", thinking: shown, signature: thinking.sign(shown) }, ...blocks],
    stopReason,
    stopDetails,
    outputTokens,
    thinkingTokens: Math.min(countText(thought), outputTokens)
  };
}
function outputUsage(turn) {
  return {
    output_tokens: turn.outputTokens,
    ...turn.thinkingTokens === void 0 ? {} : { output_tokens_details: { thinking_tokens: turn.thinkingTokens } }
  };
}
function parseInput(json) {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}
function contentJson(block) {
  switch (block.type) {
    case "thinking":
      return { type: "thinking", thinking: block.thinking, signature: block.signature };
    case "text":
      return { type: "text", text: block.text, citations: null };
    case "tool_use":
      return { type: "tool_use", id: block.id, name: block.name, input: parseInput(block.json) };
  }
}
function messageJson(id, model, turn, usage) {
  return {
    id,
    type: "message",
    role: "assistant",
    model,
    content: turn.blocks.map(contentJson),
    stop_reason: turn.stopReason,
    stop_sequence: null,
    stop_details: turn.stopDetails,
    usage: { ...usage, ...outputUsage(turn), service_tier: "standard" }
  };
}
function chunks(text, size, atLeast) {
  let n = Math.max(atLeast, Math.ceil(text.length / size)), step = Math.max(1, Math.ceil(text.length / n)), out = [];
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + step));
  return out.length > 0 ? out : [""];
}
function sseEvents(id, model, turn, usage, chunkChars) {
  let events = [
    {
      event: "message_start",
      data: {
        type: "message_start",
        message: {
          id,
          type: "message",
          role: "assistant",
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          stop_details: null,
          usage: { ...usage, output_tokens: 1, service_tier: "standard" }
        }
      }
    }
  ];
  turn.blocks.length === 0 && events.push({ event: "ping", data: { type: "ping" } });
  let delta = (index, d) => events.push({ event: "content_block_delta", data: { type: "content_block_delta", index, delta: d } });
  return turn.blocks.forEach((block, index) => {
    let start = block.type === "thinking" ? { type: "thinking", thinking: "", signature: "" } : block.type === "text" ? { type: "text", text: "", citations: null } : { type: "tool_use", id: block.id, name: block.name, input: {} };
    if (events.push({ event: "content_block_start", data: { type: "content_block_start", index, content_block: start } }), index === 0 && events.push({ event: "ping", data: { type: "ping" } }), block.type === "thinking") {
      if (block.thinking !== "") for (let thinking of chunks(block.thinking, chunkChars, 1)) delta(index, { type: "thinking_delta", thinking });
      delta(index, { type: "signature_delta", signature: block.signature });
    } else if (block.type === "text")
      for (let text of chunks(block.text, chunkChars, 1)) delta(index, { type: "text_delta", text });
    else
      for (let partial_json of chunks(block.json, chunkChars, 2)) delta(index, { type: "input_json_delta", partial_json });
    events.push({ event: "content_block_stop", data: { type: "content_block_stop", index } });
  }), events.push({
    event: "message_delta",
    data: {
      type: "message_delta",
      delta: { stop_reason: turn.stopReason, stop_sequence: null, stop_details: turn.stopDetails },
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        ...outputUsage(turn),
        ...usage.task_budget ? { task_budget: usage.task_budget } : {}
      }
    }
  }), events.push({ event: "message_stop", data: { type: "message_stop" } }), events;
}
function encodeSse(e) {
  return `event: ${e.event}
data: ${JSON.stringify(e.data)}

`;
}

// src/api-twin/strict-schema.ts
var UNSUPPORTED = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "maxItems", "patternProperties", "if", "then", "else", "not"], TYPES = /* @__PURE__ */ new Set(["object", "string", "number", "integer", "boolean", "array", "null"]), isObject = (v) => v !== null && typeof v == "object" && !Array.isArray(v);
function typesOf(schema) {
  let t = schema.type;
  return typeof t == "string" ? [t] : Array.isArray(t) ? t.filter((x) => typeof x == "string") : [];
}
function strictSchemaError(schema, at) {
  if (!isObject(schema)) return `${at}: Input should be a valid dictionary`;
  for (let key of UNSUPPORTED) if (key in schema) return `${at}: '${key}' is not supported in strict mode`;
  if (typeof schema.minItems == "number" && schema.minItems > 1) return `${at}: 'minItems' values other than 0 and 1 are not supported in strict mode`;
  for (let t of typesOf(schema)) if (!TYPES.has(t)) return `${at}.type: '${t}' is not a supported type`;
  if (typesOf(schema).includes("object") || "properties" in schema) {
    if (schema.additionalProperties !== !1) return `${at}: For 'object' type, 'additionalProperties' must be explicitly set to false in strict mode`;
    let properties = isObject(schema.properties) ? schema.properties : {}, required = Array.isArray(schema.required) ? schema.required : [], optional = Object.keys(properties).filter((p) => !required.includes(p));
    if (optional.length > 0) return `${at}: In strict mode every property must be listed in 'required'; missing: ${optional.join(", ")}`;
    for (let [name, sub] of Object.entries(properties)) {
      let error = strictSchemaError(sub, `${at}.properties.${name}`);
      if (error) return error;
    }
  }
  if ("items" in schema) {
    let error = strictSchemaError(schema.items, `${at}.items`);
    if (error) return error;
  }
  if (Array.isArray(schema.anyOf))
    for (let [i, sub] of schema.anyOf.entries()) {
      let error = strictSchemaError(sub, `${at}.anyOf.${i}`);
      if (error) return error;
    }
}
function typeMatches(type, value) {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value == "string";
    case "number":
      return typeof value == "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value == "boolean";
    case "null":
      return value === null;
    default:
      return !1;
  }
}
function inputError(schema, value, at) {
  let types = typesOf(schema);
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) return `${at}: expected ${types.join(" or ")}, got ${value === null ? "null" : Array.isArray(value) ? "array" : typeof value}`;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return `${at}: not one of the enum values`;
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return `${at}: not the const value`;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => isObject(s) && inputError(s, value, at) === void 0)) return `${at}: matches none of anyOf`;
  if (isObject(value) && isObject(schema.properties)) {
    let properties = schema.properties;
    for (let name of Array.isArray(schema.required) ? schema.required : []) if (!(name in value)) return `${at}: missing required property '${name}'`;
    for (let [name, v] of Object.entries(value)) {
      let sub = properties[name];
      if (!isObject(sub)) return `${at}: unexpected property '${name}' (additionalProperties is false)`;
      let error = inputError(sub, v, `${at}.${name}`);
      if (error) return error;
    }
  }
  if (Array.isArray(value) && isObject(schema.items))
    for (let [i, v] of value.entries()) {
      let error = inputError(schema.items, v, `${at}.${i}`);
      if (error) return error;
    }
}
function strictTools(tools) {
  let out = /* @__PURE__ */ new Map();
  if (!Array.isArray(tools)) return out;
  for (let tool of tools) isObject(tool) && tool.strict === !0 && typeof tool.name == "string" && isObject(tool.input_schema) && out.set(tool.name, tool.input_schema);
  return out;
}

// src/api-twin/task-budget.ts
var TASK_BUDGET_BETA = "task-budgets-2026-03-13";
function field(value, key) {
  return value && typeof value == "object" ? value[key] : void 0;
}
function betasOf(header) {
  let text = Array.isArray(header) ? header.join(",") : header ?? "";
  return new Set(text.split(",").map((b) => b.trim()).filter(Boolean));
}
function taskBudgetError(body, betas) {
  let budget = field(body.output_config, "task_budget");
  if (budget == null) return;
  if (!betas.has(TASK_BUDGET_BETA)) return "output_config.task_budget: Extra inputs are not permitted";
  if (field(budget, "type") !== "tokens") return "output_config.task_budget.type: Input should be 'tokens'";
  let total = field(budget, "total");
  if (typeof total != "number" || !Number.isInteger(total)) return "output_config.task_budget.total: Field required";
  if (total < 1) return "output_config.task_budget.total: Input should be greater than or equal to 1";
  let remaining = field(budget, "remaining");
  if (remaining != null) {
    if (typeof remaining != "number" || !Number.isInteger(remaining) || remaining < 0) return "output_config.task_budget.remaining: Input should be a valid integer, greater than or equal to 0";
    if (remaining > total) return "output_config.task_budget.remaining: Input should be less than or equal to `total`";
  }
}
function taskBudgetOf(body) {
  let budget = field(body.output_config, "task_budget"), total = field(budget, "total");
  if (typeof total != "number") return;
  let remaining = field(budget, "remaining");
  return { total, remaining: typeof remaining == "number" ? remaining : total };
}
function countedDown(budget, outputTokens) {
  return budget ? { task_budget: { total: budget.total, remaining: Math.max(0, budget.remaining - outputTokens) } } : {};
}

// src/api-twin/thinking.ts
var EFFORTS = ["low", "medium", "high", "xhigh", "max"], THINKING_TYPES = ["enabled", "disabled", "between_tools", "adaptive"];
function objectField(value, key) {
  return value && typeof value == "object" ? value[key] : void 0;
}
function thinkingMode(body, continuesToolLoop) {
  let type = objectField(body.thinking, "type"), budget = objectField(body.thinking, "budget_tokens");
  return {
    enabled: type === "adaptive" || type === "enabled" || type === "between_tools" && continuesToolLoop,
    type: typeof type == "string" ? type : void 0,
    display: objectField(body.thinking, "display") === "omitted" ? "omitted" : "summarized",
    budget: typeof budget == "number" ? budget : void 0
  };
}
function effortOf(body) {
  let effort = objectField(body.output_config, "effort");
  return EFFORTS.find((e) => e === effort);
}
var STEPS = [
  "Work out what is being asked.",
  "Check the instructions and the tools that are available.",
  "List what a complete answer has to include.",
  "Consider the edge cases and what could go wrong.",
  "Plan the answer step by step.",
  "Check the plan against the request once more.",
  "Look for a simpler way to reach the same result.",
  "Settle on the plan, then write the answer."
], STEPS_BY_EFFORT = { low: 1, medium: 2, high: 4, xhigh: 6, max: 8 };
function defaultThinking(lastUserText, effort = "high", budgetTokens) {
  let text = [`The request: "${lastUserText.replace(/\s+/g, " ").trim().slice(0, 80)}".`, ...STEPS.slice(0, STEPS_BY_EFFORT[effort])].join(" ");
  return budgetTokens === void 0 ? text : text.slice(0, budgetTokens * 4);
}

// src/api-twin/request.ts
function blocksOf(message) {
  return typeof message.content == "string" ? [{ type: "text", text: message.content }] : Array.isArray(message.content) ? message.content : [];
}
function field2(block, key) {
  return block && typeof block == "object" ? block[key] : void 0;
}
function validateMessages(body, needsMaxTokens) {
  if (!body || typeof body != "object" || Array.isArray(body)) return "Request body must be a JSON object";
  if (typeof body.model != "string" || body.model === "") return "model: Field required";
  if (needsMaxTokens && (typeof body.max_tokens != "number" || !Number.isInteger(body.max_tokens)))
    return "max_tokens: Field required";
  if (needsMaxTokens && body.max_tokens < 1) return "max_tokens: Input should be greater than or equal to 1";
  if (!Array.isArray(body.messages)) return "messages: Field required";
  if (body.system !== void 0 && typeof body.system != "string" && !Array.isArray(body.system))
    return "system: Input should be a valid string or a list of text blocks";
  if (body.tools !== void 0) {
    if (!Array.isArray(body.tools)) return "tools: Input should be a valid list";
    for (let [i, tool] of body.tools.entries()) {
      let name = field2(tool, "name");
      if (typeof name != "string") return `tools.${i}.name: Field required`;
      if (!/^[a-zA-Z0-9_-]{1,128}$/.test(name)) return `tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
      if (field2(tool, "type") === void 0 || field2(tool, "type") === "custom") {
        let schema = field2(tool, "input_schema");
        if (!schema || typeof schema != "object") return `tools.${i}.custom.input_schema: Field required`;
        if (field2(schema, "type") !== "object") return `tools.${i}.custom.input_schema.type: Input should be 'object'`;
        let strict = field2(tool, "strict");
        if (strict !== void 0 && typeof strict != "boolean") return `tools.${i}.custom.strict: Input should be a valid boolean`;
        if (strict === !0) {
          let problem = strictSchemaError(schema, `tools.${i}.custom.input_schema`);
          if (problem) return problem;
        }
      }
    }
    let names = body.tools.map((t) => field2(t, "name"));
    if (names.find((n, i) => names.indexOf(n) !== i) !== void 0) return "tools: Tool names must be unique.";
  }
  if (body.messages.length === 0) return "messages: at least one message is required";
  let messages = body.messages;
  for (let [i, m] of messages.entries()) {
    if (m?.role !== "user" && m?.role !== "assistant")
      return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    if (typeof m.content != "string" && !Array.isArray(m.content))
      return `messages.${i}.content: Input should be a valid list`;
    for (let [j, b] of blocksOf(m).entries()) {
      if (field2(b, "type") === "text" && field2(b, "text") === "")
        return `messages.${i}.content.${j}.text: text content blocks must be non-empty`;
      if (field2(b, "type") === "tool_use" && (typeof field2(b, "id") != "string" || typeof field2(b, "name") != "string"))
        return `messages.${i}.content.${j}: tool_use blocks need an id and a name`;
    }
    if (m.content === "") return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
  }
  for (let [i, m] of messages.entries()) {
    let prev = i > 0 ? messages[i - 1] : void 0, expected = prev?.role === "assistant" ? blocksOf(prev).filter((b) => field2(b, "type") === "tool_use").map((b) => String(field2(b, "id"))) : [], results = m.role === "user" ? blocksOf(m).filter((b) => field2(b, "type") === "tool_result") : [];
    for (let [j, r] of blocksOf(m).entries()) {
      if (field2(r, "type") !== "tool_result") continue;
      let id = String(field2(r, "tool_use_id"));
      if (!expected.includes(id))
        return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    }
    let answered = new Set(results.map((r) => String(field2(r, "tool_use_id")))), missing = expected.filter((id) => !answered.has(id));
    if (missing.length > 0)
      return `messages.${i - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
  }
  let last = messages[messages.length - 1], lastTools = last.role === "assistant" ? blocksOf(last).filter((b) => field2(b, "type") === "tool_use") : [];
  if (lastTools.length > 0)
    return `messages.${messages.length - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${lastTools.map((b) => String(field2(b, "id"))).join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
}
function systemText(system) {
  return typeof system == "string" ? system : Array.isArray(system) ? system.map(blockText).join(`
`) : "";
}
var SPEC_ID_LINE = /^speccc-spec-id:[ \t]*(\S+)[ \t]*$/m;
function requestContext(body, requestIndex) {
  let messages = body.messages, lastUser = [...messages].reverse().find((m) => m.role === "user"), lastUserBlocks = lastUser ? blocksOf(lastUser) : [], lastUserText = lastUserBlocks.map(blockText).join(`
`), allText = [systemText(body.system), ...messages.map((m) => blocksOf(m).map(blockText).join(`
`))].join(`
`), toolResults = lastUserBlocks.filter((b) => field2(b, "type") === "tool_result").map((b) => ({
    tool_use_id: String(field2(b, "tool_use_id")),
    is_error: field2(b, "is_error") === !0,
    text: blockText(b)
  }));
  return {
    requestIndex,
    turn: messages.filter((m) => m.role === "assistant").length,
    body,
    lastUserText,
    allText,
    specId: SPEC_ID_LINE.exec(allText)?.[1],
    hasToolResults: toolResults.length > 0,
    // A fix request may ride on the same user turn as pending tool results: it is new input.
    awaitsWork: toolResults.length === 0 || lastUserBlocks.some((b) => field2(b, "type") === "text" && blockText(b).trim() !== ""),
    toolResults,
    thinking: thinkingMode(body, toolResults.length > 0 && lastUser === messages[messages.length - 1]).enabled,
    effort: effortOf(body),
    ...taskBudgetOf(body) ? { taskBudget: taskBudgetOf(body) } : {}
  };
}

// src/api-twin/state.ts
function nextId(state, prefix) {
  return state.seq += 1, `${prefix}_twin${String(state.seq).padStart(8, "0")}`;
}

// src/api-twin/models.ts
var DEFAULT_MODELS = [
  "claude-fable-5-2",
  "claude-mythos-5-2",
  "claude-haiku-5-5",
  "claude-sonnet-5-5",
  "claude-fable-5-1",
  "claude-opus-5-5",
  "claude-mythos-5-1",
  "claude-sonnet-5",
  "claude-fable-5",
  "claude-mythos-5",
  "claude-opus-5",
  "claude-opus-4-8",
  "claude-opus-4-7",
  "claude-mythos-preview",
  "claude-opus-4-6",
  "claude-sonnet-4-6",
  "claude-haiku-4-5",
  "claude-haiku-4-5-20251001",
  "claude-opus-4-5",
  "claude-opus-4-5-20251101",
  "claude-sonnet-4-5",
  "claude-sonnet-4-5-20250929"
], DEFAULT_LIFECYCLES = {
  "claude-mythos-preview": { lifecycle: "retired", deprecated_at: "2026-06-09T00:00:00Z", retires_at: "2026-09-09T00:00:00Z", successor: "claude-mythos-5-2" },
  "claude-opus-4-5": { lifecycle: "deprecated", deprecated_at: "2026-09-01T00:00:00Z", retires_at: "2027-03-01T00:00:00Z", successor: "claude-opus-5-5" },
  "claude-opus-4-5-20251101": { lifecycle: "deprecated", deprecated_at: "2026-09-01T00:00:00Z", retires_at: "2027-03-01T00:00:00Z", successor: "claude-opus-5-5" },
  "claude-sonnet-4-5": { lifecycle: "deprecated", deprecated_at: "2026-09-01T00:00:00Z", retires_at: "2027-03-01T00:00:00Z", successor: "claude-sonnet-5-5" },
  "claude-sonnet-4-5-20250929": { lifecycle: "deprecated", deprecated_at: "2026-09-01T00:00:00Z", retires_at: "2027-03-01T00:00:00Z", successor: "claude-sonnet-5-5" }
}, ACTIVE = { lifecycle: "active", deprecated_at: null, retires_at: null, successor: null };
function isFiveSeries(model) {
  return /^claude-(opus|sonnet|haiku|fable|mythos)-5/.test(model);
}
var LINES = ["haiku", "sonnet", "opus", "fable", "mythos"];
function displayName(id) {
  let words = id.replace(/-\d{8}$/, "").split("-"), out = [];
  for (let word of words) {
    let last = out[out.length - 1];
    /^\d+$/.test(word) && last !== void 0 && /^\d+(\.\d+)*$/.test(last) ? out[out.length - 1] = `${last}.${word}` : out.push(/^\d/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1));
  }
  return out.join(" ");
}
function modelInfo(id, index, lifecycles = DEFAULT_LIFECYCLES) {
  let life = lifecycles[id] ?? ACTIVE, created = new Date(Date.UTC(2026, 10, 1) - index * 7 * 864e5).toISOString().replace(".000Z", "Z");
  return {
    type: "model",
    id,
    display_name: displayName(id),
    created_at: created,
    capabilities: null,
    deprecated_at: life.deprecated_at,
    lifecycle: life.lifecycle,
    line: LINES.find((line) => id.startsWith(`claude-${line}-`)) ?? null,
    max_input_tokens: null,
    max_tokens: null,
    retires_at: life.retires_at,
    successor: life.successor
  };
}
function handleModels(models, path, query, lifecycles = DEFAULT_LIFECYCLES) {
  if (path.startsWith("/v1/models/")) {
    let id = decodeURIComponent(path.slice(11)), index = models.indexOf(id);
    return index < 0 ? { status: 404, errorType: "not_found_error", message: `model: ${id}` } : { status: 200, body: modelInfo(id, index, lifecycles) };
  }
  if (path !== "/v1/models") return { status: 404, errorType: "not_found_error", message: `Not found: GET ${path}` };
  let limitText = query.get("limit"), limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1e3)
    return { status: 400, errorType: "invalid_request_error", message: "limit: Input should be greater than or equal to 1 and less than or equal to 1000" };
  let all = models.map((id, i) => modelInfo(id, i, lifecycles)), afterId = query.get("after_id"), beforeId = query.get("before_id"), data, hasMore;
  if (beforeId !== null) {
    let end = Math.max(0, models.indexOf(beforeId)), start = Math.max(0, end - limit);
    data = all.slice(start, end), hasMore = start > 0;
  } else {
    let start = afterId === null ? 0 : models.indexOf(afterId) + 1;
    data = start === 0 && afterId !== null ? [] : all.slice(start, start + limit), hasMore = start + limit < all.length && data.length > 0;
  }
  return {
    status: 200,
    body: { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null }
  };
}

// src/api-twin/validate-thinking.ts
var DOCS = "https://docs.claude.com/en/docs/build-with-claude/extended-thinking";
function field3(value, key) {
  return value && typeof value == "object" ? value[key] : void 0;
}
function blocksOf2(message) {
  let content = field3(message, "content");
  return typeof content == "string" ? [{ type: "text", text: content }] : Array.isArray(content) ? content : [];
}
function thinkingConfigError(body, needsMaxTokens) {
  if (body.thinking === void 0) return;
  let type = field3(body.thinking, "type");
  if (!THINKING_TYPES.some((t) => t === type))
    return `thinking: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: ${THINKING_TYPES.map((t) => `'${t}'`).join(", ")}`;
  let display = field3(body.thinking, "display");
  if (display != null && display !== "summarized" && display !== "omitted")
    return `thinking.${String(type)}.display: Input should be 'summarized' or 'omitted'`;
  if (type !== "enabled") return;
  let budget = field3(body.thinking, "budget_tokens");
  if (typeof budget != "number" || !Number.isInteger(budget)) return "thinking.enabled.budget_tokens: Field required";
  if (budget < 1024) return "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024";
  if (needsMaxTokens && typeof body.max_tokens == "number" && body.max_tokens <= budget)
    return `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${DOCS}#max-tokens-and-context-window-size`;
}
function effortError(body) {
  if (body.output_config === void 0) return;
  if (!body.output_config || typeof body.output_config != "object" || Array.isArray(body.output_config))
    return "output_config: Input should be a valid dictionary";
  let effort = field3(body.output_config, "effort");
  if (!(effort == null || EFFORTS.some((e) => e === effort)))
    return `output_config.effort: Input should be ${EFFORTS.slice(0, -1).map((e) => `'${e}'`).join(", ")} or '${EFFORTS[EFFORTS.length - 1]}'`;
}
function toolChoiceError(body, thinking) {
  let type = field3(body.tool_choice, "type");
  if (type !== "any" && type !== "tool") return;
  if (thinking) return "Thinking may not be enabled when tool_choice forces tool use.";
  let model = String(body.model);
  if (isFiveSeries(model))
    return `${model} does not support tool_choice that forces tool use (\`any\` or \`tool\`). Use \`auto\` or \`none\`.`;
}
function toolLoopError(messages) {
  let last = messages[messages.length - 1];
  if (field3(last, "role") !== "user" || !blocksOf2(last).some((b) => field3(b, "type") === "tool_result")) return;
  let index = messages.length - 2, first = blocksOf2(messages[index])[0], type = field3(first, "type");
  if (!(type === "thinking" || type === "redacted_thinking"))
    return `messages.${index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(type)}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at ${DOCS}`;
}
function signatureError(messages, model, verify) {
  for (let [i, message] of messages.entries())
    for (let [j, block] of blocksOf2(message).entries()) {
      let type = field3(block, "type");
      if (type === "redacted_thinking" && typeof field3(block, "data") != "string") return `messages.${i}.content.${j}.data: Field required`;
      if (type !== "thinking") continue;
      let thinking = field3(block, "thinking"), signature = field3(block, "signature");
      if (typeof thinking != "string" || typeof signature != "string" || !verify(model, thinking, signature))
        return `messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`;
    }
}
function validateThinking(body, verify, needsMaxTokens) {
  let messages = body.messages, last = messages[messages.length - 1], continuesToolLoop = blocksOf2(last).some((b) => field3(b, "type") === "tool_result"), mode = thinkingMode(body, continuesToolLoop);
  return thinkingConfigError(body, needsMaxTokens) ?? effortError(body) ?? toolChoiceError(body, mode.enabled || mode.type === "between_tools") ?? (mode.enabled ? toolLoopError(messages) : void 0) ?? signatureError(messages, String(body.model), verify);
}

// src/api-twin/answer.ts
function validateRequest(state, body, needsMaxTokens, betas = /* @__PURE__ */ new Set()) {
  return validateMessages(body, needsMaxTokens) ?? validateThinking(body, state.signer.verify, needsMaxTokens) ?? taskBudgetError(body, betas);
}
function resolveReply(state, body, ctx, turn) {
  let model = String(body.model), mode = thinkingMode(body, ctx.hasToolResults), thinking = ctx.thinking ? {
    text: turn.thinking ?? defaultThinking(ctx.lastUserText, ctx.effort, mode.budget),
    display: mode.display,
    sign: (shown) => state.signer.sign(model, shown)
  } : void 0;
  return resolveTurn(turn, body.max_tokens, () => nextId(state, "toolu"), thinking);
}
function scriptedToolInputError(body, turn) {
  let strict = strictTools(body.tools);
  if (strict.size === 0) return;
  let uses = turn.blocks.filter((b) => b.type === "tool_use"), complete = turn.stopReason === "max_tokens" ? uses.slice(0, -1) : uses;
  for (let use of complete) {
    let schema = strict.get(use.name);
    if (!schema) continue;
    let input;
    try {
      input = JSON.parse(use.json);
    } catch {
      return `twin: the scripted \`${use.name}\` call is not valid JSON, which strict tool use never produces`;
    }
    let problem = inputError(schema, input, "input");
    if (problem) return `twin: the scripted \`${use.name}\` call does not match its strict input_schema (${problem}), which strict tool use never produces`;
  }
}

// src/api-twin/signature.ts
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
function newThinkingSigner() {
  let secret = randomBytes(32), mac = (model, thinking) => createHmac("sha256", secret).update(`${model}
`).update(thinking).digest();
  return {
    sign: (model, thinking) => mac(model, thinking).toString("base64"),
    verify(model, thinking, signature) {
      let given = Buffer.from(signature, "base64"), expected = mac(model, thinking);
      return given.length === expected.length && given.toString("base64") === signature && timingSafeEqual(given, expected);
    }
  };
}

// src/api-twin/script.ts
function matches(match, ctx) {
  return match ? !(match.lastUserIncludes !== void 0 && !ctx.lastUserText.includes(match.lastUserIncludes) || match.anyIncludes !== void 0 && !ctx.allText.includes(match.anyIncludes) || match.specId !== void 0 && ctx.specId !== match.specId || match.turn !== void 0 && ctx.turn !== match.turn || match.requestIndex !== void 0 && ctx.requestIndex !== match.requestIndex || match.model !== void 0 && ctx.body.model !== match.model || match.where && !match.where(ctx)) : !0;
}
function pickRule(script, uses, ctx) {
  for (let rule of script) {
    let used = uses.get(rule) ?? 0;
    if (!(rule.times !== void 0 && used >= rule.times) && matches(rule.match, ctx))
      return uses.set(rule, used + 1), rule;
  }
}

// src/api-twin/batches.ts
function errored(type, message, requestId) {
  return { type: "errored", error: errorResponse(400, type, message, requestId).body };
}
function answerItem(state, params, betas) {
  let requestId = nextId(state, "req"), invalid = validateRequest(state, params, !0, betas);
  if (invalid) return errored("invalid_request_error", invalid, requestId);
  state.messageCount += 1;
  let ctx = requestContext(params, state.messageCount), indexFault = state.options.faults?.[state.messageCount], rule = indexFault ? void 0 : pickRule(state.script, state.uses, ctx), fault = indexFault ?? (typeof rule?.fault == "function" ? rule.fault(ctx) : rule?.fault);
  if (fault)
    return { type: "errored", error: (faultResponse(fault, requestId) ?? errorResponse(500, "api_error", "Internal server error", requestId)).body };
  if (!rule) return errored("invalid_request_error", `twin: no script rule matched batch request ${state.messageCount}`, requestId);
  let turn = typeof rule.reply == "function" ? rule.reply(ctx) : rule.reply;
  if (!turn) return errored("api_error", "twin: the matched rule has neither reply nor fault", requestId);
  let model = String(params.model), now = (state.options.now ?? Date.now)(), { usage, writes } = planCacheUsage(state.cache, params, (state.options.minCacheableTokens ?? defaultMinCacheableTokens)(model), now), resolved = resolveReply(state, params, ctx, turn), badInput = scriptedToolInputError(params, resolved);
  return badInput ? errored("invalid_request_error", badInput, requestId) : (commitCacheWrites(state.cache, writes, now), { type: "succeeded", message: messageJson(nextId(state, "msg"), model, resolved, { ...usage, ...countedDown(ctx.taskBudget, resolved.outputTokens) }) });
}
function iso(ms) {
  return ms === void 0 ? null : new Date(ms).toISOString();
}
function batchJson(batch, now, baseUrl) {
  let ended = batch.canceledAt !== void 0 || now >= batch.endsAt, counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
  for (let r of batch.results)
    ended ? counts[r.result.type] += 1 : counts.processing += 1;
  return {
    id: batch.id,
    type: "message_batch",
    processing_status: ended ? "ended" : "in_progress",
    request_counts: counts,
    created_at: iso(batch.createdAt),
    ended_at: ended ? iso(batch.canceledAt ?? batch.endsAt) : null,
    expires_at: iso(batch.expiresAt),
    archived_at: iso(batch.archivedAt),
    cancel_initiated_at: iso(batch.canceledAt),
    results_url: ended ? `${baseUrl}/v1/messages/batches/${batch.id}/results` : null
  };
}
function handleBatches(state, method, path, body, baseUrl, requestId, betas = /* @__PURE__ */ new Set()) {
  let now = (state.options.now ?? Date.now)(), bad = (status, type, message) => ({
    status,
    body: errorResponse(status, type, message, requestId).body
  }), [, , , , id, action] = path.split("/");
  if (id === void 0 || id === "") {
    if (method === "GET") {
      let data = [...state.batches.values()].reverse().map((b) => batchJson(b, now, baseUrl));
      return { status: 200, body: { data, has_more: !1, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
    }
    if (method !== "POST") return bad(405, "invalid_request_error", `Method ${method} not allowed`);
    let requests = body?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return bad(400, "invalid_request_error", "requests: List should have at least 1 item");
    let ids = /* @__PURE__ */ new Set();
    for (let [i, r] of requests.entries()) {
      let customId = r?.custom_id;
      if (typeof customId != "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(customId))
        return bad(400, "invalid_request_error", `requests.${i}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      if (ids.has(customId)) return bad(400, "invalid_request_error", `Duplicate custom_id: ${customId}`);
      ids.add(customId);
    }
    let delay = state.options.batchDelayMs ?? 0, expiresAt = now + (state.options.batchExpireAfterMs ?? 24 * 36e5), finishesAt = (i) => now + delay * (i + 1) / requests.length, batch2 = {
      id: nextId(state, "msgbatch"),
      createdAt: now,
      endsAt: Math.min(now + delay, expiresAt),
      expiresAt,
      results: requests.map((r, i) => ({
        custom_id: r.custom_id,
        result: finishesAt(i) > expiresAt ? { type: "expired" } : answerItem(state, r.params ?? {}, betas)
      }))
    };
    return state.batches.set(batch2.id, batch2), { status: 200, body: batchJson(batch2, now, baseUrl) };
  }
  let batch = state.batches.get(id);
  if (!batch) return bad(404, "not_found_error", `message_batch_id: ${id} not found`);
  let ended = batch.canceledAt !== void 0 || now >= batch.endsAt;
  if (action === void 0 && method === "GET") return { status: 200, body: batchJson(batch, now, baseUrl) };
  if (action === void 0 && method === "DELETE")
    return ended ? (state.batches.delete(id), { status: 200, body: { id, type: "message_batch_deleted" } }) : bad(400, "invalid_request_error", "Batch is still in progress; cancel it before deleting");
  if (action === "cancel" && method === "POST") {
    if (!ended) {
      batch.canceledAt = now;
      for (let r of batch.results) r.result = { type: "canceled" };
    }
    return { status: 200, body: batchJson(batch, now, baseUrl) };
  }
  return action === "results" && method === "GET" ? ended ? { status: 200, jsonl: batch.results.map((r) => JSON.stringify(r)).join(`
`) + `
` } : bad(404, "not_found_error", `Results for batch ${id} are not ready yet`) : bad(404, "not_found_error", `Not found: ${method} ${path}`);
}

// src/api-twin/server.ts
var DEFAULT_SCRIPT = [
  { name: "default", reply: { content: [{ type: "text", text: "Hello from the speccc twin." }] } }
], SECRET_HEADERS = /* @__PURE__ */ new Set(["x-api-key", "authorization"]);
function redactedHeaders(req) {
  let out = {};
  for (let [name, value] of Object.entries(req.headers))
    value !== void 0 && (out[name] = SECRET_HEADERS.has(name) ? "REDACTED" : Array.isArray(value) ? value.join(", ") : value);
  return out;
}
function apiKeyOf(req) {
  let xKey = req.headers["x-api-key"];
  if (typeof xKey == "string" && xKey !== "") return { auth: "x-api-key", key: xKey };
  let bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return bearer ? { auth: "bearer", key: bearer[1] } : { auth: "none", key: void 0 };
}
function rateLimitHeaders(state) {
  let reset2 = new Date((state.options.now ?? Date.now)() + 6e4).toISOString();
  return {
    "anthropic-ratelimit-requests-limit": "4000",
    "anthropic-ratelimit-requests-remaining": String(Math.max(0, 4e3 - state.messageCount)),
    "anthropic-ratelimit-requests-reset": reset2,
    "anthropic-ratelimit-input-tokens-limit": "2000000",
    "anthropic-ratelimit-input-tokens-remaining": "2000000",
    "anthropic-ratelimit-input-tokens-reset": reset2,
    "anthropic-ratelimit-output-tokens-limit": "400000",
    "anthropic-ratelimit-output-tokens-remaining": "400000",
    "anthropic-ratelimit-output-tokens-reset": reset2,
    "anthropic-ratelimit-tokens-limit": "2400000",
    "anthropic-ratelimit-tokens-remaining": "2400000",
    "anthropic-ratelimit-tokens-reset": reset2
  };
}
function sendJson(res, status, body, headers) {
  if (res.destroyed) return;
  let text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text))
  }), res.end(text);
}
function sendError(res, err, headers) {
  sendJson(res, err.status, err.body, { ...headers, ...err.headers });
}
function pause(res, ms) {
  return !ms || ms <= 0 || res.destroyed ? Promise.resolve() : new Promise((resolve) => {
    let timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer), res.off("close", done), resolve();
    }
    res.once("close", done);
  });
}
function readBody(req) {
  return new Promise((resolve, reject) => {
    let parts = [];
    req.on("data", (c) => parts.push(c)), req.on("end", () => resolve(Buffer.concat(parts).toString("utf8"))), req.on("error", reject);
  });
}
function fail(x, err) {
  x.record.status = err.status, sendError(x.res, err, x.headers);
}
function reset(x) {
  x.record.status = -1, x.req.socket.destroy();
}
function answerFault(x, fault) {
  if (x.record.fault = fault.kind, fault.kind === "reset") return reset(x);
  fail(x, faultResponse(fault, x.record.requestId) ?? errorResponse(529, "overloaded_error", "Overloaded", x.record.requestId));
}
async function handle(state, req, res) {
  let x = exchangeOf(state, req, res, await readBody(req)), refused = gateRefusal(state.options.apiKeys, apiKeyOf(req).key, req.headers["anthropic-version"], x.record.requestId);
  if (refused) return fail(x, refused);
  let { pathname } = x.url;
  return req.method === "POST" && pathname === "/v1/messages/count_tokens" ? answerCountTokens(x) : pathname === "/v1/messages/batches" || pathname.startsWith("/v1/messages/batches/") ? answerBatches(x) : req.method === "GET" && (pathname === "/v1/models" || pathname.startsWith("/v1/models/")) ? answerModels(x) : isMessagesRequest(req, x.url) ? admitMessages(x) : fail(x, errorResponse(404, "not_found_error", `Not found: ${req.method} ${pathname}`, x.record.requestId));
}
function isMessagesRequest(req, url) {
  return req.method === "POST" && url.pathname === "/v1/messages";
}
function exchangeOf(state, req, res, rawBody) {
  let url = new URL(req.url ?? "/", "http://twin"), requestId = nextId(state, "req"), body;
  try {
    body = rawBody ? JSON.parse(rawBody) : void 0;
  } catch {
    body = void 0;
  }
  let record = {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.search,
    headers: redactedHeaders(req),
    auth: apiKeyOf(req).auth,
    rawBody,
    body,
    status: 0,
    requestId
  }, effort = body?.output_config?.effort;
  typeof effort == "string" && (record.effort = effort);
  let thinkingType = body?.thinking?.type;
  typeof thinkingType == "string" && (record.thinking = thinkingType), state.requests.push(record), res.once("close", () => {
    !res.writableFinished && record.status !== -1 && (record.aborted = !0);
  }), isMessagesRequest(req, url) && (state.messageCount += 1);
  let headers = { "request-id": requestId, "anthropic-organization-id": "twin-org", ...rateLimitHeaders(state) };
  return { state, req, res, url, body, record, betas: betasOf(req.headers["anthropic-beta"]), headers };
}
function gateRefusal(apiKeys, key, version, requestId) {
  if (key === void 0) return errorResponse(401, "authentication_error", "x-api-key header is required", requestId);
  if (apiKeys && !apiKeys.includes(key)) return errorResponse(401, "authentication_error", "invalid x-api-key", requestId);
  if (!version) return errorResponse(400, "invalid_request_error", "anthropic-version: header is required", requestId);
}
function answerCountTokens(x) {
  let fault = countFault(x.state);
  if (fault) return answerFault(x, fault);
  let { body, record } = x;
  if (body === void 0) return fail(x, errorResponse(400, "invalid_request_error", "Request body is not valid JSON", record.requestId));
  let invalid = validateRequest(x.state, body, !1, x.betas);
  if (invalid) return fail(x, errorResponse(400, "invalid_request_error", invalid, record.requestId));
  record.status = 200, sendJson(x.res, 200, { input_tokens: countInputTokens(body) }, x.headers);
}
function answerBatches(x) {
  let { req, res } = x, out = handleBatches(x.state, req.method ?? "GET", x.url.pathname, x.body, `http://${req.headers.host ?? "twin"}`, x.record.requestId, x.betas);
  if (x.record.status = out.status, out.jsonl !== void 0) {
    res.writeHead(out.status, { ...x.headers, "content-type": "application/binary" }), res.end(out.jsonl);
    return;
  }
  sendJson(res, out.status, out.body, x.headers);
}
function answerModels(x) {
  let { state, url } = x, fault = modelFault(state, url.pathname);
  if (fault) return answerFault(x, fault);
  let answer = handleModels(state.options.models ?? DEFAULT_MODELS, url.pathname, url.searchParams, lifecyclesOf(state));
  if (answer.status !== 200) return fail(x, errorResponse(answer.status, answer.errorType, answer.message, x.record.requestId));
  x.record.status = 200, sendJson(x.res, 200, answer.body, x.headers);
}
async function admitMessages(x) {
  let { state, body, record } = x;
  if (body === void 0) return fail(x, errorResponse(400, "invalid_request_error", "Request body is not valid JSON", record.requestId));
  let invalid = validateRequest(state, body, !0, x.betas);
  if (invalid) return fail(x, errorResponse(400, "invalid_request_error", invalid, record.requestId));
  if (state.options.maxConcurrent !== void 0 && state.inFlight >= state.options.maxConcurrent) {
    let retryAfter = String(state.options.concurrencyRetryAfter ?? 1);
    return fail(
      x,
      errorResponse(429, "rate_limit_error", "Number of concurrent connections has exceeded your rate limit. Please try again later.", record.requestId, {
        "retry-after": retryAfter
      })
    );
  }
  state.inFlight += 1, state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
  try {
    await answerMessages(x, body);
  } finally {
    state.inFlight -= 1;
  }
}
function lifecyclesOf(state) {
  return { ...DEFAULT_LIFECYCLES, ...state.options.lifecycles };
}
function countFault(state) {
  for (let [i, rule] of (state.options.countTokensFaults ?? []).entries()) {
    let used = state.countFaultUses[i] ?? 0;
    if (!(rule.times !== void 0 && used >= rule.times))
      return state.countFaultUses[i] = used + 1, rule.fault;
  }
}
function modelFault(state, pathname) {
  let id = pathname.startsWith("/v1/models/") ? decodeURIComponent(pathname.slice(11)) : void 0, rules = state.options.modelFaults ?? [];
  for (let [i, rule] of rules.entries()) {
    let used = state.modelFaultUses[i] ?? 0;
    if (!(rule.times !== void 0 && used >= rule.times) && !(rule.id !== void 0 && rule.id !== id))
      return state.modelFaultUses[i] = used + 1, rule.fault;
  }
}
function scriptedFor(state, ctx, requestIndex) {
  let indexFault = state.options.faults?.[requestIndex], rule = indexFault ? void 0 : pickRule(state.script, state.uses, ctx), fault = indexFault ?? (typeof rule?.fault == "function" ? rule.fault(ctx) : rule?.fault);
  return { rule, fault, matched: !!rule || !!indexFault };
}
function modelRefusal(state, model, requestId) {
  if (state.options.models && !state.options.models.includes(model)) return errorResponse(404, "not_found_error", `model: ${model}`, requestId);
  if (lifecyclesOf(state)[model]?.lifecycle === "retired") return errorResponse(404, "not_found_error", `model: ${model} (retired)`, requestId);
}
function faultInsteadOfReply(x, fault, stream) {
  let requestId = x.record.requestId, http = faultResponse(fault, requestId);
  if (http) fail(x, http);
  else if (fault.kind === "reset" && (!stream || fault.afterEvents === void 0)) reset(x);
  else if (fault.kind === "stream-error" && !stream) fail(x, errorResponse(529, "overloaded_error", fault.message ?? "Overloaded", requestId));
  else return !1;
  return !0;
}
async function answerMessages(x, body) {
  let { state, res, record } = x, requestId = record.requestId, requestIndex = state.messageCount, model = String(body.model), refused = modelRefusal(state, model, requestId);
  if (refused) return fail(x, refused);
  let ctx = requestContext(body, requestIndex), { rule, fault, matched } = scriptedFor(state, ctx, requestIndex);
  rule?.name && (record.rule = rule.name), fault && (record.fault = fault.kind);
  let now = state.options.now ?? Date.now, minTokens = (state.options.minCacheableTokens ?? defaultMinCacheableTokens)(model), { usage: cacheUsage, writes } = planCacheUsage(state.cache, body, minTokens, now()), stream = body.stream === !0;
  if (await pause(res, rule?.delayMs ?? state.options.delayMs), res.destroyed || fault && faultInsteadOfReply(x, fault, stream)) return;
  if (!matched) {
    let start = ctx.lastUserText.slice(0, 120);
    return fail(x, errorResponse(400, "invalid_request_error", `twin: no script rule matched request ${requestIndex} (last user message starts: ${JSON.stringify(start)})`, requestId));
  }
  let turn = typeof rule?.reply == "function" ? rule.reply(ctx) : rule?.reply;
  if (!turn) return fail(x, errorResponse(500, "api_error", "twin: the matched rule has neither reply nor fault", requestId));
  let resolved = resolveReply(state, body, ctx, turn), badInput = scriptedToolInputError(body, resolved);
  if (badInput) return fail(x, errorResponse(400, "invalid_request_error", badInput, requestId));
  commitCacheWrites(state.cache, writes, now());
  let messageId = nextId(state, "msg");
  record.status = 200;
  let usage = { ...cacheUsage, ...countedDown(ctx.taskBudget, resolved.outputTokens) };
  record.usage = {
    ...usage,
    output_tokens: resolved.outputTokens,
    ...resolved.thinkingTokens === void 0 ? {} : { output_tokens_details: { thinking_tokens: resolved.thinkingTokens } }
  };
  let generationMs = state.options.outputTokensPerSecond ? resolved.outputTokens / state.options.outputTokensPerSecond * 1e3 : 0;
  if (!stream)
    return await pause(res, generationMs), sendJson(res, 200, messageJson(messageId, model, resolved, usage), x.headers);
  let events = sseEvents(messageId, model, resolved, usage, state.options.chunkChars ?? 48);
  await streamReply(x, events, fault, { generationMs, eventDelayMs: rule?.eventDelayMs ?? state.options.eventDelayMs });
}
async function streamReply(x, events, fault, pace) {
  let { res } = x;
  res.writeHead(200, { ...x.headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  let deltas = events.filter((e) => e.event === "content_block_delta").length, perDeltaMs = deltas > 0 ? pace.generationMs / deltas : 0;
  for (let [i, event] of events.entries()) {
    if (fault?.kind === "stream-error" && i === (fault.afterEvents ?? 2)) {
      let err = errorResponse(529, fault.errorType ?? "overloaded_error", fault.message ?? "Overloaded", x.record.requestId);
      res.write(encodeSse({ event: "error", data: err.body })), res.end();
      return;
    }
    if (fault?.kind === "reset" && i === fault.afterEvents) return reset(x);
    if (i > 0 && await pause(res, (pace.eventDelayMs ?? 0) + (event.event === "content_block_delta" ? perDeltaMs : 0)), res.destroyed) return;
    await new Promise((resolve) => res.write(encodeSse(event), () => resolve()));
  }
  res.end();
}
async function startTwin(options = {}) {
  let state = {
    options,
    script: options.script ?? DEFAULT_SCRIPT,
    uses: /* @__PURE__ */ new Map(),
    modelFaultUses: [],
    countFaultUses: [],
    messageCount: 0,
    inFlight: 0,
    peakInFlight: 0,
    seq: 0,
    batches: /* @__PURE__ */ new Map(),
    cache: newPromptCache(),
    requests: [],
    signer: newThinkingSigner()
  }, sockets = /* @__PURE__ */ new Set(), server = createServer((req, res) => {
    handle(state, req, res).catch((error) => {
      !res.headersSent && !res.destroyed ? sendJson(res, 500, { type: "error", error: { type: "api_error", message: `twin bug: ${String(error)}` } }, {}) : res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket), socket.on("close", () => sockets.delete(socket));
  });
  let host = options.host ?? "127.0.0.1";
  await new Promise((resolve, reject) => {
    server.once("error", reject), server.listen(options.port ?? 0, host, () => resolve());
  });
  let address = server.address(), port = typeof address == "object" && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    requests: state.requests,
    messageRequests: () => state.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages"),
    env: (apiKey = "test-key") => ({ ANTHROPIC_BASE_URL: `http://${host}:${port}`, ANTHROPIC_API_KEY: apiKey }),
    anyRequestContains: (text) => state.requests.some((r) => r.rawBody.includes(text)),
    clearRequests() {
      state.requests.length = 0;
    },
    stats() {
      let usage = { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 };
      for (let r of state.requests)
        r.usage && (usage.input_tokens += r.usage.input_tokens, usage.cache_creation_input_tokens += r.usage.cache_creation_input_tokens, usage.cache_read_input_tokens += r.usage.cache_read_input_tokens, usage.output_tokens += r.usage.output_tokens);
      return { messages: state.messageCount, inFlight: state.inFlight, peakInFlight: state.peakInFlight, usage };
    },
    setScript(script) {
      state.script = script, state.uses = /* @__PURE__ */ new Map();
    },
    close: () => new Promise((resolve) => {
      for (let socket of sockets) socket.destroy();
      server.close(() => resolve());
    })
  };
}

// src/api-twin/serve.ts
async function serveTwin(options, signal) {
  signal?.throwIfAborted();
  let script = options.scriptDir !== void 0 ? await directoryScript(options.scriptDir) : void 0, twin = await startTwin({
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    ...script ? { script } : {},
    ...options.delayMs !== void 0 ? { delayMs: options.delayMs } : {},
    ...options.eventDelayMs !== void 0 ? { eventDelayMs: options.eventDelayMs } : {},
    ...options.outputTokensPerSecond !== void 0 ? { outputTokensPerSecond: options.outputTokensPerSecond } : {},
    ...options.maxConcurrent !== void 0 ? { maxConcurrent: options.maxConcurrent } : {}
  }), closing, close = () => closing ??= twin.close(), markClosed, closed = new Promise((resolve) => markClosed = resolve), closeAndMark = () => close().then(markClosed);
  return signal?.aborted ? closeAndMark() : signal?.addEventListener("abort", () => {
    closeAndMark();
  }, { once: !0 }), { ...twin, close: closeAndMark, closed };
}
export {
  serveTwin
};
