import { closest } from '../../../diagnostics/closest.js';
import { diagnostics as d } from '../../../diagnostics/messages.js';
import { splitId } from '../../2-model/qualify.js';
import type { Diagnostic, Span, Spec, Workspace } from '../../../types/index.js';
import type { Rule } from '../rule.js';

interface Reference {
  from: Spec;
  to: Spec;
  span: Span;
  via: 'depends_on' | 'link';
}

/** What resolving one spec's references gives: findings about the references themselves, and those that resolved. */
interface Resolved {
  findings: Diagnostic[];
  refs: Reference[];
}

export const referencesRule: Rule = {
  id: 'references',
  codes: ['unknown-dependency', 'unknown-link', 'self-dependency', 'depends-on-duplicate', 'depends-on-unready', 'deprecated-still-used', 'unknown-member'],
  scope: { kind: 'workspace', own: 'spec', reads: ['dependencies', 'linked-specs', 'same-id', 'spec-ids'] },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    const byFile = new Map<string, Spec>();
    for (const { spec } of workspace.files) if (spec) byFile.set(spec.file, spec);
    const ids = [...workspace.byId.keys()];
    const refs: Reference[] = [];
    for (const { spec } of workspace.files) {
      if (!spec?.frontmatter) continue;
      for (const resolved of [resolveDependsOn(workspace, spec, ids), resolveLinks(spec, byFile)]) {
        out.push(...resolved.findings);
        refs.push(...resolved.refs);
      }
    }
    out.push(...statusFindings(refs));
    return out;
  },
};

/** Resolves a spec's depends_on: duplicates, itself, and ids no spec has are findings; ids two specs share resolve to neither. */
function resolveDependsOn(workspace: Workspace, spec: Spec, ids: readonly string[]): Resolved {
  const fm = spec.frontmatter!;
  const out: Resolved = { findings: [], refs: [] };
  const listed = new Map<string, number>();
  fm.depends_on.forEach((dep, i) => {
    const span = spec.frontmatterSpans?.depends_on[i] ?? spec.frontmatterSpans?.fields.depends_on ?? spec.frontmatterSpans!.block;
    const first = listed.get(dep);
    if (first !== undefined) {
      const firstSpan = spec.frontmatterSpans?.depends_on[first] ?? span;
      out.findings.push(
        d.dependsOnDuplicate({
          file: spec.file,
          span,
          message: `depends_on lists \`${dep}\` twice; expected each dependency once`,
          related: [{ file: spec.file, span: firstSpan, message: 'first listed here' }],
        }),
      );
      return;
    }
    listed.set(dep, i);
    // In a spec that shares its id (a copy whose id was not changed), its own id names the original.
    if (dep === fm.id && workspace.sharedIds.has(dep)) return;
    if (dep === fm.id) {
      out.findings.push(d.selfDependency({ file: spec.file, span, message: `Spec \`${fm.id}\` lists itself in depends_on; expected other specs' ids` }));
      return;
    }
    const target = workspace.byId.get(dep);
    const qualified = splitId(dep);
    if (!target && qualified && !(workspace.members ?? []).some((m) => m.name === qualified.member)) {
      const names = (workspace.members ?? []).map((m) => m.name);
      const near = closest(qualified.member, names);
      const known = names.length === 0 ? 'this workspace has no members' : `expected one of ${names.map((n) => `\`${n}\``).join(', ')}`;
      out.findings.push(d.unknownMember({ file: spec.file, span, message: `depends_on names \`${dep}\`, but there is no member \`${qualified.member}\`; ${known}`, ...(near ? { hint: `Did you mean \`${near}:${qualified.local}\`?` } : {}) }));
      return;
    }
    if (!target) {
      const near = closest(dep, ids.filter((id) => id !== fm.id));
      out.findings.push(
        d.unknownDependency({
          file: spec.file,
          span,
          message: `depends_on names \`${dep}\`, but no spec has that id; expected the id of an existing spec`,
          ...(near ? { hint: `Did you mean \`${near}\`?` } : {}),
        }),
      );
      return;
    }
    // Which of two namesakes a dependency means is unknown: its status says nothing until the ids differ.
    if (!workspace.sharedIds.has(dep)) out.refs.push({ from: spec, to: target, span, via: 'depends_on' });
  });
  return out;
}

/** Resolves a spec's links: a link into the specs folder that names no spec is a finding; links to itself are no reference. */
function resolveLinks(spec: Spec, byFile: ReadonlyMap<string, Spec>): Resolved {
  const out: Resolved = { findings: [], refs: [] };
  for (const link of spec.links) {
    // Only links into the specs folder are spec references; links to docs elsewhere are prose.
    const inSpecs = link.target.startsWith(spec.file.split('/')[0] + '/');
    const target = byFile.get(link.target);
    if (!target) {
      if (inSpecs) {
        out.findings.push(
          d.unknownLink({
            file: spec.file,
            span: link.span,
            message: `Link \`${link.href}\` points to ${link.target}, which is not a spec; expected a path to an existing spec file`,
          }),
        );
      }
      continue;
    }
    if (target === spec) continue;
    out.refs.push({ from: spec, to: target, span: link.span, via: 'link' });
  }
  return out;
}

/** A ready spec may only reference ready specs; a spec still on a deprecated one is warned once per target. */
function statusFindings(refs: readonly Reference[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warnedDeprecated = new Set<string>();
  for (const ref of refs) {
    const fromStatus = ref.from.frontmatter!.status;
    const to = ref.to.frontmatter;
    if (!to) continue;
    if (fromStatus === 'ready' && to.status !== 'ready') {
      out.push(
        d.dependsOnUnready({
          file: ref.from.file,
          span: ref.span,
          message: `Ready spec \`${ref.from.frontmatter!.id}\` ${ref.via === 'link' ? 'links to' : 'depends on'} \`${to.id}\`, which is ${to.status}; expected a ready spec`,
          related: [{ file: ref.to.file, span: ref.to.frontmatterSpans?.fields.status ?? ref.to.frontmatterSpans!.block, message: `status: ${to.status}` }],
        }),
      );
    } else if (to.status === 'deprecated' && fromStatus !== 'deprecated' && !warnedDeprecated.has(`${ref.from.file}>${to.id}`)) {
      warnedDeprecated.add(`${ref.from.file}>${to.id}`);
      out.push(
        d.deprecatedStillUsed({
          file: ref.from.file,
          span: ref.span,
          message: `Spec \`${ref.from.frontmatter!.id}\` still depends on deprecated \`${to.id}\`; expected it to move to a replacement`,
        }),
      );
    }
  }
  return out;
}
