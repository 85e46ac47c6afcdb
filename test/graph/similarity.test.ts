import { describe, expect, it } from "vitest";
import { adamicAdar, cosine, jaccard, mostSimilar } from "../../graph/algorithms/similarity.js";
import { csrFromTies, type CsrGraph } from "../../graph/csr.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

interface Top {
  nodes: number[];
  scores: number[];
}

interface SimilarityReference {
  pairs: [number, number][];
  jaccard: number[];
  adamicAdar: number[];
  top: Record<string, { jaccard: Top; adamicAdar: Top }>;
}

const reference = referenceValues<SimilarityReference>("similarity.json");

/** 0-1-2 a triangle, 3 hanging off 2, 4 alone. */
const kite = csrFromTies(5, [
  { source: 0, target: 1 },
  { source: 1, target: 2 },
  { source: 0, target: 2 },
  { source: 2, target: 3, weight: 0 },
]);

describe("graph/similarity on the fixture graphs", () => {
  for (const fixture of fixtureGraphs) {
    const graph = csrOf(fixture);
    const expected = reference[fixture.name]!;

    it(`matches nx.jaccard_coefficient and nx.adamic_adar_index on ${fixture.name} (${expected.pairs.length} pairs)`, () => {
      expect(closeArrays(jaccard(graph, expected.pairs), expected.jaccard)).toBeNull();
      expect(closeArrays(adamicAdar(graph, expected.pairs), expected.adamicAdar)).toBeNull();
    });

    it(`ranks the 5 nodes most similar to each sampled node of ${fixture.name} as NetworkX scores do`, () => {
      for (const [v, byMeasure] of Object.entries(expected.top)) {
        for (const measure of ["jaccard", "adamicAdar"] as const) {
          const ranking = mostSimilar(graph, Number(v), { k: 5, measure });
          expect([...ranking.nodes], `${measure} of ${v}`).toEqual(byMeasure[measure].nodes);
          expect(closeArrays(ranking.scores, byMeasure[measure].scores)).toBeNull();
        }
      }
    });
  }
});

describe("graph/similarity on hand-written graphs", () => {
  it("scores shared partners exactly", () => {
    // N(0) = {1, 2}, N(3) = {2}: one shared (2, of degree 3) in a union of two.
    expect([
      ...jaccard(kite, [
        [0, 3],
        [0, 1],
        [0, 4],
        [3, 4],
      ]),
    ]).toEqual([0.5, 1 / 3, 0, 0]);
    expect([
      ...adamicAdar(kite, [
        [0, 3],
        [0, 1],
        [3, 4],
      ]),
    ]).toEqual([1 / Math.log(3), 1 / Math.log(3), 0]);
  });

  it("ranks look-alikes, optionally leaving out current partners, and returns fewer than k when few share anyone", () => {
    expect(mostSimilar(kite, 0, { k: 10 })).toEqual({ nodes: new Int32Array([3, 1, 2]), scores: new Float64Array([0.5, 1 / 3, 0.25]) });
    expect([...mostSimilar(kite, 0, { excludeNeighbours: true }).nodes]).toEqual([3]);
    expect([...mostSimilar(kite, 0, { k: 1, measure: "adamicAdar" }).nodes]).toEqual([2]);
    expect(mostSimilar(kite, 4).nodes.length).toBe(0);
    expect(mostSimilar(kite, 0, { k: 0 }).nodes.length).toBe(0);
  });

  it("handles the empty graph and an empty list of pairs", () => {
    const empty = csrFromTies(0, []);
    expect(jaccard(empty, []).length).toBe(0);
    expect(adamicAdar(empty, []).length).toBe(0);
  });

  it("refuses unknown nodes, a node paired with itself and bad options, naming the module", () => {
    expect(() => jaccard(kite, [[0, 5]])).toThrow(/^graph\/similarity: node 5 does not exist$/);
    expect(() => adamicAdar(kite, [[2, 2]])).toThrow(/^graph\/similarity: pair \(2, 2\) names the same node twice$/);
    expect(() => mostSimilar(kite, -1)).toThrow(/^graph\/similarity: node -1 does not exist$/);
    expect(() => mostSimilar(kite, 0, { k: 1.5 })).toThrow(/^graph\/similarity: k /);
    expect(() => mostSimilar(kite, 0, { measure: "cosine" as "jaccard" })).toThrow(/^graph\/similarity: unknown measure cosine$/);
    expect(() => jaccard({} as CsrGraph, [])).toThrow(/^graph\/similarity: expected a CsrGraph/);
  });
});

describe("graph/similarity cosine", () => {
  it("computes a·b / (|a| |b|)", () => {
    expect(cosine([1, 2, 3], [4, 5, 6])).toBeCloseTo(32 / Math.sqrt(14 * 77), 15);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([1, 2], [-2, -4])).toBeCloseTo(-1, 15);
    expect(cosine(new Float64Array([0, 4, 4, 2]), [0, 2, 2, 1])).toBeCloseTo(1, 15);
    expect(cosine([], [])).toBe(0);
  });

  it("gives 0 when either vector is all zeros, both included", () => {
    expect(cosine([0, 0, 0], [1, 2, 3])).toBe(0);
    expect(cosine([0, 0], [0, 0])).toBe(0);
  });

  it("refuses vectors of different lengths and non-finite entries, naming the module", () => {
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(/^graph\/similarity: cosine of vectors of lengths 2 and 3$/);
    expect(() => cosine([1, Number.NaN], [1, 2])).toThrow(/^graph\/similarity: cosine entry 1 /);
    expect(() => cosine(null as unknown as number[], [1])).toThrow(/^graph\/similarity: /);
  });
});
