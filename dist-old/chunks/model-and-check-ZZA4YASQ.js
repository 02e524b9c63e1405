import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  modelAndCheck
} from "./chunk-DIPSYJUK.js";
import "./chunk-IJAXASXU.js";
import "./chunk-52CFOBE7.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import "./chunk-242NOEV2.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";
export {
  modelAndCheck
};
