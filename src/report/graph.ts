/**
 * The dependency graph of a report: laid out by dagre, written as DOT, Mermaid or SVG.
 *
 * An arrow goes from a spec to each spec that depends on it, so the graph reads in build order
 * (left to right). Every node carries its state as a word as well as a colour.
 *
 * Big graphs: every spec is always a node, and every edge takes part in the layout, but the
 * SVG draws at most `maxEdges` edges (edges that touch a failing, blocked or stale spec first)
 * and says how many it left out; each spec's entry in the HTML page still lists all of its
 * dependencies and dependents. Past COMPACT_FROM nodes, nodes are smaller and closer together.
 * DOT and Mermaid always carry every edge: they are for tools, not for a browser.
 */
import dagre from '@dagrejs/dagre';
import type { ReportModel, SpecState } from './model.js';

export type NodeState = SpecState | 'missing';

export interface GraphNode {
  id: string;
  /** The text drawn in the node (the spec id, shortened if long). */
  label: string;
  /** The spec's title, or a note for a dependency that is not in the workspace. */
  title: string;
  state: NodeState;
  /** Centre of the node. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphEdge {
  /** The dependency. */
  from: string;
  /** The spec that depends on it. */
  to: string;
  points: { x: number; y: number }[];
  drawn: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  compact: boolean;
  edgesDrawn: number;
}

export interface LayoutOptions {
  /** Most edges the SVG draws; the rest are laid out but not drawn. */
  maxEdges?: number;
}

export const MAX_DRAWN_EDGES = 1500;
export const COMPACT_FROM = 150;
const MAX_LABEL = 28;

/** Fill and outline of each state, shared by the page, the SVG and DOT. */
export const STATE_COLOURS: Record<NodeState, { fill: string; stroke: string }> = {
  promoted: { fill: '#dafbe1', stroke: '#1a7f37' },
  stale: { fill: '#fff8c5', stroke: '#9a6700' },
  failing: { fill: '#ffebe9', stroke: '#cf222e' },
  unverified: { fill: '#eaeef2', stroke: '#57606a' },
  draft: { fill: '#fbefff', stroke: '#8250df' },
  blocked: { fill: '#fff1e5', stroke: '#bc4c00' },
  constraint: { fill: '#ddf4ff', stroke: '#0969da' },
  missing: { fill: '#ffffff', stroke: '#6e7781' },
};

/** Escapes text for HTML or XML content and attribute values. */
export function escapeXml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The id of a spec's entry in the page: `spec-` and the id with every character outside
 * [A-Za-z0-9-] written as `_hex_`, so any id gives a distinct, valid fragment.
 */
export function specAnchor(id: string): string {
  return `spec-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A state as a class name and colour key; a state the renderers do not know is drawn as unverified. */
export function stateKey(state: string): NodeState {
  return Object.hasOwn(STATE_COLOURS, state) ? (state as NodeState) : 'unverified';
}

const URGENT: ReadonlySet<NodeState> = new Set(['failing', 'blocked', 'stale']);

/** Lays out the dependency graph with dagre. Pure; deterministic for a given model. */
export function layoutGraph(model: ReportModel, options: LayoutOptions = {}): GraphLayout {
  const maxEdges = options.maxEdges ?? MAX_DRAWN_EDGES;
  const nodes = new Map<string, Omit<GraphNode, 'x' | 'y'>>();
  const edges: { from: string; to: string }[] = [];
  const seenEdge = new Set<string>();
  const compact = model.specs.length >= COMPACT_FROM;
  const height = compact ? 32 : 40;
  const size = (label: string, word: string) => ({
    width: Math.ceil(Math.max([...label].length * 7.2, word.length * 6.6) + (compact ? 14 : 24)),
    height,
  });
  for (const spec of model.specs) {
    if (nodes.has(spec.id)) continue;
    const label = shorten(spec.id, MAX_LABEL);
    nodes.set(spec.id, { id: spec.id, label, title: spec.title, state: spec.state, ...size(label, spec.state) });
  }
  for (const spec of model.specs) {
    for (const dep of spec.dependsOn) {
      const key = JSON.stringify([dep, spec.id]);
      if (seenEdge.has(key)) continue;
      seenEdge.add(key);
      if (!nodes.has(dep)) {
        const label = shorten(dep, MAX_LABEL);
        nodes.set(dep, { id: dep, label, title: 'not in this workspace', state: 'missing', ...size(label, 'missing') });
      }
      edges.push({ from: dep, to: spec.id });
    }
  }

  const g = new dagre.graphlib.Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number }, { points?: { x: number; y: number }[] }>({ multigraph: false });
  // Big graphs rank with tight-tree: network-simplex's extra passes cost about 0.8 s of CPU at 1,000 specs for no visible gain.
  g.setGraph({ rankdir: 'LR', nodesep: compact ? 8 : 16, ranksep: compact ? 36 : 48, edgesep: compact ? 4 : 10, ...(compact ? { ranker: 'tight-tree' } : {}) });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes.values()) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) g.setEdge(e.from, e.to);
  dagre.layout(g);

  const drawnKeys = new Set<number>();
  const order = edges.map((e, i) => ({ i, urgent: URGENT.has(nodes.get(e.from)!.state) || URGENT.has(nodes.get(e.to)!.state) }));
  order.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.i - b.i);
  for (const { i } of order.slice(0, Math.max(0, maxEdges))) drawnKeys.add(i);

  // dagre may route an edge outside the box it reports: shift everything to start at the margin.
  const placed = [...nodes.values()].map((n) => ({ ...n, x: g.node(n.id)?.x ?? 0, y: g.node(n.id)?.y ?? 0 }));
  const routes = edges.map((e) => (g.edge(e.from, e.to) as { points?: { x: number; y: number }[] } | undefined)?.points ?? []);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = 0;
  let maxY = 0;
  for (const n of placed) {
    minX = Math.min(minX, n.x - n.width / 2);
    minY = Math.min(minY, n.y - n.height / 2);
    maxX = Math.max(maxX, n.x + n.width / 2);
    maxY = Math.max(maxY, n.y + n.height / 2);
  }
  for (const p of routes.flat()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (placed.length === 0) minX = minY = maxX = maxY = 0;
  const margin = 8;
  const round = (v: number) => Math.round(v * 10) / 10;
  const dx = margin - minX;
  const dy = margin - minY;
  return {
    width: Math.ceil(maxX - minX + 2 * margin),
    height: Math.ceil(maxY - minY + 2 * margin),
    compact,
    edgesDrawn: drawnKeys.size,
    nodes: placed.map((n) => ({ ...n, x: round(n.x + dx), y: round(n.y + dy) })),
    edges: edges.map((e, i) => ({
      ...e,
      points: routes[i]!.map((p) => ({ x: round(p.x + dx), y: round(p.y + dy) })),
      drawn: drawnKeys.has(i),
    })),
  };
}

/** CSS for the graph's SVG, by class; the page includes it once, a standalone SVG embeds it. */
export const GRAPH_CSS = [
  '.graph text{font:600 12px system-ui,-apple-system,"Segoe UI",sans-serif;fill:#1f2328;text-anchor:middle}',
  '.graph .w{font-weight:400;font-size:11px}',
  '.graph rect{stroke-width:1.5}',
  '.graph .edges{fill:none;stroke:#8c959f;stroke-width:1.2}',
  ...Object.entries(STATE_COLOURS).map(([s, c]) => `.graph .st-${s} rect{fill:${c.fill};stroke:${c.stroke}}`),
  '.graph .st-failing rect,.graph .st-blocked rect{stroke-width:2.5}',
  '.graph .st-unverified rect,.graph .st-draft rect{stroke-dasharray:5 3}',
  '.graph .st-missing rect{stroke-dasharray:2 2}',
  '.graph a:hover rect,.graph a:focus rect{stroke:#0969da;stroke-width:3.5}',
  '.graph a:focus{outline:none}',
].join('\n');

/** A smooth path through dagre's route: straight to the first midpoint, then quadratic curves. */
function pathOf(points: { x: number; y: number }[]): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  const first = points[0]!;
  if (points.length < 3) return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
  let d = `M${first.x} ${first.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const next = points[i + 1]!;
    const end = i === points.length - 2 ? next : { x: r((p.x + next.x) / 2), y: r((p.y + next.y) / 2) };
    d += `Q${p.x} ${p.y} ${end.x} ${end.y}`;
  }
  return d;
}

/** The laid-out graph as SVG; in the page (`standalone: false`) it relies on the page's CSS. */
export function svgFromLayout(layout: GraphLayout, options: { standalone: boolean }): string {
  const { width, height } = layout;
  const out: string[] = [];
  out.push(
    `<svg${options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''} class="graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="Dependency graph: ${layout.nodes.length} specs">`,
  );
  if (options.standalone) out.push(`<style>${GRAPH_CSS}</style>`);
  out.push('<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L8 4L0 8z" fill="#8c959f"/></marker></defs>');
  out.push('<g class="edges" marker-end="url(#arrow)">');
  for (const e of layout.edges) if (e.drawn && e.points.length > 0) out.push(`<path d="${pathOf(e.points)}"/>`);
  out.push('</g><g class="nodes">');
  const half = layout.compact ? 5 : 7;
  for (const n of layout.nodes) {
    const x = Math.round((n.x - n.width / 2) * 10) / 10;
    const y = Math.round((n.y - n.height / 2) * 10) / 10;
    const open = n.state === 'missing' ? '<g' : `<a href="#${specAnchor(n.id)}" id="node-${specAnchor(n.id)}"`;
    out.push(
      `${open} class="st-${stateKey(n.state)}"><title>${escapeXml(`${n.id}: ${n.state} (${n.title})`)}</title>` +
        `<rect x="${x}" y="${y}" width="${n.width}" height="${n.height}" rx="5"/>` +
        `<text x="${n.x}" y="${Math.round((n.y - 2) * 10) / 10}">${escapeXml(n.label)}</text>` +
        `<text class="w" x="${n.x}" y="${Math.round((n.y + half + 4) * 10) / 10}">${escapeXml(n.state)}</text>${n.state === 'missing' ? '</g>' : '</a>'}`,
    );
  }
  out.push('</g></svg>');
  return out.join('\n');
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Mermaid label text: anything but plain characters becomes an entity code (#34; etc.). */
function mermaidText(text: string): string {
  return [...text].map((c) => (/[A-Za-z0-9 _.,:/()-]/.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}

interface PlainGraph {
  nodes: { id: string; state: NodeState }[];
  edges: { from: string; to: string }[];
}

function plainGraph(model: ReportModel): PlainGraph {
  const states = new Map<string, NodeState>();
  for (const s of model.specs) if (!states.has(s.id)) states.set(s.id, s.state);
  const edges: PlainGraph['edges'] = [];
  const seen = new Set<string>();
  for (const s of model.specs) {
    for (const dep of s.dependsOn) {
      if (!states.has(dep)) states.set(dep, 'missing');
      const key = JSON.stringify([dep, s.id]);
      if (!seen.has(key)) {
        seen.add(key);
        edges.push({ from: dep, to: s.id });
      }
    }
  }
  return { nodes: [...states].map(([id, state]) => ({ id, state })), edges };
}

/** The dependency graph as DOT (Graphviz), Mermaid (e.g. in a GitHub comment) or standalone SVG. */
export function renderGraph(model: ReportModel, format: 'dot' | 'svg' | 'mermaid'): string {
  if (format === 'svg') return `${svgFromLayout(layoutGraph(model), { standalone: true })}\n`;
  const { nodes, edges } = plainGraph(model);
  if (format === 'dot') {
    const lines = ['digraph speccc {', '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fontname="Helvetica"];'];
    for (const n of nodes) {
      const c = STATE_COLOURS[stateKey(n.state)];
      lines.push(`  ${dotString(n.id)} [label=${dotString(`${n.id}\n${n.state}`)}, fillcolor="${c.fill}", color="${c.stroke}"];`);
    }
    for (const e of edges) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)};`);
    lines.push('}');
    return `${lines.join('\n')}\n`;
  }
  const index = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const n of nodes) lines.push(`  ${index.get(n.id)}["${mermaidText(n.id)}<br/>${mermaidText(n.state)}"]:::${stateKey(n.state)}`);
  for (const e of edges) lines.push(`  ${index.get(e.from)} --> ${index.get(e.to)}`);
  for (const state of new Set(nodes.map((n) => stateKey(n.state)))) {
    const c = STATE_COLOURS[state];
    lines.push(`  classDef ${state} fill:${c.fill},stroke:${c.stroke},color:#1f2328`);
  }
  return `${lines.join('\n')}\n`;
}
