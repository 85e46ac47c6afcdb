import { describe, expect, it } from "vitest";
import { csrFromTies } from "../../graph/csr.js";
import { helixSynergy, tieHelixSynergy, type HelixSynergy } from "../../graph/algorithms/helixSynergy.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Encoded = number | string; // NaN is written "NaN"
type Reference = Record<Exclude<keyof HelixSynergy, "unitCount">, Encoded | Encoded[]> & { unitCount: number };
const reference = referenceValues<Record<"ties" | "neighbourhoods", Reference>>("helix_synergy.json");

function expectMatches(actual: HelixSynergy, expected: Reference): void {
  expect(actual.unitCount).toBe(expected.unitCount);
  for (const key of Object.keys(expected) as (keyof Reference)[]) {
    const value = expected[key];
    const numbers = Array.isArray(value) ? value.map(Number) : [Number(value)];
    const got = actual[key];
    expect(closeArrays(typeof got === "number" ? [got] : got, numbers), key).toBeNull();
  }
}

/** Each node with its neighbours: the units of the "neighbourhoods" reference. */
function neighbourhoods(nodeCount: number, edges: [number, number, number][]): number[][] {
  const units = Array.from({ length: nodeCount }, (_, v) => [v]);
  for (const [u, v] of edges) {
    units[u]!.push(v);
    units[v]!.push(u);
  }
  return units;
}

describe("graph/helixSynergy", () => {
  describe.each(fixtureGraphs)("matches the definition on $name", (fixture) => {
    it("with each tie a unit", () => {
      expectMatches(tieHelixSynergy(csrOf(fixture), fixture.profile), reference[fixture.name]!.ties);
    });
    it("with each neighbourhood a unit", () => {
      const units = neighbourhoods(fixture.nodeCount, fixture.edges);
      expectMatches(helixSynergy(units, fixture.profile), reference[fixture.name]!.neighbourhoods);
    });
  });

  it("computes entropies and mutual information by hand for two units", () => {
    // Units {0: profile 0} and {1: profile 1, 2: profile 2}: vectors 1000 and 0110.
    const result = helixSynergy([[0], [1, 2]], [0, 1, 2, 3]);
    // Dimensions 0, 1, 2 each split 1/1 (1 bit); dimension 3 is always absent (0 bits).
    expect([...result.entropy1]).toEqual([1, 1, 1, 0]);
    // Any set of dimensions among 0-2 takes two values, once each: 1 bit.
    expect([...result.entropy2]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...result.mutualInformation2]).toEqual([1, 1, 0, 1, 0, 0]);
    // T_012 = 3 - 3 + 1 = 1; any triple with the constant dimension 3: 2 - 3 + 1 = 0.
    expect([...result.mutualInformation3]).toEqual([1, 0, 0, 0]);
    // T_1234 = 3 - 6 + 4 - 1 = 0.
    expect([result.entropy4, result.mutualInformation4]).toEqual([1, 0]);
  });

  it("signs three-way synergy negative, as Leydesdorff reads T_ijk", () => {
    // XOR: profile 2 present exactly when one of 0, 1 is: T_012 = 1 + 1 + 1 - 2 - 2 - 2 + 2 = -1.
    const result = helixSynergy([[], [0, 2], [1, 2], [0, 1]], [0, 1, 2]);
    expect(result.mutualInformation3[0]).toBe(-1);
  });

  it("signs four-way synergy negative in the redundancy, minus the alternating sum T_1234", () => {
    // Parity: profile 3 present when an odd number of 0, 1, 2 are, over all 8 patterns. Any three
    // dimensions are independent (T_ijk = 3 - 6 + 3 = 0); all four hold 3 bits, not 4:
    // T_1234 = 4 - 12 + 12 - 3 = 1, so R_1234 = -1, synergy.
    const units: number[][] = [];
    for (let pattern = 0; pattern < 8; pattern += 1) {
      const members = [0, 1, 2].filter((p) => pattern & (1 << p));
      if (members.length % 2 === 1) members.push(3);
      units.push(members);
    }
    const result = helixSynergy(units, [0, 1, 2, 3]);
    expect([...result.mutualInformation3]).toEqual([0, 0, 0, 0]);
    expect([result.entropy4, result.mutualInformation4, result.redundancy4]).toEqual([3, 1, -1]);
  });

  it("counts a node listed twice in a unit once, and a unit with no members as the zero vector", () => {
    const twice = helixSynergy([[0, 0], [1]], [0, 1]);
    expect([...twice.entropy1]).toEqual([1, 1, 0, 0]);
    const empty = helixSynergy([[]], []);
    expect([empty.unitCount, empty.entropy4, empty.mutualInformation4]).toEqual([1, 0, 0]);
  });

  it("returns NaN everywhere without units", () => {
    const result = tieHelixSynergy(csrFromTies(2, []), [0, 1]);
    expect(result.unitCount).toBe(0);
    expect([...result.entropy1, ...result.mutualInformation3, result.mutualInformation4].every(Number.isNaN)).toBe(true);
  });

  it("refuses profiles outside 0..3 and unknown nodes, naming the module", () => {
    expect(() => helixSynergy([[0]], [4])).toThrow(/^graph\/helixSynergy: node 0 has profile 4/);
    expect(() => helixSynergy([[0], [2]], [0, 1])).toThrow(/^graph\/helixSynergy: unit 1 names node 2/);
    expect(() => tieHelixSynergy(csrFromTies(2, []), [0])).toThrow(/^graph\/helixSynergy: 1 profiles for 2 nodes/);
  });
});
