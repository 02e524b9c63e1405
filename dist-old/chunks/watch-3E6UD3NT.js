import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  loadConfig
} from "./chunk-VMNTWMXG.js";
import "./chunk-44ZR3LL4.js";
import {
  createGate,
  createRuntime
} from "./chunk-3J4BXCOT.js";
import "./chunk-346CJVLP.js";
import "./chunk-6244DZEH.js";
import "./chunk-PXJADTX7.js";
import "./chunk-7XOQCP22.js";
import "./chunk-VQI6GZWE.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-OENT7PDF.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import "./chunk-242NOEV2.js";
import "./chunk-U5XVFR3J.js";
import {
  createBudget,
  spendCaps
} from "./chunk-NCADMWFB.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/pipeline/watch.ts
async function watchBuilds(options) {
  let { root, credentials } = options, config = (await loadConfig(root)).config;
  options.requireTools?.(config);
  let { warnings } = createGate({ config, credentials }), session = createBudget(spendCaps(config, options.sessionMaxCostUsd !== void 0 ? { sessionMaxCostUsd: options.sessionMaxCostUsd } : {}).session), perBuild = options.maxCostUsd !== void 0 ? { maxCostUsd: options.maxCostUsd } : {};
  return { config, session, warnings, runtimeForBuild: () => createRuntime({ root, config, credentials, command: "watch", provider: options.provider, session, ...perBuild }) };
}
export {
  watchBuilds
};
