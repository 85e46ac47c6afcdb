import { describe, expect, it } from "vitest";
import { csrFromTies } from "../../graph/csr.js";
import { BROKERAGE_ROLES, brokerage, type BrokerageRole } from "../../graph/algorithms/brokerage.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

/** sna's column names for our roles, in BROKERAGE_ROLES order. */
const SNA: Record<BrokerageRole, string> = {
  coordinator: "w_I",
  itinerant: "w_O",
  representative: "b_IO",
  gatekeeper: "b_OI",
  liaison: "b_O",
  total: "t",
};
type Encoded = number | string; // non-finite numbers are written "NaN", "Infinity"
type Columns = Record<string, Encoded[]>;
interface SnaBrokerage {
  raw: Columns;
  expected: Columns;
  sd: Columns;
  z: Columns;
  global: Record<"raw" | "expected" | "sd" | "z", Record<string, Encoded>>;
}
const reference = referenceValues<Record<string, SnaBrokerage | null>>("brokerage.json");
const decode = (values: Encoded[]): number[] => values.map(Number);

const ties = (pairs: [number, number][]) => pairs.map(([source, target]) => ({ source, target }));
const rolesOf = (result: ReturnType<typeof brokerage>, v: number) => Object.fromEntries(BROKERAGE_ROLES.map((role) => [role, result.raw[role][v]]));

describe("graph/brokerage", () => {
  describe.each(fixtureGraphs.filter((f) => f.nodeCount > 0))("matches sna::brokerage on $name", (fixture) => {
    const labellings: Record<string, number[]> = {
      profile: fixture.profile,
      territory: fixture.territory,
      singleton: fixture.profile.map((_, v) => v),
    };
    it.each(Object.keys(labellings))("grouped by %s", (labelling) => {
      const expected = reference[fixture.name]![labelling]!;
      const result = brokerage(csrOf(fixture), labellings[labelling]!);
      for (const role of BROKERAGE_ROLES) {
        for (const part of ["raw", "expected", "sd", "z"] as const) {
          expect(closeArrays(result[part][role], decode(expected[part][SNA[role]]!)), `${part} ${role}`).toBeNull();
          const global = decode([expected.global[part][SNA[role]]!]);
          expect(closeArrays([result.global[part][role]], global), `global ${part} ${role}`).toBeNull();
        }
      }
    });
  });

  it("counts a star centre's roles by hand: itinerant for same-group leaves, liaison otherwise", () => {
    // star6: centre 0 in group 2, leaves in groups 0, 0, 1, 1, 3. Of the 20 ordered leaf pairs,
    // 4 join leaves of one group (0-0, 1-1, both ways), the other 16 three different groups.
    const star = fixtureGraphs.find((f) => f.name === "star6")!;
    const result = brokerage(csrOf(star), star.profile);
    expect(rolesOf(result, 0)).toEqual({ coordinator: 0, itinerant: 4, representative: 0, gatekeeper: 0, liaison: 16, total: 20 });
    for (let leaf = 1; leaf < 6; leaf += 1) expect(result.raw.total[leaf]).toBe(0);
  });

  it("tells coordinator, representative and gatekeeper apart around a centre in group A", () => {
    // Centre 0 and leaves 1, 2 in group A (0), leaf 3 in group B (1).
    const graph = csrFromTies(
      4,
      ties([
        [0, 1],
        [0, 2],
        [0, 3],
      ]),
    );
    const result = brokerage(graph, [0, 0, 0, 1]);
    // 1->0->2 and 2->0->1 stay in A; 1->0->3, 2->0->3 leave A; 3->0->1, 3->0->2 enter it.
    expect(rolesOf(result, 0)).toEqual({ coordinator: 2, itinerant: 0, representative: 2, gatekeeper: 2, liaison: 0, total: 6 });
  });

  it("gives no brokerage in a triangle, whose ends are always tied", () => {
    const triangle = csrFromTies(
      3,
      ties([
        [0, 1],
        [1, 2],
        [0, 2],
      ]),
    );
    expect([...brokerage(triangle, [0, 1, 2]).raw.total]).toEqual([0, 0, 0]);
  });

  it("counts a tie of weight 0 as a tie", () => {
    const path = csrFromTies(3, [
      { source: 0, target: 1, weight: 0 },
      { source: 1, target: 2 },
    ]);
    expect(brokerage(path, [0, 0, 0]).raw.coordinator[1]).toBe(2);
  });

  it("returns empty columns and a NaN null model for the empty graph, where sna fails", () => {
    const result = brokerage(csrFromTies(0, []), []);
    expect(result.raw.total).toHaveLength(0);
    expect(result.global.raw.total).toBe(0);
    expect(result.global.expected.total).toBeNaN();
    expect(result.global.z.coordinator).toBeNaN();
  });

  it("gives an isolated node zero counts and NaN expectations (its density is 0/0)", () => {
    const result = brokerage(csrFromTies(1, []), [3]);
    expect(result.raw.total[0]).toBe(0);
    expect(result.expected.total[0]).toBeNaN();
    expect(result.z.liaison[0]).toBeNaN();
  });

  it("gives NaN z-scores for roles a group is too small to hold", () => {
    // A lone member of group 1 can never coordinate: expected 0, sd 0, z 0/0.
    const result = brokerage(
      csrFromTies(
        4,
        ties([
          [0, 1],
          [1, 2],
          [2, 3],
        ]),
      ),
      [0, 1, 0, 0],
    );
    expect(result.expected.coordinator[1]).toBeCloseTo(0, 15);
    expect(result.z.coordinator[1]).toBeNaN();
  });

  it("refuses group labels of the wrong length or not integers, naming the module", () => {
    const graph = csrFromTies(3, ties([[0, 1]]));
    expect(() => brokerage(graph, [0, 1])).toThrow(/^graph\/brokerage: 2 group labels for 3 nodes/);
    expect(() => brokerage(graph, [0, 1.5, 2])).toThrow(/^graph\/brokerage: node 1 has group label 1.5/);
  });
});
