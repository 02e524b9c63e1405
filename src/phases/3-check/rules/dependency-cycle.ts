import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, Spec } from '../../../types/index.js';
import type { Rule } from '../rule.js';

/**
 * Reports each cycle in the depends_on graph once, on the member whose id sorts first, with the
 * full path `a -> b -> a` in the message and the other members as related locations. A twin in
 * `uses_twins` is built before the spec that uses it, so those edges count too. A cycle through
 * an id two specs declare is left to duplicate-id.
 */
export const dependencyCycleRule: Rule = {
  id: 'dependency-cycle',
  codes: ['dependency-cycle'],
  scope: { kind: 'workspace', own: 'none', reads: ['dependency-graph'] },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    const graph = new Map<string, string[]>();
    for (const [id, spec] of workspace.byId) {
      const edges = [...(spec.frontmatter?.depends_on ?? []), ...(spec.frontmatter?.uses_twins ?? [])];
      graph.set(id, [...new Set(edges)].filter((d) => d !== id && workspace.byId.has(d)));
    }
    for (const component of stronglyConnected(graph)) {
      // byId resolves a shared id to one of its namesakes: a cycle through it may be an artefact of that choice.
      if (component.length < 2 || component.some((id) => workspace.sharedIds.has(id))) continue;
      const members = [...component].sort();
      const cycle = findCycle(members[0]!, new Set(members), graph);
      const head = workspace.byId.get(members[0]!)!;
      const edgeSpan = (from: Spec, to: string) => {
        const i = from.frontmatter!.depends_on.indexOf(to);
        if (i >= 0) return from.frontmatterSpans?.depends_on[i] ?? from.frontmatterSpans!.block;
        return from.frontmatterSpans?.uses_twins[from.frontmatter!.uses_twins.indexOf(to)] ?? from.frontmatterSpans!.block;
      };
      const verb = (from: Spec, to: string) => (from.frontmatter!.depends_on.includes(to) ? 'depends on' : 'uses twin');
      out.push(
        d.dependencyCycle({
          file: head.file,
          span: edgeSpan(head, cycle[1]!),
          message: `Dependency cycle: ${cycle.join(' -> ')}; expected specs to depend on each other without cycles`,
          related: cycle.slice(1, -1).map((id, i) => {
            const spec = workspace.byId.get(id)!;
            return { file: spec.file, span: edgeSpan(spec, cycle[i + 2]!), message: `${id} ${verb(spec, cycle[i + 2]!)} ${cycle[i + 2]}` };
          }),
        }),
      );
    }
    return out;
  },
};

/** Tarjan's algorithm, iterative so a long chain of specs cannot overflow the stack. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  for (const root of [...graph.keys()].sort()) {
    if (indexOf.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    indexOf.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!indexOf.has(to)) {
          indexOf.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** A shortest cycle through `start` inside one component (breadth-first), as [start, ..., start]. */
function findCycle(start: string, members: Set<string>, graph: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
