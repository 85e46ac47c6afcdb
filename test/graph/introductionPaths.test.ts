import { describe, expect, it } from "vitest";
import { introductionPaths } from "../../graph/ecosystem/introductionPaths.js";
import { NetworkModel } from "../../graph/model.js";
import { buildSnapshot } from "../../graph/snapshot.js";

/**
 * Actors 1..9. Confirmed alliances: 1-2, 2-4, 1-3, 3-4, 5-6, 6-8, 8-9. An alliance 1-4 that
 * actor 4 never confirmed, and a meeting 4-5 (an interaction alone confirms nothing). 7 is alone.
 */
function network() {
  const model = new NetworkModel({ ecosystemOf: new Map([[10, 1]]), regionOf: new Map([[10, 99]]) });
  for (let id = 1; id <= 9; id += 1) model.actors.set(id, { id, name: `A${id}`, profile: "PUBLIC", kind: "INSTITUTION", isCatalyst: false, territories: [10] });
  const confirmed = new Date("2022-01-02");
  const alliances: [number, number, Date | null][] = [
    [1, 2, confirmed],
    [2, 4, confirmed],
    [1, 3, confirmed],
    [3, 4, confirmed],
    [5, 6, confirmed],
    [6, 8, confirmed],
    [8, 9, confirmed],
    [1, 4, null],
  ];
  alliances.forEach(([a, b, confirmedAt], i) =>
    model.alliances.set(i + 1, {
      id: i + 1,
      startDate: new Date("2022-01-01"),
      endDate: null,
      modalities: ["DIALOGUE"],
      levers: [],
      impacts: [],
      members: [
        { actorId: a, role: "PARTNER", confirmedAt: confirmed },
        { actorId: b, role: "PARTNER", confirmedAt },
      ],
    }),
  );
  model.interactions.set(1, { id: 1, kind: "MEETING", date: new Date("2023-05-01"), intensity: 3, amountEuros: null, allianceId: null, participants: [4, 5] });
  return buildSnapshot(model, { asOf: new Date("2026-01-01") });
}

const snapshot = network();
const node = (id: number) => snapshot.indexOfActor.get(id)!;
const ids = (nodes: number[]) => nodes.map((v) => snapshot.actorIds[v]);

describe("graph/ecosystem/introductionPaths", () => {
  it("finds every shortest path through confirmed ties, in node order", () => {
    const paths = introductionPaths(snapshot, node(1), node(4));
    expect(paths.map((p) => ids(p.nodes))).toEqual([
      [1, 2, 4],
      [1, 3, 4],
    ]);
    for (const path of paths) {
      expect(path.ties).toHaveLength(2);
      for (const [i, tie] of path.ties.entries()) {
        const ends = [snapshot.graph.edgeSource[tie.tie], snapshot.graph.edgeTarget[tie.tie]].sort();
        expect(ends).toEqual([path.nodes[i], path.nodes[i + 1]].sort());
        expect(tie).toEqual({ tie: tie.tie, confirmed: true, strength: snapshot.graph.edgeWeight[tie.tie] });
        expect(tie.strength).toBeGreaterThan(0);
      }
    }
  });

  it("takes the unconfirmed tie when allowed, and says it is unconfirmed", () => {
    const [direct, ...others] = introductionPaths(snapshot, node(1), node(4), { confirmedOnly: false });
    expect(others).toEqual([]);
    expect(ids(direct!.nodes)).toEqual([1, 4]);
    expect(direct!.ties.map((t) => t.confirmed)).toEqual([false]);
  });

  it("reaches across an interaction-only tie only when unconfirmed ties are allowed", () => {
    expect(introductionPaths(snapshot, node(1), node(6))).toEqual([]);
    const paths = introductionPaths(snapshot, node(1), node(6), { confirmedOnly: false });
    expect(paths.map((p) => ids(p.nodes))).toEqual([[1, 4, 5, 6]]);
    expect(paths[0]!.ties.map((t) => t.confirmed)).toEqual([false, false, true]);
  });

  it("returns nothing beyond maxLength, and the path once it is allowed", () => {
    expect(introductionPaths(snapshot, node(1), node(9), { confirmedOnly: false })).toEqual([]);
    expect(introductionPaths(snapshot, node(1), node(9), { confirmedOnly: false, maxLength: 5 }).map((p) => ids(p.nodes))).toEqual([[1, 4, 5, 6, 8, 9]]);
    expect(introductionPaths(snapshot, node(1), node(4), { maxLength: 1 })).toEqual([]);
  });

  it("keeps the first paths up to the limit", () => {
    expect(introductionPaths(snapshot, node(1), node(4), { limit: 1 }).map((p) => ids(p.nodes))).toEqual([[1, 2, 4]]);
  });

  it("answers an isolated actor with no path, and an actor to itself with a path of no tie", () => {
    expect(introductionPaths(snapshot, node(7), node(1), { confirmedOnly: false })).toEqual([]);
    expect(introductionPaths(snapshot, node(7), node(7))).toEqual([{ nodes: [node(7)], ties: [] }]);
  });

  it("refuses nodes that do not exist and bad options, naming the module", () => {
    expect(() => introductionPaths(snapshot, 0, 42)).toThrow("graph/ecosystem/introductionPaths: to node 42 does not exist");
    expect(() => introductionPaths(snapshot, 0, 1, { maxLength: 0 })).toThrow(/maxLength must be a positive integer/);
    expect(() => introductionPaths(snapshot, 0, 1, { limit: 0 })).toThrow(/limit must be a positive integer/);
  });
});
