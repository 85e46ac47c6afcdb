import { describe, expect, it } from "vitest";
import { csrFromTies } from "../../graph/csr.js";
import { structuralHoles } from "../../graph/algorithms/structuralHoles.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues, TOLERANCE } from "../support/fixtureGraphs.js";

type Measure = "constraint" | "effectiveSize" | "efficiency" | "hierarchy" | "localConstraint";
type Encoded = number | string; // NaN is written "NaN"
const reference = referenceValues<Record<"unweighted" | "weighted", Record<Measure, Encoded[]>>>("structural_holes.json");
const MEASURES: Measure[] = ["constraint", "effectiveSize", "efficiency", "hierarchy", "localConstraint"];

const ties = (pairs: [number, number][]) => pairs.map(([source, target]) => ({ source, target }));

describe("graph/structuralHoles", () => {
  describe.each(fixtureGraphs)("matches networkx on $name", (fixture) => {
    it.each(["unweighted", "weighted"] as const)("%s", (mode) => {
      const result = structuralHoles(csrOf(fixture), { weighted: mode === "weighted" });
      for (const measure of MEASURES) {
        expect(closeArrays(result[measure], reference[fixture.name]![mode][measure].map(Number)), measure).toBeNull();
      }
    });
  });

  it("gives each corner of a triangle constraint 1.125", () => {
    // p = 1/2 to each contact; c_ij = (1/2 + 1/2 * 1/2)^2 = 9/16, twice.
    const result = structuralHoles(
      csrFromTies(
        3,
        ties([
          [0, 1],
          [1, 2],
          [0, 2],
        ]),
      ),
    );
    expect(closeArrays(result.constraint, [1.125, 1.125, 1.125])).toBeNull();
    expect(closeArrays(result.localConstraint, new Array(6).fill(0.5625))).toBeNull();
    expect(closeArrays(result.effectiveSize, [1, 1, 1])).toBeNull();
    expect(closeArrays(result.hierarchy, [0, 0, 0])).toBeNull();
  });

  it("gives a star's centre the constraint 1/n and full efficiency", () => {
    const result = structuralHoles(
      csrFromTies(
        5,
        ties([
          [0, 1],
          [0, 2],
          [0, 3],
          [0, 4],
        ]),
      ),
    );
    expect(result.constraint[0]).toBeCloseTo(0.25, 12);
    expect([result.effectiveSize[0], result.efficiency[0], result.hierarchy[0]]).toEqual([4, 1, 0]);
    expect([result.constraint[1], result.effectiveSize[1], result.hierarchy[1]]).toEqual([1, 1, 0]);
  });

  it("weighs each contact by its share of the node's ties when weighted", () => {
    // Path 0 -(3)- 1 -(1)- 2: node 1 invests 3/4 in 0 and 1/4 in 2, no indirect paths.
    const path = csrFromTies(3, [
      { source: 0, target: 1, weight: 3 },
      { source: 1, target: 2, weight: 1 },
    ]);
    const weighted = structuralHoles(path, { weighted: true });
    expect(weighted.constraint[1]).toBeCloseTo(9 / 16 + 1 / 16, 12);
    // Burt's hierarchy with N = 2, r = (9/10 * 2, 1/10 * 2).
    const r = [1.8, 0.2];
    expect(weighted.hierarchy[1]).toBeCloseTo((r[0]! * Math.log(r[0]!) + r[1]! * Math.log(r[1]!)) / (2 * Math.log(2)), 12);
    expect(structuralHoles(path).constraint[1]).toBeCloseTo(0.5, 12);
  });

  it("reads ties of weight 0 as no investment, as networkx does", () => {
    const graph = csrFromTies(3, [
      { source: 0, target: 1, weight: 0 },
      { source: 1, target: 2, weight: 2 },
    ]);
    const result = structuralHoles(graph, { weighted: true });
    expect(result.constraint[0]).toBe(0);
    expect(result.hierarchy[0]).toBe(0); // one contact
    expect(closeArrays([result.constraint[1]!], [1], TOLERANCE)).toBeNull();
    expect(result.effectiveSize[1]).toBe(2);
  });

  it("gives NaN for an isolated node and nothing for the empty graph", () => {
    const result = structuralHoles(csrFromTies(2, []));
    for (const measure of ["constraint", "effectiveSize", "efficiency", "hierarchy"] as const) {
      expect(result[measure][0]).toBeNaN();
    }
    expect(structuralHoles(csrFromTies(0, [])).constraint).toHaveLength(0);
  });

  it("refuses a non-boolean option and invalid weights, naming the module", () => {
    const graph = csrFromTies(2, ties([[0, 1]]));
    expect(() => structuralHoles(graph, { weighted: "yes" as unknown as boolean })).toThrow(/^graph\/structuralHoles: option weighted/);
    const broken = { ...graph, weights: Float64Array.from([1, Number.NaN]) };
    expect(() => structuralHoles(broken, { weighted: true })).toThrow(/^graph\/structuralHoles: tie 0-1 has invalid weight NaN/);
  });
});
