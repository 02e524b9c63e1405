import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  modelAndCheck
} from "./chunks/chunk-DIPSYJUK.js";
import {
  encodeModel
} from "./chunks/chunk-KR53BPOB.js";
import "./chunks/chunk-IJAXASXU.js";
import "./chunks/chunk-52CFOBE7.js";
import "./chunks/chunk-CXSIFPJL.js";
import "./chunks/chunk-MIBJWLH2.js";
import "./chunks/chunk-242NOEV2.js";
import "./chunks/chunk-U5XVFR3J.js";
import "./chunks/chunk-Y72MW4XH.js";
import "./chunks/chunk-D7OYEMQK.js";
import "./chunks/chunk-VTZR3R7R.js";
import "./chunks/chunk-N6LFTOTB.js";
import "./chunks/chunk-GA32XAUT.js";
import "./chunks/chunk-SZ6YGT22.js";
import "./chunks/chunk-NSTTZTGX.js";
import "./chunks/chunk-Z6XS3NX4.js";
import "./chunks/chunk-VSAIBY22.js";

// src/model-worker.ts
import { parentPort } from "node:worker_threads";
var port = parentPort;
port.on("message", (request) => {
  let reply;
  try {
    reply = { id: request.id, encoded: modelAndCheck(request.files).map(encodeModel) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  port.postMessage(reply);
});
