import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  build,
  check
} from "./chunks/chunk-VA7EBHAO.js";
import "./chunks/chunk-ZM4FQIPF.js";
import "./chunks/chunk-LIJDOTZK.js";
import "./chunks/chunk-QRRL77OZ.js";
import "./chunks/chunk-UJYSYHGP.js";
import "./chunks/chunk-2EGY45G7.js";
import "./chunks/chunk-IK4EGIYB.js";
import "./chunks/chunk-QW3P2242.js";
import "./chunks/chunk-SA3BV3R2.js";
import {
  loadConfig
} from "./chunks/chunk-VMNTWMXG.js";
import "./chunks/chunk-ZKZBSOLZ.js";
import "./chunks/chunk-RXRBJQYY.js";
import {
  loadWorkspace
} from "./chunks/chunk-GYCCWPGP.js";
import "./chunks/chunk-S5MSW45D.js";
import "./chunks/chunk-44ZR3LL4.js";
import "./chunks/chunk-RYE4YOPW.js";
import "./chunks/chunk-DUKS3JMJ.js";
import "./chunks/chunk-XAD3VXWC.js";
import "./chunks/chunk-YSUJQ6UY.js";
import "./chunks/chunk-2UGXUQJK.js";
import "./chunks/chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunks/chunk-H4KJMLKH.js";
import "./chunks/chunk-DLHTC4YV.js";
import {
  RuntimeSetupError,
  createGate,
  createRuntime,
  takeCredentials
} from "./chunks/chunk-3J4BXCOT.js";
import "./chunks/chunk-346CJVLP.js";
import "./chunks/chunk-6244DZEH.js";
import "./chunks/chunk-PXJADTX7.js";
import "./chunks/chunk-7XOQCP22.js";
import {
  listRuns,
  parseTrace,
  readRun
} from "./chunks/chunk-VQI6GZWE.js";
import "./chunks/chunk-ZRJIQAHE.js";
import "./chunks/chunk-OENT7PDF.js";
import "./chunks/chunk-ZJ2LH7GO.js";
import "./chunks/chunk-JMVWX2PN.js";
import "./chunks/chunk-UUOMZIVY.js";
import "./chunks/chunk-7CJQW75R.js";
import "./chunks/chunk-5NFWZACR.js";
import "./chunks/chunk-4DSQAG4B.js";
import "./chunks/chunk-NDE2NKID.js";
import "./chunks/chunk-7ZPQIYN7.js";
import "./chunks/chunk-KR53BPOB.js";
import "./chunks/chunk-CXSIFPJL.js";
import "./chunks/chunk-MIBJWLH2.js";
import {
  twinEntry,
  twinEnvVar,
  twinsUsedBy
} from "./chunks/chunk-242NOEV2.js";
import "./chunks/chunk-U5XVFR3J.js";
import "./chunks/chunk-NCADMWFB.js";
import "./chunks/chunk-2YZVRG7S.js";
import "./chunks/chunk-Y72MW4XH.js";
import {
  CATALOGUE
} from "./chunks/chunk-D7OYEMQK.js";
import "./chunks/chunk-VTZR3R7R.js";
import "./chunks/chunk-N6LFTOTB.js";
import "./chunks/chunk-GA32XAUT.js";
import "./chunks/chunk-SZ6YGT22.js";
import "./chunks/chunk-NSTTZTGX.js";
import "./chunks/chunk-Z6XS3NX4.js";
import "./chunks/chunk-VSAIBY22.js";
export {
  CATALOGUE,
  RuntimeSetupError,
  SPECCC_VERSION,
  build,
  check,
  createGate,
  createRuntime,
  listRuns,
  loadConfig,
  loadWorkspace,
  parseTrace,
  readRun,
  takeCredentials,
  twinEntry,
  twinEnvVar,
  twinsUsedBy
};
