import { describe, expect, it } from "vitest";
import { degreeCentralization, density } from "../../graph/algorithms/centralization.js";
import { csrFromTies, type CsrGraph } from "../../graph/csr.js";
import { csrOf, fixtureGraphs, referenceValues, TOLERANCE } from "../support/fixtureGraphs.js";

const reference = referenceValues<{ density: number; degreeCentralization: number }>("structure.json");

function ties(pairs: [number, number][]) {
  return pairs.map(([source, target]) => ({ source, target }));
}

describe("graph/centralization", () => {
  for (const fixture of fixtureGraphs) {
    it(`gives the density and degree centralisation of ${fixture.name}`, () => {
      const graph = csrOf(fixture);
      const expected = reference[fixture.name]!;
      expect(Math.abs(density(graph) - expected.density)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(degreeCentralization(graph) - expected.degreeCentralization)).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it("gives 1 for a star, 0 for a cycle and a clique, 1/6 for a path of five", () => {
    expect(
      degreeCentralization(
        csrFromTies(
          5,
          ties([
            [0, 1],
            [0, 2],
            [0, 3],
            [0, 4],
          ]),
        ),
      ),
    ).toBe(1);
    expect(
      degreeCentralization(
        csrFromTies(
          4,
          ties([
            [0, 1],
            [1, 2],
            [2, 3],
            [0, 3],
          ]),
        ),
      ),
    ).toBe(0);
    expect(
      degreeCentralization(
        csrFromTies(
          3,
          ties([
            [0, 1],
            [1, 2],
            [0, 2],
          ]),
        ),
      ),
    ).toBe(0);
    // Degrees 1 2 2 2 1: (1 + 0 + 0 + 0 + 1) / (4 * 3).
    expect(
      degreeCentralization(
        csrFromTies(
          5,
          ties([
            [0, 1],
            [1, 2],
            [2, 3],
            [3, 4],
          ]),
        ),
      ),
    ).toBeCloseTo(1 / 6, 15);
  });

  it("ignores tie weights, zero included", () => {
    const graph = csrFromTies(3, [
      { source: 0, target: 1, weight: 0 },
      { source: 0, target: 2, weight: 7 },
    ]);
    expect(degreeCentralization(graph)).toBe(1);
    expect(density(graph)).toBeCloseTo(2 / 3, 15);
  });

  it("gives 0 below three nodes for centralisation and below two for density", () => {
    expect(degreeCentralization(csrFromTies(0, []))).toBe(0);
    expect(degreeCentralization(csrFromTies(2, ties([[0, 1]])))).toBe(0);
    expect(density(csrFromTies(0, []))).toBe(0);
    expect(density(csrFromTies(1, []))).toBe(0);
    expect(density(csrFromTies(2, ties([[0, 1]])))).toBe(1);
    expect(degreeCentralization(csrFromTies(4, []))).toBe(0);
  });

  it("refuses what is not a CSR graph, naming the module", () => {
    expect(() => density(null as unknown as CsrGraph)).toThrow(/^graph\/centralization: /);
    expect(() => degreeCentralization({} as CsrGraph)).toThrow(/^graph\/centralization: expected a CsrGraph/);
  });
});
