import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import "./chunk-VSAIBY22.js";

// src/phases/7-validate/fidelity.ts
var DEFAULT_COMPARE = { headers: ["content-type"], ignore: [] }, isObject = (v) => typeof v == "object" && v !== null && !Array.isArray(v);
function headerMap(raw, what) {
  if (raw === void 0) return {};
  if (Array.isArray(raw)) {
    let out = {};
    for (let h of raw) isObject(h) && typeof h.name == "string" && (out[h.name.toLowerCase()] = String(h.value ?? ""));
    return out;
  }
  if (!isObject(raw)) throw new Error(`${what} headers are not an object`);
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : String(v)]));
}
function bodyOf(raw) {
  if (typeof raw != "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
function pathOf(request) {
  if (typeof request.path == "string" && request.path.startsWith("/")) return request.path;
  if (typeof request.url == "string") {
    let url = new URL(request.url, "http://recorded.invalid");
    return url.pathname + url.search;
  }
  throw new Error("request has no path (or url)");
}
function readSettings(raw, base) {
  if (!isObject(raw)) throw new Error("compare is not an object");
  let list = (v, what) => {
    if (v !== void 0) {
      if (!Array.isArray(v) || v.some((x) => typeof x != "string")) throw new Error(`compare.${what} is not a list of strings`);
      return v;
    }
  }, headers = list(raw.headers, "headers"), ignore = list(raw.ignore, "ignore");
  for (let p of ignore ?? []) if (p !== "" && !p.startsWith("/")) throw new Error(`compare.ignore: \`${p}\` is not a JSON pointer (expected /field/\u2026)`);
  return { headers: (headers ?? base.headers).map((h) => h.toLowerCase()), ignore: ignore ?? base.ignore };
}
function readExchange(line, at, compare) {
  let request = line.request, response = line.response;
  if (!isObject(request) || !isObject(response)) throw new Error("expected request and response objects");
  if (typeof response.status != "number") throw new Error("response has no numeric status");
  let ignore = line.ignore === void 0 ? [] : readSettings({ ignore: line.ignore }, compare).ignore, req = { method: String(request.method ?? "GET").toUpperCase(), path: pathOf(request), headers: headerMap(request.headers, "request") }, reqBody = "body" in request ? request.body : isObject(request.postData) ? request.postData.text : void 0;
  reqBody != null && (req.body = bodyOf(reqBody));
  let res = { status: response.status, headers: headerMap(response.headers, "response"), headersRecorded: response.headers !== void 0 }, resBody = "body" in response ? response.body : isObject(response.content) ? response.content.text : void 0;
  return resBody != null && resBody !== "" && (res.body = bodyOf(resBody)), { kind: "exchange", at, request: req, response: res, compare: { headers: compare.headers, ignore: [...compare.ignore, ...ignore] } };
}
function parseRecording(file, text) {
  let recording = { file, steps: [], problems: [] }, trimmed = text.trim();
  if (file.endsWith(".har") || trimmed.startsWith("{") && /^\{\s*"log"\s*:/.test(trimmed)) {
    try {
      let entries = JSON.parse(trimmed).log?.entries;
      if (!Array.isArray(entries)) throw new Error("a HAR file has log.entries");
      entries.forEach((entry, i) => {
        let at = `${file}#${i + 1}`;
        try {
          if (!isObject(entry)) throw new Error("entry is not an object");
          recording.steps.push(readExchange(entry, at, DEFAULT_COMPARE));
        } catch (error) {
          recording.problems.push({ at, message: error instanceof Error ? error.message : String(error) });
        }
      });
    } catch (error) {
      recording.problems.push({ at: file, message: `not a HAR file: ${error instanceof Error ? error.message : String(error)}` });
    }
    return recording;
  }
  let compare = DEFAULT_COMPARE;
  return text.split(`
`).forEach((raw, i) => {
    let at = `${file}:${i + 1}`;
    if (raw.trim() !== "")
      try {
        let line = JSON.parse(raw);
        if (!isObject(line)) throw new Error("a line is a JSON object");
        if ("compare" in line) compare = readSettings(line.compare, compare);
        else if ("state" in line) recording.steps.push({ kind: "state", at, state: line.state });
        else if ("request" in line || "response" in line) recording.steps.push(readExchange(line, at, compare));
        else if (!("note" in line)) throw new Error("expected request and response, state, compare or note");
      } catch (error) {
        recording.problems.push({ at, message: error instanceof SyntaxError ? `not JSON: ${error.message}` : error instanceof Error ? error.message : String(error) });
      }
  }), recording;
}
function resolvePointer(value, pattern) {
  let segments = pattern === "" ? [] : pattern.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")), found = [["", value]];
  for (let segment of segments) {
    let next = [];
    for (let [at, v] of found) {
      let keys = Array.isArray(v) ? v.map((_, i) => String(i)) : isObject(v) ? Object.keys(v) : [];
      for (let key of segment === "*" ? keys : keys.includes(segment) ? [segment] : [])
        next.push([`${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, v[key]]);
    }
    found = next;
  }
  return found;
}
var ignored = (pointer, patterns) => patterns.some((pattern) => {
  let p = pattern === "" ? [] : pattern.slice(1).split("/"), a = pointer === "" ? [] : pointer.slice(1).split("/");
  return p.length <= a.length && p.every((seg, i) => seg === "*" || seg === a[i]);
});
function replayPlan(recordings, env) {
  return {
    env,
    files: recordings.map((r) => ({
      file: r.file,
      steps: r.steps.map((step) => {
        if (step.kind === "state") return { at: step.at, state: step.state };
        let { request } = step, body = request.body === void 0 ? void 0 : typeof request.body == "string" ? request.body : JSON.stringify(request.body), captures = step.compare.ignore.flatMap((p) => resolvePointer(step.response.body, p)).filter((c) => typeof c[1] == "string" && c[1].length >= 6).map(([pointer, recorded]) => ({ pointer, recorded }));
        return { at: step.at, request: { method: request.method, path: request.path, headers: request.headers, ...body === void 0 ? {} : { body } }, captures };
      })
    }))
  };
}
var ABSENT = /* @__PURE__ */ Symbol("absent");
function substitute(value, captures) {
  if (captures.size === 0) return value;
  if (typeof value == "string") {
    let out = value;
    for (let [recorded, twin] of captures) out = out.split(recorded).join(twin);
    return out;
  }
  return Array.isArray(value) ? value.map((v) => substitute(v, captures)) : isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, captures)])) : value;
}
function diffJson(recorded, twin, pointer, ignore, out) {
  if (!ignored(pointer, ignore)) {
    if (Array.isArray(recorded) && Array.isArray(twin)) {
      for (let i = 0; i < Math.max(recorded.length, twin.length); i++) diffJson(i < recorded.length ? recorded[i] : ABSENT, i < twin.length ? twin[i] : ABSENT, `${pointer}/${i}`, ignore, out);
      return;
    }
    if (isObject(recorded) && isObject(twin)) {
      let keys = [.../* @__PURE__ */ new Set([...Object.keys(recorded), ...Object.keys(twin)])].sort();
      for (let key of keys)
        diffJson(Object.hasOwn(recorded, key) ? recorded[key] : ABSENT, Object.hasOwn(twin, key) ? twin[key] : ABSENT, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, ignore, out);
      return;
    }
    (JSON.stringify(recorded) !== JSON.stringify(twin) || recorded === ABSENT != (twin === ABSENT)) && out(pointer, recorded, twin);
  }
}
var mediaType = (v) => v?.split(";")[0].trim().toLowerCase();
function compareReplay(recordings, report) {
  let differences = [], exchanges = 0;
  return recordings.forEach((recording, f) => {
    let replayed = report?.files[f], captures = new Map(replayed?.captures ?? []);
    recording.steps.forEach((step, s) => {
      let result = replayed?.results[s];
      if (step.kind === "state") {
        result?.state !== "ok" && differences.push({ at: step.at, method: "PUT", path: "/__twin/state", what: "state", message: result?.state ?? "not replayed" });
        return;
      }
      exchanges++;
      let base = { at: step.at, method: step.request.method, path: step.request.path };
      if (!result || result.status === void 0) {
        differences.push({ ...base, what: "no answer", message: result?.error ?? "not replayed (the replay stopped early)" });
        return;
      }
      result.status !== step.response.status && differences.push({ ...base, what: "status", recorded: step.response.status, twin: result.status });
      for (let name of step.response.headersRecorded ? step.compare.headers : []) {
        let r = step.response.headers[name], t = result.headers?.[name];
        (name === "content-type" ? mediaType(r) === mediaType(t) : substitute(r, captures) === t) || differences.push({ ...base, what: "header", where: name, recorded: r ?? ABSENT, twin: t ?? ABSENT });
      }
      let twinBody = result.body === void 0 || result.body === "" ? void 0 : bodyOf(result.body), recordedBody = substitute(step.response.body, captures);
      recordedBody === void 0 && twinBody === void 0 || diffJson(
        recordedBody === void 0 ? ABSENT : recordedBody,
        twinBody === void 0 ? ABSENT : twinBody,
        "",
        step.compare.ignore,
        (where, r, t) => differences.push({ ...base, what: "body", where: where || "/", recorded: r, twin: t })
      );
    });
  }), { exchanges, differences };
}
function showValue(value) {
  if (value === ABSENT || value === void 0) return "(absent)";
  let text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}\u2026` : text;
}
function formatDifference(d) {
  let head = `${d.at}: ${d.method} ${d.path}`;
  switch (d.what) {
    case "no answer":
      return `${head}: no answer from the twin: ${d.message}`;
    case "state":
      return `${d.at}: the twin refused the recorded state: ${d.message}`;
    case "status":
      return `${head}: status: recorded ${String(d.recorded)}, twin ${String(d.twin)}`;
    default:
      return `${head}: ${d.what} ${d.where}: recorded ${showValue(d.recorded)}, twin ${showValue(d.twin)}`;
  }
}
function differenceJson(d) {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== ABSENT && v !== void 0));
}
function readReplayReport(text) {
  if (text)
    try {
      let report = JSON.parse(text);
      return isObject(report) && Array.isArray(report.files) ? report : void 0;
    } catch {
      return;
    }
}
export {
  compareReplay,
  differenceJson,
  formatDifference,
  parseRecording,
  readReplayReport,
  replayPlan,
  resolvePointer,
  showValue
};
