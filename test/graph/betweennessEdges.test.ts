import { describe, expect, it } from "vitest";
import { csrFromTies, type CsrGraph, type Tie } from "../../graph/csr.js";
import { betweenness } from "../../graph/algorithms/betweenness.js";
import { edgeBetweenness } from "../../graph/algorithms/edgeBetweenness.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Scores = Record<"normalized" | "raw", number[]>;
type Mode = "unweighted" | "weighted";
interface Reference {
  graph?: { nodeCount: number; edges: [number, number, number][] };
  edge: Partial<Record<Mode, Scores>>;
}
const reference = referenceValues<Reference>("betweenness.json");

const ties = (pairs: [number, number, number?][]): Tie[] => pairs.map(([source, target, weight]) => ({ source, target, weight }));

/** Hop distances from s, -1 where unreached. */
function hops(graph: CsrGraph, s: number): Int32Array {
  const depth = new Int32Array(graph.nodeCount).fill(-1);
  const queue = [s];
  depth[s] = 0;
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head]!;
    for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i += 1) {
      const w = graph.targets[i]!;
      if (depth[w]! < 0) {
        depth[w] = depth[v]! + 1;
        queue.push(w);
      }
    }
  }
  return depth;
}

describe("graph/edgeBetweenness", () => {
  describe.each(fixtureGraphs)("matches networkx.edge_betweenness_centrality on $name", (fixture) => {
    it.each([
      ["unweighted", "raw"],
      ["unweighted", "normalized"],
      ["weighted", "raw"],
      ["weighted", "normalized"],
    ] as const)("%s, %s", (mode, scale) => {
      const values = edgeBetweenness(csrOf(fixture), { weighted: mode === "weighted", normalized: scale === "normalized" });
      expect(closeArrays(values, reference[fixture.name]!.edge[mode]![scale])).toBeNull();
    });
  });

  describe.each(Object.entries(reference).filter(([, r]) => r.graph !== undefined))("counts zero lengths as networkx does on %s", (_name, r) => {
    it.each(["raw", "normalized"] as const)("%s", (scale) => {
      const graph = csrFromTies(r.graph!.nodeCount, ties(r.graph!.edges));
      expect(closeArrays(edgeBetweenness(graph, { weighted: true, normalized: scale === "normalized" }), r.edge.weighted![scale])).toBeNull();
    });
  });

  it("gives each tie of a three-node path its two pairs, normalized by the three pairs", () => {
    const path = csrFromTies(
      3,
      ties([
        [0, 1],
        [1, 2],
      ]),
    );
    expect([...edgeBetweenness(path, { normalized: false })]).toEqual([2, 2]);
    expect(closeArrays(edgeBetweenness(path), [2 / 3, 2 / 3])).toBeNull();
  });

  it("gives each spoke of a five-leaf star the five pairs of its leaf", () => {
    const star = csrFromTies(
      6,
      ties([
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
      ]),
    );
    expect([...edgeBetweenness(star, { normalized: false })]).toEqual([5, 5, 5, 5, 5]);
  });

  it("adds up to the sum of hop distances over connected pairs, as node betweenness adds up to it minus one per pair", () => {
    const graph = csrOf(fixtureGraphs.find((f) => f.name === "bridged-triangles-and-isolate")!, false);
    let distances = 0;
    let pairs = 0;
    for (let s = 0; s < graph.nodeCount; s += 1) {
      hops(graph, s).forEach((d, t) => {
        if (t > s && d > 0) {
          distances += d;
          pairs += 1;
        }
      });
    }
    const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
    expect(sum(edgeBetweenness(graph, { normalized: false }))).toBeCloseTo(distances, 9);
    expect(sum(betweenness(graph, { normalized: false }))).toBeCloseTo(distances - pairs, 9);
  });

  it("handles graphs without ties", () => {
    expect(edgeBetweenness(csrFromTies(0, []))).toEqual(new Float64Array(0));
    expect(edgeBetweenness(csrFromTies(3, []), { weighted: true })).toEqual(new Float64Array(0));
  });

  it("refuses bad input, naming the module", () => {
    const path = csrFromTies(
      3,
      ties([
        [0, 1],
        [1, 2],
      ]),
    );
    const broken: CsrGraph = { ...path, weights: Float64Array.from(path.weights, () => NaN) };
    expect(() => edgeBetweenness(broken, { weighted: true })).toThrow(/^graph\/edgeBetweenness: tie 0-1 has length NaN/);
    expect(() => edgeBetweenness(null as unknown as CsrGraph)).toThrow(/^graph\/edgeBetweenness: expected a CsrGraph/);
    expect(() => edgeBetweenness(path, { weighted: 1 as unknown as boolean })).toThrow(/^graph\/edgeBetweenness: option weighted/);
  });
});
