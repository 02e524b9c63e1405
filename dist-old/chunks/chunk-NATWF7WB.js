import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/report/failure-classes.ts
var SCENARIOS_FOLDER = "<paths.scenarios>", FAILURE_CLASSES = {
  "spec-incomplete": {
    label: "Spec ambiguous or incomplete (per check)",
    hint: "Fix the errors `speccc check` reports: no build starts while a spec leaves the agent guessing."
  },
  "missing-output": {
    label: "An output was not written",
    hint: "Outputs: list only files the job must write, and say what each one contains."
  },
  "does-not-compile": {
    label: "Does not compile",
    hint: "Outputs and Constraints: name the exported types and signatures, the language level and the libraries allowed."
  },
  "tests-fail": {
    label: "Its own tests fail",
    hint: "Rules and Edge cases: state each behaviour precisely (numbers, units, rounding, errors) so code and tests agree."
  },
  "checks-weakened": {
    label: "Its code or tests weaken their own checks",
    hint: "Not the spec: the agent switched a check off (`@ts-nocheck`, a mock of its own code, code that spots the test run); a Constraints line that the code type-checks and is tested as it runs helps."
  },
  "holdout-fails": {
    label: "Holdout scenarios fail",
    hint: "Rules, Edge cases and Evaluation: write the behaviour each failing scenario checks into the spec."
  },
  "mutation-score-low": {
    label: "Holdouts kill too few mutants (promotion.minMutationScore)",
    hint: "Evaluation: add holdout scenarios that pin down what `speccc verify --mutate` lists as surviving."
  },
  unverified: {
    label: "No holdout check (promotion refused)",
    hint: `Evaluation: add a scenario with an automated check under ${SCENARIOS_FOLDER}/<spec-id>/ (\`speccc scenarios generate\`).`
  },
  timeout: {
    label: "Timed out",
    hint: "Constraints and Edge cases: bound input sizes and work; a check ran past validation.timeoutMs."
  },
  crash: {
    label: "Crashed",
    hint: "Edge cases: say what happens on empty, huge or malformed input; the code or its tests crashed the process."
  },
  "sandbox-refused": {
    label: "Sandbox refused to run the checks",
    hint: "Not the spec: the sandbox (bubblewrap) could not start; fix the machine and build again."
  },
  "budget-exhausted": {
    label: "Budget exhausted",
    hint: "budget_usd or --max-cost: raise the budget, or split the spec so each job needs less."
  },
  "agent-gave-up": {
    label: "The agent gave up",
    hint: "What and Outputs: the job is too big for one agent; split the spec or cut its outputs."
  },
  refused: {
    label: "The model refused",
    hint: "What and Who: say plainly what the code is for and who uses it (or set model.fallbackModel for its kind to retry a refusal on another model)."
  },
  "context-window-exceeded": {
    label: "The conversation outgrew the model's context window",
    hint: "Outputs and Constraints: make the spec smaller or give it fewer dependencies (each dependency's outputs are part of its prompt)."
  },
  "output-limit-reached": {
    label: "A file did not fit in one reply (max_tokens)",
    hint: "Outputs: split the spec so each file is smaller, or raise model.maxOutputTokens in speccc.config.json."
  },
  "api-error": {
    label: "API error",
    hint: "Not the spec: the API failed (key, rate limit, outage); build again."
  },
  cancelled: {
    label: "Cancelled",
    hint: "Not the spec: the build was stopped before this job finished."
  }
};
function failureClassInfo(cls, workspace) {
  if (!Object.hasOwn(FAILURE_CLASSES, cls)) return { label: cls, hint: "Unknown failure class: see the run trace (`speccc log`)." };
  let info = FAILURE_CLASSES[cls];
  return { label: info.label, hint: info.hint.replace(SCENARIOS_FOLDER, scenariosFolder(workspace.scenariosDir)) };
}
function scenariosFolder(configured) {
  return configured.replace(/[\\/]+$/, "") || configured;
}

export {
  FAILURE_CLASSES,
  failureClassInfo,
  scenariosFolder
};
