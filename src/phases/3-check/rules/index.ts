/** Every check rule, in the order their findings are most useful to read. */
import type { Rule } from '../rule.js';
import { titleRule } from './title.js';
import { requiredSectionsRule } from './required-sections.js';
import { scenariosRule } from './scenarios.js';
import { inputsInvalidCaseRule } from './inputs-invalid-case.js';
import { placeholderTextRule } from './placeholder-text.js';
import { vagueWordingRule } from './vague-wording.js';
import { weakModalRule } from './weak-modal.js';
import { comparativeNoReferenceRule } from './comparative-no-reference.js';
import { openEndedListRule } from './open-ended-list.js';
import { loopholeRule } from './loophole.js';
import { numberWithoutUnitRule } from './number-without-unit.js';
import { betweenEndsUnclearRule } from './between-ends-unclear.js';
import { passiveNoActorRule } from './passive-no-actor.js';
import { vaguePronounRule } from './vague-pronoun.js';
import { unboundedAbsoluteRule } from './unbounded-absolute.js';
import { incompleteReferenceRule } from './incomplete-reference.js';
import { glossaryTermsRule } from './glossary-terms.js';
import { duplicateIdRule } from './duplicate-id.js';
import { referencesRule } from './references.js';
import { dependencyCycleRule } from './dependency-cycle.js';
import { twinsRule } from './twins.js';
import { outputsRule } from './outputs.js';
import { modelUnpricedRule } from './model-unpriced.js';
import { scenarioNoCheckRule } from './scenario-no-check.js';
import { draftedUnconfirmedRule } from './drafted-unconfirmed.js';

export const RULES: readonly Rule[] = [
  titleRule,
  requiredSectionsRule,
  scenariosRule,
  inputsInvalidCaseRule,
  placeholderTextRule,
  vagueWordingRule,
  weakModalRule,
  comparativeNoReferenceRule,
  openEndedListRule,
  loopholeRule,
  numberWithoutUnitRule,
  betweenEndsUnclearRule,
  passiveNoActorRule,
  vaguePronounRule,
  unboundedAbsoluteRule,
  incompleteReferenceRule,
  draftedUnconfirmedRule,
  glossaryTermsRule,
  duplicateIdRule,
  referencesRule,
  twinsRule,
  dependencyCycleRule,
  outputsRule,
  modelUnpricedRule,
  scenarioNoCheckRule,
];

/**
 * The rules that declare themselves spec-local (rule.ts RuleScope): their findings on a spec
 * depend on that spec's model alone. They run where the spec is modelled (on every core, in the
 * parse workers) and their findings are cached with the model (spec-local.ts).
 * test/phases/3-check/spec-local.test.ts runs each with everything else out of reach.
 */
export const SPEC_LOCAL_RULES: readonly Rule[] = RULES.filter((rule) => rule.scope.kind === 'spec-local');

/** Every code the check rules report, and unused-suppression: the codes the config's `rules` map and suppressions may name. */
export const RULE_CODES: ReadonlySet<string> = new Set([...RULES.flatMap((rule) => rule.codes), 'unused-suppression']);
