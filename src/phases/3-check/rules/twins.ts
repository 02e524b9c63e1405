import { closest } from '../../../diagnostics/closest.js';
import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, Span, Spec, Workspace } from '../../../types/index.js';
import { twinEntry } from '../../2-model/twins.js';
import type { Rule } from '../rule.js';

/**
 * Service twins, resolved like dependencies: every id in `uses_twins` must name a ready spec of
 * kind twin; a twin is never built on (`depends_on`), never uses twins itself, and owns the
 * entry point speccc starts it by. Cycles through `uses_twins` are the dependency-cycle rule's.
 */
export const twinsRule: Rule = {
  id: 'twins',
  codes: ['unknown-twin', 'not-a-twin', 'twin-unready', 'twin-in-depends-on', 'twin-entry-missing', 'uses-twins-not-allowed'],
  scope: { kind: 'workspace', own: 'frontmatter', reads: ['dependencies', 'twins-used', 'twin-ids'] },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    const twinIds = [...workspace.byId.values()].filter((s) => s.frontmatter?.kind === 'twin').map((s) => s.frontmatter!.id);
    for (const { spec } of workspace.files) {
      if (!spec?.frontmatter) continue;
      out.push(...usesTwinsFindings(workspace, spec, twinIds), ...twinsInDependsOn(workspace, spec), ...twinEntryFindings(spec));
    }
    return out;
  },
};

/** A twin or constraint spec may list no twins; every other spec's twins must be ready specs of kind twin. */
function usesTwinsFindings(workspace: Workspace, spec: Spec, twinIds: readonly string[]): Diagnostic[] {
  const fm = spec.frontmatter!;
  const spans = spec.frontmatterSpans!;
  if (fm.uses_twins.length > 0 && (fm.kind === 'twin' || fm.kind === 'constraint')) {
    return [
      d.usesTwinsNotAllowed({
        file: spec.file,
        span: spans.fields.uses_twins ?? spans.block,
        message: `${fm.kind === 'twin' ? 'Twin' : 'Constraint'} spec \`${fm.id}\` lists uses_twins; expected none (${fm.kind === 'twin' ? 'a twin is a self-contained clone of one service' : 'constraint specs are not built'})`,
      }),
    ];
  }
  return fm.uses_twins.flatMap((id, i) => {
    // Which of two namesakes is meant is unknown until duplicate-id is fixed.
    if (workspace.sharedIds.has(id)) return [];
    const finding = usedTwinFinding(spec, id, spans.uses_twins[i] ?? spans.fields.uses_twins ?? spans.block, workspace.byId.get(id), twinIds);
    return finding ? [finding] : [];
  });
}

/** What is wrong with `id` in `spec`'s uses_twins (`target`: the spec with that id): unknown, not a twin, or not ready; null when nothing is. */
function usedTwinFinding(spec: Spec, id: string, span: Span, target: Spec | undefined, twinIds: readonly string[]): Diagnostic | null {
  const fm = spec.frontmatter!;
  const to = target?.frontmatter;
  if (!target || !to) {
    const near = closest(id, twinIds);
    return d.unknownTwin({
      file: spec.file,
      span,
      message: `uses_twins names \`${id}\`, but no spec has that id; expected the id of a twin spec`,
      ...(near ? { hint: `Did you mean \`${near}\`?` } : {}),
    });
  }
  if (to.kind !== 'twin') {
    return d.notATwin({
      file: spec.file,
      span,
      message: `uses_twins names \`${id}\`, which is ${/^[aeiou]/.test(to.kind) ? 'an' : 'a'} ${to.kind} spec; expected a spec of kind twin`,
      related: [{ file: target.file, span: target.frontmatterSpans?.fields.kind ?? target.frontmatterSpans!.block, message: `kind: ${to.kind}` }],
    });
  }
  if (fm.status === 'ready' && to.status !== 'ready') {
    return d.twinUnready({
      file: spec.file,
      span,
      message: `Ready spec \`${fm.id}\` uses twin \`${id}\`, which is ${to.status}; expected a ready twin`,
      related: [{ file: target.file, span: target.frontmatterSpans?.fields.status ?? target.frontmatterSpans!.block, message: `status: ${to.status}` }],
    });
  }
  return null;
}

/** Code calls a service and never imports its twin, so no spec lists a twin in depends_on (a twin least of all another twin). */
function twinsInDependsOn(workspace: Workspace, spec: Spec): Diagnostic[] {
  const fm = spec.frontmatter!;
  const spans = spec.frontmatterSpans!;
  return fm.depends_on.flatMap((id, i) => {
    const target = workspace.byId.get(id);
    if (target?.frontmatter?.kind !== 'twin' || id === fm.id || workspace.sharedIds.has(id)) return [];
    return [
      d.twinInDependsOn({
        file: spec.file,
        span: spans.depends_on[i] ?? spans.fields.depends_on ?? spans.block,
        message:
          fm.kind === 'twin'
            ? `Twin \`${fm.id}\` depends on twin \`${id}\`; expected a twin to depend on no other twin`
            : `depends_on names twin \`${id}\`; expected it in uses_twins (code calls a service, it never imports its twin)`,
        ...(fm.kind === 'twin' ? { hint: 'Remove it from depends_on: a twin stands alone.' } : {}),
      }),
    ];
  });
}

/** A twin that lists outputs must own the entry point speccc starts it by. */
function twinEntryFindings(spec: Spec): Diagnostic[] {
  const fm = spec.frontmatter!;
  const spans = spec.frontmatterSpans!;
  if (fm.kind !== 'twin' || fm.status === 'deprecated' || fm.outputs.length === 0 || fm.outputs.includes(twinEntry(fm.id))) return [];
  return [
    d.twinEntryMissing({
      file: spec.file,
      span: spans.fields.outputs ?? spans.block,
      message: `Twin spec \`${fm.id}\` does not own \`${twinEntry(fm.id)}\`; expected it among the outputs (speccc starts the twin by its \`start\` export)`,
      hint: `Add \`${twinEntry(fm.id)}\` to the outputs.`,
    }),
  ];
}
