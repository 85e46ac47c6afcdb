import { describe, expect, it } from "vitest";
import { csrFromTies, type CsrGraph, type Tie } from "../../graph/csr.js";
import { accumulateFromSource, betweenness, createScratch, crossGroupBetweenness } from "../../graph/algorithms/betweenness.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Scores = Record<"normalized" | "raw", number[]>;
type Mode = "unweighted" | "weighted";
interface Reference {
  graph?: { nodeCount: number; edges: [number, number, number][] };
  node: Partial<Record<Mode, Scores>>;
  crossGroup?: Record<"profile" | "territory", Record<Mode, Scores>>;
}
const reference = referenceValues<Reference>("betweenness.json");

const ties = (pairs: [number, number, number?][]): Tie[] => pairs.map(([source, target, weight]) => ({ source, target, weight }));
const variants = [
  ["unweighted", "raw"],
  ["unweighted", "normalized"],
  ["weighted", "raw"],
  ["weighted", "normalized"],
] as const;

describe("graph/betweenness", () => {
  describe.each(fixtureGraphs)("matches networkx.betweenness_centrality on $name", (fixture) => {
    it.each(variants)("%s, %s", (mode, scale) => {
      const values = betweenness(csrOf(fixture), { weighted: mode === "weighted", normalized: scale === "normalized" });
      expect(closeArrays(values, reference[fixture.name]!.node[mode]![scale])).toBeNull();
    });
  });

  describe.each(Object.entries(reference).filter(([, r]) => r.graph !== undefined))("counts zero lengths as networkx does on %s", (_name, r) => {
    it.each(["raw", "normalized"] as const)("%s", (scale) => {
      const graph = csrFromTies(r.graph!.nodeCount, ties(r.graph!.edges));
      expect(closeArrays(betweenness(graph, { weighted: true, normalized: scale === "normalized" }), r.node.weighted![scale])).toBeNull();
    });
  });

  it("gives 1 to the middle of a three-node path, 0 to its ends", () => {
    expect([
      ...betweenness(
        csrFromTies(
          3,
          ties([
            [0, 1],
            [1, 2],
          ]),
        ),
      ),
    ]).toEqual([0, 1, 0]);
  });

  it("splits a pair between its two shortest paths around a square", () => {
    const square = csrFromTies(
      4,
      ties([
        [0, 1],
        [1, 2],
        [2, 3],
        [0, 3],
      ]),
    );
    expect([...betweenness(square, { normalized: false })]).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("reads weights as lengths: a long tie is bypassed, an equally long one shares the pair", () => {
    const long = csrFromTies(
      3,
      ties([
        [0, 1, 1],
        [1, 2, 1],
        [0, 2, 3],
      ]),
    );
    expect([...betweenness(long, { weighted: true, normalized: false })]).toEqual([0, 1, 0]);
    expect([...betweenness(long, { weighted: false, normalized: false })]).toEqual([0, 0, 0]);
    const even = csrFromTies(
      3,
      ties([
        [0, 1, 1],
        [1, 2, 1],
        [0, 2, 2],
      ]),
    );
    expect([...betweenness(even, { weighted: true, normalized: false })]).toEqual([0, 0.5, 0]);
  });

  it("keeps disconnected parts apart and normalizes by the whole graph's size", () => {
    const twoPaths = csrFromTies(
      6,
      ties([
        [0, 1],
        [1, 2],
        [3, 4],
        [4, 5],
      ]),
    );
    expect(closeArrays(betweenness(twoPaths), [0, 0.1, 0, 0, 0.1, 0])).toBeNull();
    expect(closeArrays(betweenness(twoPaths, { weighted: true }), [0, 0.1, 0, 0, 0.1, 0])).toBeNull();
  });

  it("handles the empty graph and a lone node", () => {
    expect(betweenness(csrFromTies(0, []))).toEqual(new Float64Array(0));
    expect([...betweenness(csrFromTies(1, []), { weighted: true })]).toEqual([0]);
    expect([...betweenness(csrFromTies(2, ties([[0, 1]])))]).toEqual([0, 0]);
  });

  it("reproduces networkx's counts across a zero-length tie, which are not shares of pairs", () => {
    // 0 -(0)- 1 -(1)- 2: node 1 lies on the one pair {0, 2}, yet networkx gives it 1.5 (and 7 to the
    // tie 0-1): both ends of a zero-length tie count as each other's predecessor.
    const graph = csrFromTies(
      3,
      ties([
        [0, 1, 0],
        [1, 2, 1],
      ]),
    );
    expect([...betweenness(graph, { weighted: true, normalized: false })]).toEqual([0, 1.5, 0]);
  });

  it("gives the same scores weighted with unit lengths as unweighted", () => {
    const fixture = fixtureGraphs.find((f) => f.name === "territorial-150")!;
    const unit = csrOf(fixture, false);
    expect(closeArrays(betweenness(unit, { weighted: true }), betweenness(unit))).toBeNull();
  });

  it("sums per-source kernels split across two accumulators, as worker threads would", () => {
    const graph = csrOf(fixtureGraphs.find((f) => f.name === "karate")!);
    for (const weighted of [false, true]) {
      const halves = [new Float64Array(graph.nodeCount), new Float64Array(graph.nodeCount)];
      const scratches = [createScratch(graph), createScratch(graph)];
      for (let s = 0; s < graph.nodeCount; s += 1) {
        const half = s < graph.nodeCount / 2 ? 0 : 1;
        accumulateFromSource(graph, s, scratches[half]!, { nodes: halves[half]!, ties: null }, { weighted, groups: null });
      }
      const summed = halves[0]!.map((value, v) => (value + halves[1]![v]!) / 2);
      expect(closeArrays(summed, betweenness(graph, { weighted, normalized: false }))).toBeNull();
    }
  });

  it("refuses bad input, naming the module", () => {
    const path = csrFromTies(
      3,
      ties([
        [0, 1],
        [1, 2],
      ]),
    );
    const negative: CsrGraph = { ...path, weights: Float64Array.from(path.weights, () => -1) };
    expect(() => betweenness(negative, { weighted: true })).toThrow(/^graph\/betweenness: tie 0-1 has length -1/);
    expect(betweenness(negative)).toEqual(new Float64Array([0, 1, 0]));
    expect(() => betweenness({} as CsrGraph)).toThrow(/^graph\/betweenness: expected a CsrGraph/);
    expect(() => betweenness(path, { normalized: "yes" as unknown as boolean })).toThrow(/^graph\/betweenness: option normalized/);
    expect(() => betweenness(path, { k: 2 } as object)).toThrow(/^graph\/betweenness: unknown option k/);
    const scratch = createScratch(path, { weighted: false });
    const into = { nodes: new Float64Array(3), ties: null };
    expect(() => accumulateFromSource(path, 3, scratch, into, { weighted: false, groups: null })).toThrow(/^graph\/betweenness: source 3/);
    expect(() => accumulateFromSource(path, 0, scratch, into, { weighted: true, groups: null })).toThrow(/^graph\/betweenness: scratch/);
  });
});

describe("graph/betweenness: crossGroupBetweenness", () => {
  describe.each(fixtureGraphs)("matches a brute force over networkx.all_shortest_paths on $name", (fixture) => {
    it.each((["profile", "territory"] as const).flatMap((labels) => variants.map(([mode, scale]) => [labels, mode, scale] as const)))(
      "by %s, %s, %s",
      (labels, mode, scale) => {
        const values = crossGroupBetweenness(csrOf(fixture), fixture[labels], { weighted: mode === "weighted", normalized: scale === "normalized" });
        expect(closeArrays(values, reference[fixture.name]!.crossGroup![labels][mode][scale])).toBeNull();
      },
    );
  });

  it("counts only pairs across groups, divided by those that do not contain the node", () => {
    const path = csrFromTies(
      5,
      ties([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    );
    const groups = [0, 0, 1, 1, 1];
    // Cross pairs: {0,1} x {2,3,4}. Node 1 lies on 0-2, 0-3, 0-4 (3 of the 3 pairs without it),
    // node 2 on 0-3, 0-4, 1-3, 1-4 (4 of 4), node 3 on 0-4, 1-4 (2 of 4).
    expect([...crossGroupBetweenness(path, groups, { normalized: false })]).toEqual([0, 3, 4, 2, 0]);
    expect([...crossGroupBetweenness(path, groups)]).toEqual([0, 1, 1, 0.5, 0]);
  });

  it("equals plain betweenness when every node has a group of its own", () => {
    const graph = csrOf(fixtureGraphs.find((f) => f.name === "karate")!);
    const own = Array.from({ length: graph.nodeCount }, (_, v) => v);
    for (const weighted of [false, true]) {
      expect(closeArrays(crossGroupBetweenness(graph, own, { weighted }), betweenness(graph, { weighted }))).toBeNull();
    }
  });

  it("is 0 everywhere with a single group, and on the empty graph", () => {
    const star = csrFromTies(
      4,
      ties([
        [0, 1],
        [0, 2],
        [0, 3],
      ]),
    );
    expect([...crossGroupBetweenness(star, [5, 5, 5, 5])]).toEqual([0, 0, 0, 0]);
    expect(crossGroupBetweenness(csrFromTies(0, []), [])).toEqual(new Float64Array(0));
  });

  it("refuses groups that do not label every node with an integer, naming the module", () => {
    const star = csrFromTies(
      4,
      ties([
        [0, 1],
        [0, 2],
        [0, 3],
      ]),
    );
    expect(() => crossGroupBetweenness(star, [0, 1, 2])).toThrow(/^graph\/betweenness: groups must hold one label per node \(4\)/);
    expect(() => crossGroupBetweenness(star, [0, 1, 2, 0.5])).toThrow(/^graph\/betweenness: group label of node 3/);
  });
});
