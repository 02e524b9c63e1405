// The project's digital twin of the Anthropic Messages API, for tests and benches.
//
//   const twin = await startTwin({ script: [{ match: { specId: 'money' }, reply: writeFilesReply({...}) }] });
//   const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url });
//   ... twin.requests ...
//   await twin.close();
//
// See src/api-twin/README.md for the script format and the faults it can inject.
export { startTwin, type Twin } from './server.js';
export { directoryScript } from './directory-script.js';
export { serveTwin, type ServeTwinOptions, type ServedTwin } from './serve.js';
export { abortWhenOrphaned, type LifetimeOptions } from './lifetime.js';
export {
  textReply,
  toolUseReply,
  writeFilesTurn,
  writeFilesReply,
  writeFilesSequence,
  cutOffWriteTurn,
  malformedToolCallTurn,
  refusalReply,
  stopReasonReply,
} from './replies.js';
export { countText, countInputTokens } from './tokens.js';
export { DEFAULT_LIFECYCLES, DEFAULT_MODELS, type ModelLifecycle } from './models.js';
export type {
  Fault,
  ModelFaultRule,
  RecordedRequest,
  RefusalStopDetails,
  ReplyFn,
  RequestContext,
  Rule,
  RuleMatch,
  ScriptedBlock,
  StopReason,
  Turn,
  TwinOptions,
  TwinStats,
  Usage,
} from './types.js';
