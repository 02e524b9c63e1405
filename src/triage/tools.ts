/**
 * The triage agent's tools. It decides by calling record_decision with structured data, never
 * in prose speccc would have to parse, and may read an existing spec in full with read_spec.
 * Strict (`strict: true`): the API samples every call under these schemas, so every property is
 * required and every object closed; a field a decision does not use is null or an empty list.
 * test/triage/ holds them to the twin's strict-schema checks.
 */
import type { ToolDefinition } from '../types/index.js';
import { DECISIONS } from './types.js';

const nullableString = (description: string) => ({ type: ['string', 'null'], description });

export const RECORD_DECISION = 'record_decision';
/**
 * Turns one request's conversation may take (or agent.maxTurns, if lower): reading a spec or
 * two, the decision, and a correction or two. It bounds the worst case a dry run prices.
 */
export const TRIAGE_MAX_TURNS = 6;
export const READ_SPEC = 'read_spec';

export const TRIAGE_TOOLS: readonly ToolDefinition[] = [
  {
    name: READ_SPEC,
    strict: true,
    description: 'Read an existing spec in full (markdown), by its id.',
    input_schema: {
      type: 'object',
      properties: { id: { type: 'string', description: 'The spec id, e.g. invoice-totals.' } },
      required: ['id'],
      additionalProperties: false,
    },
  },
  {
    name: RECORD_DECISION,
    strict: true,
    description:
      'Record your decision on the request. Call it once; if speccc answers with an error, fix what it names and call it again. ' +
      'accept: give `draft` (a new spec, or a change to an existing one). duplicate: give `duplicate_of`. ' +
      'reject: give `mission_line` (quoted exactly from context/mission.md), or set `changes_governance` when the request asks to change context/. ' +
      'needs-info: give `questions`.',
    input_schema: {
      type: 'object',
      properties: {
        decision: { type: 'string', enum: [...DECISIONS], description: 'accept, duplicate, reject or needs-info.' },
        reasons: { type: 'array', items: { type: 'string' }, description: 'Why, one reason per item, in plain words a requester understands.' },
        mission_line: nullableString('reject: the line of context/mission.md the request conflicts with, copied exactly; else null.'),
        changes_governance: { type: 'boolean', description: 'True when the request asks to change a governance document under context/ (only people edit those).' },
        duplicate_of: nullableString('duplicate: the id of the spec that already covers the request; else null.'),
        questions: { type: 'array', items: { type: 'string' }, description: 'needs-info: the questions to ask the requester; else empty.' },
        draft: {
          anyOf: [
            { type: 'null' },
            {
              type: 'object',
              properties: {
                kind: { type: 'string', enum: ['new', 'change'], description: 'new: a spec that does not exist yet; change: a new version of an existing spec.' },
                spec_id: { type: 'string', description: 'The kebab-case id of the spec (for a change, the existing id).' },
                path: nullableString('new: where to write it, relative to the specs folder, e.g. features/csv-export.md; change: null.'),
                markdown: { type: 'string', description: 'The whole spec in speccc\'s format, frontmatter first, with `status: proposed`.' },
              },
              required: ['kind', 'spec_id', 'path', 'markdown'],
              additionalProperties: false,
            },
          ],
          description: 'accept: the draft spec; else null.',
        },
      },
      required: ['decision', 'reasons', 'mission_line', 'changes_governance', 'duplicate_of', 'questions', 'draft'],
      additionalProperties: false,
    },
  },
];

/** record_decision's input, as the strict schema guarantees it. */
export interface RecordDecisionInput {
  decision: (typeof DECISIONS)[number];
  reasons: string[];
  mission_line: string | null;
  changes_governance: boolean;
  duplicate_of: string | null;
  questions: string[];
  draft: null | { kind: 'new' | 'change'; spec_id: string; path: string | null; markdown: string };
}
