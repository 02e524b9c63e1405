/**
 * The data `speccc adopt` passes between its steps: a project's sources as text, what the
 * TypeScript compiler API reads in them, how they are grouped into specs, and what is written.
 * Paths are workspace-relative POSIX paths unless a field says otherwise.
 */
import type { Diagnostic } from '../types/index.js';

/** One file of the project, read by io. */
export interface SourceText {
  /** Workspace-relative POSIX path. */
  path: string;
  /** UTF-8 text; empty for a binary or very large file (kept and owned, never read). */
  text: string;
  /** sha256 of the file's bytes, when io read them (the adoption record keeps it). */
  hash?: string;
}

/** One exported name of a module, as its declaration says it (types as written, never inferred). */
export interface ExportInfo {
  name: string;
  kind: 'function' | 'class' | 'variable' | 'type' | 'interface' | 'enum' | 'namespace' | 're-export';
  /** The declaration without its body, on one line (at most 200 characters). */
  signature: string;
  /** The JSDoc summary, whitespace collapsed; absent when there is none. */
  doc?: string;
  /** `@param name text` tags, in order. */
  params: { name: string; doc: string }[];
  /** `@returns` text. */
  returns?: string;
  /** `@throws` texts. */
  throws: string[];
  /** For a re-export: the module it comes from, as the specifier says (`./match-path-sync`); absent for `export { x }` of a local. */
  from?: string;
}

export interface ImportInfo {
  specifier: string;
  /** The project file it resolves to (workspace-relative), when it is a relative import of one. */
  target?: string;
  /** 1-based line of the import. */
  line: number;
}

export type FileRole =
  /** Code: a module with exports, the unit of a spec. */
  | 'module'
  /** A test file (`*.test.ts`, `*.spec.js`, …). */
  | 'test'
  /** A module only tests import (fixtures, test data): goes with the tests that use it. */
  | 'test-support'
  /** Anything else in the generated root (JSON, declarations, assets): kept, owned by a spec. */
  | 'other';

export interface ModuleInfo {
  path: string;
  role: FileRole;
  /** The file's leading JSDoc when it describes the module (`@module`, `@file`, or before the first import). */
  moduleDoc?: string;
  exports: ExportInfo[];
  imports: ImportInfo[];
  /** Test titles (`describe › it`), for test files. */
  tests: string[];
}

/** One spec to be: its id, the files it owns and the tests that pin it down. */
export interface Group {
  id: string;
  /** Code modules, sorted. */
  modules: string[];
  /** Tests and test support inside the generated root (owned, become outputs), sorted. */
  tests: string[];
  /** Test files outside the generated root: linked, and holdouts in the round trip, never outputs. */
  externalTests: string[];
  /** Other files the spec keeps (data, declarations), sorted. */
  others: string[];
  /** Ids of the groups its modules import, sorted. */
  dependsOn: string[];
}

/** What adopt decided to write, or why it writes nothing. */
export interface AdoptionPlan {
  /** Workspace-relative path -> content of every file to write (specs, the adoption record, the config if new). */
  writes: Map<string, string>;
  groups: Group[];
  /** Files owned by a spec already (left alone), by path -> spec id. */
  alreadyOwned: Map<string, string>;
  /** Problems that stop adoption (each located): nothing is written when there is one. */
  problems: Diagnostic[];
}
