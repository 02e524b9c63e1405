import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  COMPACT_FROM,
  GRAPH_CSS,
  MAX_DRAWN_EDGES,
  STATE_COLOURS,
  escapeXml,
  layoutGraph,
  renderGraph,
  specAnchor,
  stateKey,
  svgFromLayout
} from "./chunk-7RERXAOH.js";
import "./chunk-VSAIBY22.js";
export {
  COMPACT_FROM,
  GRAPH_CSS,
  MAX_DRAWN_EDGES,
  STATE_COLOURS,
  escapeXml,
  layoutGraph,
  renderGraph,
  specAnchor,
  stateKey,
  svgFromLayout
};
