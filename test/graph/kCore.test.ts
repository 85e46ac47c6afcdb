import { describe, expect, it } from "vitest";
import { coreNumbers, degeneracy } from "../../graph/algorithms/kCore.js";
import { csrFromTies, type CsrGraph } from "../../graph/csr.js";
import { csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

const reference = referenceValues<{ coreNumber: number[] }>("structure.json");

describe("graph/kCore", () => {
  for (const fixture of fixtureGraphs) {
    it(`gives the core numbers of ${fixture.name} as nx.core_number`, () => {
      expect([...coreNumbers(csrOf(fixture))]).toEqual(reference[fixture.name]!.coreNumber);
    });
  }

  it("peels a pendant and a path off a clique", () => {
    // K4 on 0-3, 4 hanging off 0, then 5-6 a path from 4, and 7 alone.
    const ties = [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
      [0, 4],
      [4, 5],
      [5, 6],
    ].map(([source, target]) => ({ source: source!, target: target! }));
    const graph = csrFromTies(8, ties);
    expect([...coreNumbers(graph)]).toEqual([3, 3, 3, 3, 1, 1, 1, 0]);
    expect(degeneracy(graph)).toBe(3);
  });

  it("counts zero-weight ties like any other", () => {
    const graph = csrFromTies(3, [
      { source: 0, target: 1, weight: 0 },
      { source: 1, target: 2, weight: 0 },
      { source: 0, target: 2, weight: 0 },
    ]);
    expect([...coreNumbers(graph)]).toEqual([2, 2, 2]);
  });

  it("handles the empty graph, isolated nodes and a path of 50,000 nodes", () => {
    expect([...coreNumbers(csrFromTies(0, []))]).toEqual([]);
    expect(degeneracy(csrFromTies(0, []))).toBe(0);
    expect([...coreNumbers(csrFromTies(2, []))]).toEqual([0, 0]);
    const n = 50_000;
    const path = csrFromTies(
      n,
      Array.from({ length: n - 1 }, (_, i) => ({ source: i, target: i + 1 })),
    );
    expect(coreNumbers(path).every((k) => k === 1)).toBe(true);
  });

  it("refuses what is not a CSR graph, naming the module", () => {
    expect(() => coreNumbers({ nodeCount: 2 } as CsrGraph)).toThrow(/^graph\/kCore: expected a CsrGraph/);
  });
});
