import { describe, expect, it } from "vitest";
import { PEER_WEIGHTS, rankPeers } from "../../graph/ecosystem/peers.js";
import { NetworkModel } from "../../graph/model.js";
import { buildSnapshot } from "../../graph/snapshot.js";
import { PRACTICE_KEYS } from "../../record/vocabulary/practices.js";
import type { ActorKind } from "../../record/generated/prisma/enums.js";
import { PROFILE_OF_KIND } from "../../record/vocabulary/profiles.js";

/**
 * Territories 10, 20 and 30 are ecosystems 1, 2 and 3; territory 40 is in none. Actor 1 is the
 * one whose peers are ranked: a company of ecosystem 1 scoring 1 on the first eleven practices
 * and 3 on the last eleven.
 */
const LOW_THEN_HIGH = PRACTICE_KEYS.map((_, p) => (p < 11 ? 1 : 3));
const ACTORS: [id: number, kind: ActorKind, territory: number, catalyst: boolean, practices: Record<string, number> | null][] = [
  [1, "COMPANY", 10, false, scores(LOW_THEN_HIGH)],
  [2, "COMPANY", 10, true, scores(LOW_THEN_HIGH)], // same ecosystem: never a peer
  [3, "COMPANY", 20, false, scores(LOW_THEN_HIGH)], // same everything, one level ahead
  [4, "ESS", 20, false, scores(PRACTICE_KEYS.map(() => 4))], // ahead by 3 on the first eleven practices
  [5, "ASSOCIATION", 30, true, null], // only a catalyst, two levels ahead
  [6, "COMPANY", 40, false, scores(LOW_THEN_HIGH)], // in no ecosystem: never a peer
  [7, "COMPANY", 30, false, { [PRACTICE_KEYS[0]]: 1, [PRACTICE_KEYS[21]!]: 3 }], // too few practices in common
  [9, "LOCAL_AUTHORITY", 20, false, null],
  [8, "LOCAL_AUTHORITY", 20, false, null],
];
const LEVELS = new Map([
  [1, 1],
  [2, 2],
  [3, 3],
]);

function scores(vector: number[]): Record<string, number> {
  return Object.fromEntries(PRACTICE_KEYS.map((key, p) => [key, vector[p]!]));
}

function network() {
  const model = new NetworkModel({
    ecosystemOf: new Map([
      [10, 1],
      [20, 2],
      [30, 3],
    ]),
    regionOf: new Map([
      [10, 99],
      [20, 99],
      [30, 98],
      [40, 98],
    ]),
  });
  for (const [id, kind, territory, isCatalyst, practices] of ACTORS) {
    model.actors.set(id, { id, name: `A${id}`, profile: PROFILE_OF_KIND[kind], kind, isCatalyst, territories: [territory] });
    if (practices) {
      const values = Object.values(practices);
      model.practiceAssessments.set(id, {
        id,
        actorId: id,
        date: new Date("2025-01-01"),
        mean: values.reduce((a, b) => a + b, 0) / values.length,
        scores: practices,
      });
    }
  }
  return buildSnapshot(model, { asOf: new Date("2026-01-01") });
}

const snapshot = network();
const node = (id: number) => snapshot.indexOfActor.get(id)!;
const idOf = (v: number) => snapshot.actorIds[v];
const levelOf = (ecosystemId: number) => LEVELS.get(ecosystemId);

describe("graph/ecosystem/peers", () => {
  it("has weights that sum to 1, the catalyst bonus the smallest", () => {
    const weights = Object.values(PEER_WEIGHTS);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(PEER_WEIGHTS.catalyst).toBe(Math.min(...weights));
  });

  it("ranks the actors of other ecosystems only, best first, equal scores by node id", () => {
    const peers = rankPeers(snapshot, node(1), { levelOf });
    expect(peers.map((p) => idOf(p.node))).toEqual([3, 4, 7, 8, 9, 5]);
    expect(peers.map((p) => p.score)).toEqual([
      expect.closeTo(0.8, 12),
      expect.closeTo(0.25 + 0.25 * (176 / Math.sqrt(110 * 352)) + 0.15 * 0.5 + 0.2, 12),
      expect.closeTo(0.35, 12),
      expect.closeTo(0.2, 12),
      expect.closeTo(0.2, 12),
      expect.closeTo(0.05, 12),
    ]);
    expect(peers.map((p) => [p.ecosystemId, p.level])).toEqual([
      [2, 2],
      [2, 2],
      [3, 3],
      [2, 2],
      [2, 2],
      [3, 3],
    ]);
  });

  it("explains each peer with its components, adding up to the score, and its reasons", () => {
    const [same, ahead, fewPractices, , , catalyst] = rankPeers(snapshot, node(1), { levelOf });
    for (const peer of [same!, ahead!, catalyst!]) expect(peer.components.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(peer.score, 12);
    expect(Object.fromEntries(ahead!.components.map((c) => [c.key, c.value]))).toEqual({
      sameProfile: 1,
      sameKind: 0,
      similarPractices: expect.closeTo(0.894427, 6),
      complementaryPractices: 0.5,
      maturityFit: 1,
      catalyst: 0,
    });
    expect(same!.reasons.map((r) => r.code)).toEqual(["SAME_PROFILE", "SAME_KIND", "SIMILAR_PRACTICES", "NEXT_MATURITY_LEVEL"]);
    // A cosine of 0.89 is under the SIMILAR_PRACTICES threshold, though it adds to the score.
    expect(ahead!.reasons.map((r) => r.code)).toEqual(["SAME_PROFILE", "COMPLEMENTARY_PRACTICES", "NEXT_MATURITY_LEVEL"]);
    expect(fewPractices!.reasons.map((r) => r.code)).toEqual(["SAME_PROFILE", "SAME_KIND"]);
    expect(catalyst!.reasons.map((r) => r.code)).toEqual(["CATALYST"]);
    expect(same!.reasons.map((r) => r.text.en)).toEqual([
      "Same profile: economic",
      "Same kind: company",
      "Similar practices (cosine 1.00 over 22 practices)",
      "Its ecosystem is one maturity level ahead (2, Consolidate)",
    ]);
    expect(ahead!.reasons[1]!.text).toEqual({
      en: "Ahead by 2+ points on 11 of 22 practices: fund projects, fund the engineering I carry, fund other actors…",
      fr: "En avance de 2 points ou plus sur 11 des 22 pratiques : financer des projets, financer l'ingénierie que je porte, financer d'autres acteurs…",
    });
  });

  it("counts a peer's ecosystem at the same level as a fit, two levels ahead as none", () => {
    const peers = rankPeers(snapshot, node(1), { levelOf: (id) => (id === 3 ? 3 : 1) });
    const reasons = new Map(peers.map((p) => [idOf(p.node), p.reasons.at(-1)!]));
    expect(reasons.get(3)!.code).toBe("SAME_MATURITY_LEVEL");
    expect(reasons.get(3)!.text.fr).toBe("Son écosystème est au même niveau de maturité (1, Accompagner)");
    expect(peers.filter((p) => p.ecosystemId === 3).every((p) => p.components.find((c) => c.key === "maturityFit")!.value === 0)).toBe(true);
  });

  it("compares practices only when enough of them were assessed by both", () => {
    const loose = rankPeers(snapshot, node(1), { levelOf, minCommonPractices: 2 });
    const similarity = loose.find((p) => idOf(p.node) === 7)!.components.find((c) => c.key === "similarPractices")!.value;
    expect(similarity).toBeCloseTo(1, 12);
    const unassessed = rankPeers(snapshot, node(8), { levelOf });
    expect(unassessed.every((p) => p.components.every((c) => !c.key.endsWith("Practices") || c.value === 0))).toBe(true);
  });

  it("gives no maturity fit to an actor in no ecosystem, and ranks every ecosystem's actors for it", () => {
    const peers = rankPeers(snapshot, node(6), { levelOf, k: 100 });
    expect(peers.map((p) => idOf(p.node)).sort()).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
    expect(peers.every((p) => p.components.find((c) => c.key === "maturityFit")!.value === 0)).toBe(true);
  });

  it("follows weights given by the caller and returns at most k peers", () => {
    const peers = rankPeers(snapshot, node(1), { levelOf, k: 2, weights: { catalyst: 1 } });
    expect(peers.map((p) => idOf(p.node))).toEqual([5, 3]);
    expect(rankPeers(snapshot, node(1), { levelOf, k: 0 })).toEqual([]);
  });

  it("refuses a node that does not exist, a bad k and a negative weight, naming the module", () => {
    expect(() => rankPeers(snapshot, 99, { levelOf })).toThrow("graph/ecosystem/peers: node 99 does not exist");
    expect(() => rankPeers(snapshot, 0, { levelOf, k: -1 })).toThrow(/k must be a non-negative integer/);
    expect(() => rankPeers(snapshot, 0, { levelOf, weights: { sameKind: -0.1 } })).toThrow(/weight sameKind/);
  });

  it("answers an empty ranking on a network of one ecosystem", () => {
    const model = new NetworkModel({ ecosystemOf: new Map([[10, 1]]), regionOf: new Map() });
    model.actors.set(1, { id: 1, name: "Seul", profile: "PUBLIC", kind: "INSTITUTION", isCatalyst: false, territories: [10] });
    expect(rankPeers(buildSnapshot(model), 0, { levelOf })).toEqual([]);
  });
});
