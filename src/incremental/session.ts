/**
 * Inputs -> a session's first state (state.ts), and the reads every part makes of it: a path's
 * kind, the current contents, a sub-workspace; `rebuild` judges everything from a set of models.
 */
import type { ContextDoc, Diagnostic, Member, ModelledFile, SpecccConfig, Workspace } from '../types/index.js';
import type { LoadedConfig } from '../config/parse.js';
import { isReadme, type ReadFile, type WorkspaceFiles } from '../io/workspace-files.js';
import { assembleWorkspace, decodeContext, qualifyMembers } from '../workspace.js';
import { sha256 } from '../hash.js';
import { parseSpecFile } from '../phases/1-parse/index.js';
import { modelSpec } from '../phases/2-model/index.js';
import { linesOf } from '../phases/1-parse/line-index.js';
import { RULES } from '../phases/3-check/rules/index.js';
import { createCoverage, judgeCoverage, type CoverageState } from './coverage.js';
import { indexAll, createSpecIndex, type SpecIndex } from './spec-index.js';
import { outsideFindings, runRule } from './findings.js';
import type { IncrementalInputs } from './types.js';
import type { SessionState } from './state.js';

export type { SessionState };

/** The state before any edit, everything judged once; `rebuild` then `composeAll` (findings.ts) finish it. */
export function createSessionState(inputs: IncrementalInputs): SessionState {
  return {
    root: inputs.root,
    loaded: inputs.config,
    config: inputs.config.config,
    inputs,
    members: inputs.members?.members ?? [],
    memberProblems: inputs.members?.problems ?? [],
    specBytes: new Map(inputs.files.specs.map((f) => [f.file, f.bytes])),
    contextBytes: new Map(inputs.files.context.map((f) => [f.file, f.bytes])),
    specsDirExists: inputs.files.specsDirExists,
    workspace: undefined as unknown as Workspace, // set by rebuild() before anything reads it
    idx: createSpecIndex(),
    findings: new Map(RULES.map((r) => [r.id, new Map()])),
    outside: new Map(),
    coverage: createCoverage(inputs),
    composed: new Map(),
    lines: linesOf,
  };
}

/** Models for the session's first contents: the given ones where their hash still matches, the rest parsed; a member's qualified. */
export function initialModels(inputs: IncrementalInputs): ModelledFile[] {
  const known = new Map((inputs.models ?? []).map((m) => [m.file, m]));
  const members = inputs.members?.members ?? [];
  return inputs.files.specs.map(({ file, bytes }) => {
    const hit = known.get(file);
    return hit && hit.hash === sha256(bytes) ? qualifyMembers([hit], members)[0]! : modelFile(members, file, bytes);
  });
}

/** A spec file's model, its ids qualified when it is a member's (as assembleWorkspace qualifies them for check()). */
export const modelFile = (members: readonly Member[], file: string, bytes: Uint8Array): ModelledFile => qualifyMembers([modelSpec(parseSpecFile(file, bytes))], members)[0]!;

const under = (dir: string, file: string) => file.startsWith(`${dir.replace(/\/$/, '')}/`);

/** Whether a workspace-relative path is a spec, a context document (the root's or a member's), or neither. */
export function kindOf(config: SpecccConfig, members: readonly Member[], file: string): 'spec' | 'context' | null {
  if (!file.endsWith('.md') || isReadme(file)) return null;
  if (under(config.paths.specs, file) || members.some((m) => under(m.specs, file))) return 'spec';
  if (under(config.paths.context, file) || members.some((m) => under(m.context, file))) return 'context';
  return null;
}

const byPath = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The current contents, as `check({ files })` takes them. */
export function contentsOf(state: SessionState): WorkspaceFiles<ReadFile> {
  const read = ([file, bytes]: [string, Uint8Array]): ReadFile => ({ file, hash: sha256(bytes), bytes });
  return { specsDirExists: state.specsDirExists, specs: [...state.specBytes].map(read).sort(byPath), context: [...state.contextBytes].map(read).sort(byPath) };
}

export function contextDocs(state: SessionState): ContextDoc[] {
  return [...state.contextBytes].map(([file, bytes]) => decodeContext({ file, hash: sha256(bytes), bytes })).sort(byPath);
}

/** The workspace with only `files` (in the workspace's order) as its specs; byId and the rest stay whole. */
export function subWorkspace(state: SessionState, files: Iterable<string>): Workspace {
  const { idx } = state;
  return {
    ...state.workspace,
    files: [...new Set(files)].filter((f) => idx.byFile.has(f)).sort((a, b) => idx.position.get(a)! - idx.position.get(b)!).map((f) => idx.byFile.get(f)!),
  };
}

/** Everything from these models: every rule over the whole workspace, the outside findings, coverage. */
export function rebuild(state: SessionState, files: ModelledFile[]): void {
  files.sort(byPath);
  state.workspace = assembleWorkspace(state.root, files, contextDocs(state), { ...state.config.paths, members: state.members });
  indexAll(state.idx, files);
  for (const rule of RULES) runRule(state, rule, state.workspace, 'all');
  state.outside = outsideFindings(state);
  judgeCoverage(state.coverage, { workspace: state.workspace, byFile: state.idx.byFile }, 'all');
}
