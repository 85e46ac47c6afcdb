import { describe, expect, it } from "vitest";
import { articulationPoints, bridges, connectedComponents, cutElements, removalImpact, removalImpacts } from "../../graph/algorithms/components.js";
import { csrFromTies, type CsrGraph } from "../../graph/csr.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

interface StructureReference {
  componentCount: number;
  componentOf: number[];
  componentSizes: number[];
  articulationPoints: number[];
  bridges: [number, number][];
  removal: { componentsAfter: number; disconnectedPairs: number; disconnectedShare: number }[];
}

const reference = referenceValues<StructureReference>("structure.json");

function pathGraph(n: number): CsrGraph {
  return csrFromTies(
    n,
    Array.from({ length: Math.max(0, n - 1) }, (_, i) => ({ source: i, target: i + 1 })),
  );
}

function tiePairs(graph: CsrGraph, ties: Int32Array): [number, number][] {
  return [...ties].map((e) => [graph.edgeSource[e]!, graph.edgeTarget[e]!]);
}

/** Removal impact by brute force: union-find over the ties that avoid v, then every pair checked. */
function bruteForceRemoval(graph: CsrGraph, v: number) {
  const n = graph.nodeCount;
  const rootsOf = (skip: number) => {
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
    for (let e = 0; e < graph.edgeCount; e += 1) {
      const a = graph.edgeSource[e]!;
      const b = graph.edgeTarget[e]!;
      if (a !== skip && b !== skip) parent[find(a)] = find(b);
    }
    return Array.from({ length: n }, (_, i) => find(i));
  };
  const before = rootsOf(-1);
  const after = rootsOf(v);
  const others = [...Array(n).keys()].filter((x) => x !== v);
  let connected = 0;
  let lost = 0;
  for (let i = 0; i < others.length; i += 1) {
    for (let j = i + 1; j < others.length; j += 1) {
      const [a, b] = [others[i]!, others[j]!];
      if (before[a] !== before[b]) continue;
      connected += 1;
      if (after[a] !== after[b]) lost += 1;
    }
  }
  const allPairs = (others.length * (others.length - 1)) / 2;
  return {
    componentsAfter: new Set(others.map((x) => after[x])).size,
    pairsConnectedBefore: connected,
    disconnectedPairs: lost,
    disconnectedShare: allPairs > 0 ? lost / allPairs : 0,
  };
}

describe("graph/components on the fixture graphs", () => {
  for (const fixture of fixtureGraphs) {
    const graph = csrOf(fixture);
    const expected = reference[fixture.name]!;

    it(`labels the components of ${fixture.name} as NetworkX does`, () => {
      const components = connectedComponents(graph);
      expect(components.count).toBe(expected.componentCount);
      expect([...components.componentOf]).toEqual(expected.componentOf);
      expect([...components.sizes]).toEqual(expected.componentSizes);
    });

    it(`finds the articulation points and bridges of ${fixture.name}`, () => {
      const cut = cutElements(graph);
      expect([...cut.articulationPoints]).toEqual(expected.articulationPoints);
      expect([...cut.isArticulationPoint].flatMap((flag, v) => (flag ? [v] : []))).toEqual(expected.articulationPoints);
      expect(tiePairs(graph, cut.bridges)).toEqual(expected.bridges);
    });

    it(`measures what removing each actor of ${fixture.name} breaks, as brute force and NetworkX do`, () => {
      const all = removalImpacts(graph);
      for (let v = 0; v < graph.nodeCount; v += 1) {
        const brute = bruteForceRemoval(graph, v);
        const one = removalImpact(graph, v);
        expect(one.componentsAfter).toBe(brute.componentsAfter);
        expect(one.pairsConnectedBefore).toBe(brute.pairsConnectedBefore);
        expect(one.disconnectedPairs).toBe(brute.disconnectedPairs);
        expect(one.disconnectedShare).toBeCloseTo(brute.disconnectedShare, 12);
        expect(all.componentsAfter[v]).toBe(brute.componentsAfter);
        expect(all.pairsConnectedBefore[v]).toBe(brute.pairsConnectedBefore);
        expect(all.disconnectedPairs[v]).toBe(brute.disconnectedPairs);
      }
      expect(
        closeArrays(
          all.disconnectedShare,
          expected.removal.map((r) => r.disconnectedShare),
        ),
      ).toBeNull();
      expect([...all.componentsAfter]).toEqual(expected.removal.map((r) => r.componentsAfter));
      expect([...all.disconnectedPairs]).toEqual(expected.removal.map((r) => r.disconnectedPairs));
    });
  }
});

describe("graph/components on hand-written graphs", () => {
  it("handles the empty graph", () => {
    const graph = csrFromTies(0, []);
    expect(connectedComponents(graph)).toEqual({ count: 0, componentOf: new Int32Array(0), sizes: new Int32Array(0) });
    expect([...articulationPoints(graph), ...bridges(graph)]).toEqual([]);
    expect(removalImpacts(graph).componentsAfter.length).toBe(0);
  });

  it("lets an isolated actor leave without breaking anything", () => {
    const graph = csrFromTies(3, [{ source: 0, target: 1 }]);
    expect(removalImpact(graph, 2)).toEqual({ componentsAfter: 1, pairsConnectedBefore: 1, disconnectedPairs: 0, disconnectedShare: 0 });
    expect(removalImpact(csrFromTies(1, []), 0)).toEqual({ componentsAfter: 0, pairsConnectedBefore: 0, disconnectedPairs: 0, disconnectedShare: 0 });
  });

  it("counts the pairs a star's hub holds together", () => {
    const graph = csrFromTies(
      5,
      [1, 2, 3, 4].map((leaf) => ({ source: 0, target: leaf })),
    );
    // Without the hub, the 4 leaves are 4 components and all 6 of their pairs are cut.
    expect(removalImpact(graph, 0)).toEqual({ componentsAfter: 4, pairsConnectedBefore: 6, disconnectedPairs: 6, disconnectedShare: 1 });
    expect(removalImpact(graph, 1)).toEqual({ componentsAfter: 1, pairsConnectedBefore: 6, disconnectedPairs: 0, disconnectedShare: 0 });
  });

  it("finds no articulation point nor bridge on a cycle, and ignores tie weights, zero included", () => {
    const graph = csrFromTies(4, [
      { source: 0, target: 1, weight: 0 },
      { source: 1, target: 2 },
      { source: 2, target: 3, weight: 5 },
      { source: 3, target: 0 },
    ]);
    expect([...articulationPoints(graph), ...bridges(graph)]).toEqual([]);
    expect(connectedComponents(graph).count).toBe(1);
  });

  it("walks a path of 50,000 actors without overflowing the stack", () => {
    const n = 50_000;
    const graph = pathGraph(n);
    const cut = cutElements(graph);
    expect(cut.articulationPoints.length).toBe(n - 2);
    expect([cut.articulationPoints[0], cut.articulationPoints[n - 3]]).toEqual([1, n - 2]);
    expect(cut.bridges.length).toBe(n - 1);
    const impacts = removalImpacts(graph);
    // Removing node 20,000 separates 20,000 actors from 29,999.
    expect(impacts.disconnectedPairs[20_000]).toBe(20_000 * 29_999);
    expect(impacts.componentsAfter[20_000]).toBe(2);
    expect(impacts.componentsAfter[0]).toBe(1);
  });

  it("refuses unknown nodes and non-graphs, naming the module", () => {
    const graph = pathGraph(3);
    expect(() => removalImpact(graph, 3)).toThrow(/^graph\/components: node 3 does not exist$/);
    expect(() => removalImpact(graph, -1)).toThrow(/^graph\/components: /);
    expect(() => removalImpact(graph, 0.5)).toThrow(/^graph\/components: /);
    expect(() => connectedComponents({} as CsrGraph)).toThrow(/^graph\/components: expected a CsrGraph/);
  });
});
