import { describe, expect, it } from "vitest";
import { csrFromTies } from "../../graph/csr.js";
import { attributeAssortativity, attributeMixingMatrix } from "../../graph/algorithms/assortativity.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Encoded = number | string; // NaN is written "NaN"
const reference = referenceValues<Record<"profile" | "territory", { assortativity: Record<"unweighted" | "weighted", Encoded> }>>("mixing.json");

const ties = (pairs: [number, number][]) => pairs.map(([source, target]) => ({ source, target }));

describe("graph/assortativity", () => {
  describe.each(fixtureGraphs.filter((f) => f.edges.length > 0))("matches networkx on $name", (fixture) => {
    it.each([
      ["profile", "unweighted"],
      ["profile", "weighted"],
      ["territory", "unweighted"],
      ["territory", "weighted"],
    ] as const)("grouped by %s, %s", (labelling, mode) => {
      const r = attributeAssortativity(csrOf(fixture), fixture[labelling], { weighted: mode === "weighted" });
      expect(closeArrays([r], [Number(reference[fixture.name]![labelling].assortativity[mode])])).toBeNull();
    });
  });

  it("returns NaN for graphs without ties, where networkx's empty matrix gives 0", () => {
    for (const fixture of fixtureGraphs.filter((f) => f.edges.length === 0)) {
      expect(reference[fixture.name]!.profile.assortativity.unweighted).toBe(0);
      expect(attributeAssortativity(csrOf(fixture), fixture.profile)).toBeNaN();
    }
  });

  it("is 1 when ties stay in their group and -1 when a bipartite graph only crosses", () => {
    const twoPairs = csrFromTies(
      4,
      ties([
        [0, 1],
        [2, 3],
      ]),
    );
    expect(attributeAssortativity(twoPairs, [0, 0, 1, 1])).toBe(1);
    expect(attributeAssortativity(twoPairs, [0, 1, 0, 1])).toBe(-1);
  });

  it("is NaN when every tie lies inside one group (0/0), as in networkx", () => {
    expect(attributeAssortativity(csrFromTies(3, ties([[0, 1]])), [0, 0, 1])).toBeNaN();
  });

  it("enters each tie from both ends of the mixing matrix, with weights when asked", () => {
    const graph = csrFromTies(3, [
      { source: 0, target: 1, weight: 2 },
      { source: 1, target: 2, weight: 0.5 },
    ]);
    expect(attributeMixingMatrix(graph, [5, 5, 8])).toEqual({ labels: [5, 8], matrix: Float64Array.from([2, 1, 1, 0]) });
    const weighted = attributeMixingMatrix(graph, [5, 5, 8], { weighted: true });
    expect([...weighted.matrix]).toEqual([4, 0.5, 0.5, 0]);
    // e = [[4, .5], [.5, 0]] / 5: trace .8, a = (.9, .1), sum a^2 = .82.
    expect(attributeAssortativity(graph, [5, 5, 8], { weighted: true })).toBeCloseTo((0.8 - 0.82) / (1 - 0.82), 12);
  });

  it("refuses bad labels and options, naming the module", () => {
    const graph = csrFromTies(2, ties([[0, 1]]));
    expect(() => attributeAssortativity(graph, [0, 1, 2])).toThrow(/^graph\/assortativity: 3 group labels for 2 nodes/);
    expect(() => attributeAssortativity(graph, [0, 0.5])).toThrow(/^graph\/assortativity: node 1 has group label 0.5/);
    expect(() => attributeAssortativity(graph, [0, 1], { weighted: null as unknown as boolean })).toThrow(/^graph\/assortativity: option/);
  });
});
