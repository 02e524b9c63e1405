/** Contents already read -> a session over them: everything judged once, then pure, synchronous updates. */
import { compose, filesWithAnyFinding } from './findings.js';
import { contentsOf, createSessionState, initialModels, kindOf, rebuild } from './session.js';
import { update } from './update.js';
import type { IncrementalCheck, IncrementalInputs } from './types.js';

export function createIncrementalCheck(inputs: IncrementalInputs): IncrementalCheck {
  const state = createSessionState(inputs);
  rebuild(state, initialModels(inputs));
  for (const file of filesWithAnyFinding(state)) compose(state, file);
  const sorted = () => [...state.composed.keys()].sort();
  return {
    root: state.root,
    config: state.config,
    members: state.members,
    get workspace() {
      return state.workspace;
    },
    kindOf: (file) => kindOf(state.config, state.members, file),
    modelOf: (file) => state.idx.byFile.get(file),
    files: () => contentsOf(state),
    diagnosticsOf: (file) => state.composed.get(file)?.list ?? [],
    filesWithFindings: sorted,
    diagnostics: () => sorted().flatMap((f) => state.composed.get(f)!.list),
    update: (changes) => update(state, changes),
  };
}
