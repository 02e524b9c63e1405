import { describe, expect, it } from 'vitest';
import { layoutGraph, renderGraph, specAnchor } from '../../src/report/graph.js';
import { exampleModel, hostileModel, largeModel } from './fixtures.js';

describe('renderGraph: the 4-spec example', () => {
  it('writes DOT with each node coloured and labelled with its state, arrows in build order', () => {
    expect(renderGraph(exampleModel(), 'dot')).toBe(`digraph speccc {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "money" [label="money\\npromoted", fillcolor="#dafbe1", color="#1a7f37"];
  "line-items" [label="line-items\\npromoted", fillcolor="#dafbe1", color="#1a7f37"];
  "discount-codes" [label="discount-codes\\nfailing", fillcolor="#ffebe9", color="#cf222e"];
  "invoice-totals" [label="invoice-totals\\nstale", fillcolor="#fff8c5", color="#9a6700"];
  "money" -> "line-items";
  "money" -> "discount-codes";
  "money" -> "invoice-totals";
  "line-items" -> "invoice-totals";
  "discount-codes" -> "invoice-totals";
}
`);
  });

  it('writes Mermaid with a class per state', () => {
    expect(renderGraph(exampleModel(), 'mermaid')).toBe(`flowchart LR
  n0["money<br/>promoted"]:::promoted
  n1["line-items<br/>promoted"]:::promoted
  n2["discount-codes<br/>failing"]:::failing
  n3["invoice-totals<br/>stale"]:::stale
  n0 --> n1
  n0 --> n2
  n0 --> n3
  n1 --> n3
  n2 --> n3
  classDef promoted fill:#dafbe1,stroke:#1a7f37,color:#1f2328
  classDef failing fill:#ffebe9,stroke:#cf222e,color:#1f2328
  classDef stale fill:#fff8c5,stroke:#9a6700,color:#1f2328
`);
  });

  it('writes a standalone SVG: one link per spec with its id and state word, one path per edge, all inside the view box', () => {
    const svg = renderGraph(exampleModel(), 'svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ')).toBe(true);
    expect(svg).toContain('<style>');
    const nodes = [...svg.matchAll(/<a href="#([^"]+)" id="node-\1" class="st-([a-z]+)"><title>[^<]*<\/title><rect [^>]*\/><text [^>]*>([^<]*)<\/text><text class="w" [^>]*>([^<]*)<\/text><\/a>/g)].map(
      (m) => [m[1], m[2], m[3], m[4]],
    );
    expect(nodes).toEqual([
      ['spec-money', 'promoted', 'money', 'promoted'],
      ['spec-line-items', 'promoted', 'line-items', 'promoted'],
      ['spec-discount-codes', 'failing', 'discount-codes', 'failing'],
      ['spec-invoice-totals', 'stale', 'invoice-totals', 'stale'],
    ]);
    const edges = svg.slice(svg.indexOf('<g class="edges"'), svg.indexOf('<g class="nodes"'));
    expect(edges.match(/<path d="M/g)).toHaveLength(5);
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map(Number) as [number, number, number];
    for (const m of svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      const [x, y, rw, rh] = m.slice(1).map(Number) as [number, number, number, number];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + rw).toBeLessThanOrEqual(w);
      expect(y + rh).toBeLessThanOrEqual(h);
    }
    for (const m of edges.matchAll(/d="M([^"]+)"/g)) {
      for (const v of m[1]!.split(/[MLQ ]/).filter(Boolean).map(Number)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(Math.max(w, h));
      }
    }
  });

  it('lays out dependencies before their dependents, deterministically', () => {
    const a = layoutGraph(exampleModel());
    expect(layoutGraph(exampleModel())).toEqual(a);
    const x = new Map(a.nodes.map((n) => [n.id, n.x]));
    for (const e of a.edges) expect(x.get(e.from)!).toBeLessThan(x.get(e.to)!);
    expect(a.edges.every((e) => e.drawn && e.points.length >= 2)).toBe(true);
    expect(a.edgesDrawn).toBe(5);
  });
});

describe('renderGraph: awkward input', () => {
  it('escapes ids in every format and draws a dependency outside the workspace as a plain node', () => {
    const m = hostileModel();
    m.specs[0]!.dependsOn = ['gone "away"\n<x>'];
    const dot = renderGraph(m, 'dot');
    expect(dot).toContain('"gone \\"away\\"\\n<x>" [label="gone \\"away\\"\\n<x>\\nmissing"');
    expect(dot).toContain('"a\\"b\'c<d>&e f" [label=');
    const mermaid = renderGraph(m, 'mermaid');
    expect(mermaid).toContain('["a#34;b#39;c#60;d#62;#38;e f<br/>stale"]:::stale');
    expect(mermaid).toContain(':::missing');
    expect(mermaid).not.toMatch(/\["[^"]*"[^\]]/);
    const svg = renderGraph(m, 'svg');
    expect(svg).not.toContain('<d>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('a&quot;b&#39;c&lt;d&gt;&amp;e f');
    expect(svg).toContain(`href="#${specAnchor(`a"b'c<d>&e f`)}"`);
    // the missing dependency is drawn but links nowhere
    expect(svg).toMatch(/<g class="st-missing"><title>gone &quot;away&quot;\n&lt;x&gt;: missing/);
  });

  it('gives every id a distinct fragment made of safe characters', () => {
    const ids = ['a b', 'a_b', 'a_20_b', 'a-b', 'A-B', 'é', '<'];
    const anchors = ids.map(specAnchor);
    expect(new Set(anchors).size).toBe(ids.length);
    for (const a of anchors) expect(a).toMatch(/^spec-[A-Za-z0-9_-]+$/);
  });

  it('draws at most maxEdges edges, those touching failing, blocked or stale specs first', () => {
    const m = largeModel(160, 3);
    const layout = layoutGraph(m, { maxEdges: 40 });
    expect(layout.compact).toBe(true);
    expect(layout.nodes).toHaveLength(160);
    expect(layout.edges).toHaveLength(2 * 150);
    expect(layout.edgesDrawn).toBe(40);
    expect(layout.edges.filter((e) => e.drawn)).toHaveLength(40);
    const state = new Map(m.specs.map((s) => [s.id, s.state]));
    const urgent = (e: { from: string; to: string }) => ['failing', 'blocked', 'stale'].some((s) => state.get(e.from) === s || state.get(e.to) === s);
    const urgentCount = layout.edges.filter(urgent).length;
    expect(urgentCount).toBeGreaterThan(0);
    expect(layout.edges.filter((e) => e.drawn).every(urgent) || layout.edges.filter(urgent).every((e) => e.drawn)).toBe(true);
  });

  it('copes with an empty workspace and a cycle', () => {
    const empty = exampleModel();
    empty.specs = [];
    expect(layoutGraph(empty)).toMatchObject({ nodes: [], edges: [] });
    expect(renderGraph(empty, 'svg')).toContain('<svg');
    const cyclic = exampleModel();
    cyclic.specs[0]!.dependsOn = ['invoice-totals'];
    const layout = layoutGraph(cyclic);
    expect(layout.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    expect(layout.edges).toHaveLength(6);
  });
});
