/**
 * Step 2 of `speccc adopt`, pure: the drafting prompt for one spec (its skeleton, its code and
 * its tests, through assets/adopt/draft.hbs), what a draft must keep to be accepted (the
 * skeleton's frontmatter, byte for byte), the drafted marker on every requirement whether or not
 * the model wrote it, and the price of drafting before anything is sent.
 */
import Handlebars from 'handlebars';
import { DRAFTED_MARKER } from '../phases/3-check/rules/drafted-unconfirmed.js';
import { expectedCostOf, priceOf, utf8Bytes, worstCaseOf, type PriceOverrides } from '../prices/pricing.js';
import type { SourceText } from './types.js';

export const DRAFT_SYSTEM = `You draft specs for existing code so that it can be regenerated from them. You read code and
its tests and write down, exactly and testably, the behaviour a caller relies on. You write one
file with the write_file tool, then stop.`;

export interface DraftInput {
  id: string;
  specFile: string;
  kind: 'feature' | 'architecture';
  skeleton: string;
  code: readonly SourceText[];
  tests: readonly SourceText[];
}

const language = (p: string) => (/\.[cm]?tsx?$/.test(p) ? 'ts' : /\.[cm]?jsx?$/.test(p) ? 'js' : /\.json$/.test(p) ? 'json' : 'text');

/** The job prompt (strict: a misspelt field in the template is an error, not an empty string). */
export function renderDraftPrompt(template: string, input: DraftInput): string {
  const render = Handlebars.create().compile(template, { strict: true, noEscape: true });
  const files = (list: readonly SourceText[]) => list.map((f) => ({ path: f.path, text: f.text.replace(/\n$/, ''), language: language(f.path) }));
  const text = render({ id: input.id, specFile: input.specFile, feature: input.kind === 'feature', skeleton: input.skeleton.trim(), code: files(input.code), tests: files(input.tests) });
  return text.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/** A draft is kept only with the skeleton's frontmatter, unchanged: ids, outputs and ownership are adopt's, not the model's. */
export function acceptDraft(skeleton: string, draft: string): { ok: true; text: string } | { ok: false; why: string } {
  const mine = FRONTMATTER.exec(skeleton)?.[0];
  const theirs = FRONTMATTER.exec(draft.replace(/^\uFEFF/, ''))?.[0];
  if (!theirs) return { ok: false, why: 'the draft has no frontmatter' };
  if (theirs.replace(/\r\n/g, '\n') !== mine) return { ok: false, why: 'the draft changed the frontmatter' };
  return { ok: true, text: markDrafted(draft.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')) };
}

/** The sections whose every item and paragraph a model drafts. */
const DRAFTED_SECTIONS = new Set(['what', 'purpose', 'summary', 'who', 'users', 'actors', 'rules', 'requirements', 'behaviour', 'behavior', 'edge cases', 'edge-cases', 'edge conditions', 'evaluation', 'scenarios', 'acceptance']);
const ITEM = /^(?:[-*+]|\d+[.)])\s/;
const MARKED = /<!--\s*drafted\s*-->/;

/**
 * Every list item, paragraph and `###` scenario of What, Who, Rules, Edge cases and Evaluation
 * carries the drafted marker: added at the end of any that lacks it. Fenced code is left alone.
 */
export function markDrafted(markdown: string): string {
  const lines = markdown.split('\n');
  let section = '';
  let fence: string | null = null;
  let block: number[] = [];
  const close = () => {
    if (block.length > 0 && !block.some((i) => MARKED.test(lines[i]!))) {
      const last = block.at(-1)!;
      lines[last] = `${lines[last]!.trimEnd()} ${DRAFTED_MARKER}`;
    }
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceOpen = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceOpen && fenceOpen[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceOpen) {
      close();
      fence = fenceOpen[1]!;
      continue;
    }
    const h2 = /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (h2 && !line.startsWith('###')) {
      close();
      section = h2[1]!.toLowerCase();
      continue;
    }
    if (!DRAFTED_SECTIONS.has(section) || /^#\s/.test(line) || /^\s*<!--.*-->\s*$/.test(line)) continue;
    const inScenario = block.length > 0 && /^###\s/.test(lines[block[0]!]!);
    if (/^###\s/.test(line) || (!inScenario && ITEM.test(line))) {
      close();
      block = [i];
    } else if (line.trim() === '') {
      if (!inScenario) close();
    } else if (block.length > 0 || !/^\s/.test(line)) block.push(i);
  }
  close();
  return lines.join('\n');
}

export interface DraftEstimate {
  id: string;
  model: string;
  inputTokens: number;
  expectedUsd: number;
  worstCaseUsd: number;
}

/** A drafted spec is about this many output tokens. */
const SPEC_TOKENS = 2_000;
/** Bound on a tool result's own tokens each turn (as estimate.ts). */
const TOOL_RESULT_TOKENS = 256;

/**
 * Drafting's price before anything is sent, one request per spec: input estimated as UTF-8 bytes ÷ 4,
 * a spec's worth of output expected; the worst case is every turn at max_tokens with the
 * conversation growing by a full reply each turn, as `build --dry-run` prices a job.
 */
export function estimateDraft(input: { id: string; model: string; prompt: string; toolsBytes: number; maxTurns: number; maxOutputTokens: number; prices?: PriceOverrides }): DraftEstimate | null {
  const price = priceOf(input.model, input.prices ?? {});
  if (!price) return null;
  const bytes = utf8Bytes(DRAFT_SYSTEM) + utf8Bytes(input.prompt) + input.toolsBytes;
  const inputTokens = Math.ceil(bytes / 4);
  let worst = 0;
  for (let r = 0; r < input.maxTurns; r++) worst += worstCaseOf(price, bytes + r * (input.maxOutputTokens + TOOL_RESULT_TOKENS), input.maxOutputTokens);
  return { id: input.id, model: input.model, inputTokens, expectedUsd: expectedCostOf(price, inputTokens, SPEC_TOKENS), worstCaseUsd: worst };
}
