import { describe, expect, it } from "vitest";
import { csrFromTies } from "../../graph/csr.js";
import { eiIndex } from "../../graph/algorithms/eiIndex.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Encoded = number | string; // NaN is written "NaN"
interface Level {
  internal: number[];
  external: number[];
  index: Encoded[];
}
interface Reference {
  actor: Level;
  group: Level & { labels: number[] };
  network: { internal: number; external: number; index: Encoded };
}
const reference = referenceValues<Record<"profile" | "territory", { ei: Record<"unweighted" | "weighted", Reference> }>>("mixing.json");

describe("graph/eiIndex", () => {
  describe.each(fixtureGraphs)("matches the definition on $name", (fixture) => {
    it.each([
      ["profile", "unweighted"],
      ["profile", "weighted"],
      ["territory", "unweighted"],
      ["territory", "weighted"],
    ] as const)("grouped by %s, %s", (labelling, mode) => {
      const expected = reference[fixture.name]![labelling].ei[mode];
      const result = eiIndex(csrOf(fixture), fixture[labelling], { weighted: mode === "weighted" });
      for (const level of ["actor", "group"] as const) {
        for (const part of ["internal", "external", "index"] as const) {
          expect(closeArrays(result[level][part], expected[level][part].map(Number)), `${level} ${part}`).toBeNull();
        }
      }
      expect(result.group.labels).toEqual(expected.group.labels);
      const { internal, external, index } = expected.network;
      expect(closeArrays([result.network.internal, result.network.external, result.network.index], [internal, external, Number(index)])).toBeNull();
    });
  });

  it("counts by hand on two groups joined by one tie", () => {
    // Group 0: triangle 0-1-2; group 1: tie 3-4; across: 2-3.
    const graph = csrFromTies(
      5,
      [
        [0, 1],
        [1, 2],
        [0, 2],
        [3, 4],
        [2, 3],
      ].map(([source, target]) => ({ source: source!, target: target! })),
    );
    const result = eiIndex(graph, [0, 0, 0, 1, 1]);
    expect([...result.actor.index]).toEqual([-1, -1, (1 - 2) / 3, 0, -1]);
    // Group 0: 3 internal ties, 1 external; group 1: 1 internal, 1 external.
    expect([...result.group.internal, ...result.group.external]).toEqual([3, 1, 1, 1]);
    expect([...result.group.index]).toEqual([-0.5, 0]);
    expect(result.network).toEqual({ internal: 4, external: 1, index: -0.6 });
  });

  it("sums weights instead of counting ties when weighted", () => {
    const graph = csrFromTies(3, [
      { source: 0, target: 1, weight: 3 },
      { source: 1, target: 2, weight: 1 },
    ]);
    const result = eiIndex(graph, [7, 7, 9], { weighted: true });
    expect(result.actor.index[1]).toBe((1 - 3) / 4);
    expect(result.group.labels).toEqual([7, 9]);
    expect(result.network.index).toBe(-0.5);
  });

  it("gives NaN to an isolated actor, an empty group and a graph without ties", () => {
    const result = eiIndex(csrFromTies(2, []), [0, 1]);
    expect([...result.actor.index].every(Number.isNaN)).toBe(true);
    expect([...result.group.index].every(Number.isNaN)).toBe(true);
    expect(result.network).toEqual({ internal: 0, external: 0, index: Number.NaN });
    const zero = eiIndex(csrFromTies(2, [{ source: 0, target: 1, weight: 0 }]), [0, 1], { weighted: true });
    expect(zero.network.index).toBeNaN();
    expect(eiIndex(csrFromTies(0, []), []).group.labels).toEqual([]);
  });

  it("refuses bad labels and options, naming the module", () => {
    const graph = csrFromTies(2, [{ source: 0, target: 1 }]);
    expect(() => eiIndex(graph, [0])).toThrow(/^graph\/eiIndex: 1 group labels for 2 nodes/);
    expect(() => eiIndex(graph, [0, Number.NaN])).toThrow(/^graph\/eiIndex: node 1 has group label NaN/);
    expect(() => eiIndex(graph, [0, 1], { weighted: 1 as unknown as boolean })).toThrow(/^graph\/eiIndex: option weighted/);
  });
});
