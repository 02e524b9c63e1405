// src/io/service-twins/replayer.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var REQUEST_TIMEOUT_MS = 1e4, DROPPED_HEADERS = /* @__PURE__ */ new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive"]), here = path.dirname(fileURLToPath(import.meta.url));
function at(value, pointer) {
  let v = value;
  for (let raw of pointer === "" ? [] : pointer.slice(1).split("/")) {
    let key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof v != "object" || v === null) return;
    v = v[key];
  }
  return v;
}
async function main() {
  let plan = JSON.parse(readFileSync(path.join(here, "replay.json"), "utf8")), base = process.env[plan.env];
  if (!base) throw new Error(`${plan.env} is not set: the replay must run under the twin launcher`);
  let report = { files: [] };
  for (let file of plan.files) {
    let results = [], captures = /* @__PURE__ */ new Map(), sub = (text) => {
      let out = text;
      for (let [recorded, twin] of captures) out = out.split(recorded).join(twin);
      return out;
    }, reset = await fetch(`${base}/__twin/reset`, { method: "POST" });
    if (!reset.ok) throw new Error(`resetting the twin failed: ${reset.status} ${await reset.text()}`);
    for (let step of file.steps) {
      if ("state" in step) {
        let answer = await fetch(`${base}/__twin/state`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(step.state) });
        results.push({ at: step.at, state: answer.status === 204 ? "ok" : `${answer.status} ${await answer.text()}` });
        continue;
      }
      let { request } = step, headers = {};
      for (let [name, value] of Object.entries(request.headers)) DROPPED_HEADERS.has(name) || (headers[name] = sub(value));
      let hasBody = request.body !== void 0 && request.method !== "GET" && request.method !== "HEAD";
      try {
        let answer = await fetch(`${base}${sub(request.path)}`, {
          method: request.method,
          headers,
          ...hasBody ? { body: sub(request.body) } : {},
          redirect: "manual",
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
        }), body = await answer.text(), answered = {};
        answer.headers.forEach((value, name) => answered[name] = value);
        let json;
        try {
          json = JSON.parse(body);
        } catch {
          json = void 0;
        }
        for (let capture of step.captures) {
          let value = at(json, capture.pointer);
          typeof value == "string" && value !== capture.recorded && captures.set(capture.recorded, value);
        }
        results.push({ at: step.at, status: answer.status, headers: answered, body });
      } catch (error) {
        results.push({ at: step.at, error: error instanceof Error ? error.message : String(error) });
      }
    }
    report.files.push({ file: file.file, results, captures: [...captures] });
  }
  writeFileSync(path.join(here, "replay-report.json"), JSON.stringify(report));
}
main().catch((error) => {
  process.stderr.write(`speccc: the fidelity replay failed: ${error instanceof Error ? error.message : String(error)}
`), process.exit(1);
});
