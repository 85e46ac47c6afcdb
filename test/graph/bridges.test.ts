import { describe, expect, it } from "vitest";
import { csrFromTies } from "../../graph/csr.js";
import { ARTICULATION_FLAG_SHARE, BRIDGE_COMPONENTS } from "../../graph/ecosystem/bridgeModel.js";
import { bridgeBreakdown, bridgeScores, piecesAfterRemoval, rankBridges } from "../../graph/ecosystem/bridges.js";
import { computeScopeMetrics } from "../../graph/ecosystem/scopeMetrics.js";
import { fixtureGraphs } from "../support/fixtureGraphs.js";
import { snapshotOf } from "../support/handmadeSnapshot.js";

const W = Object.fromEntries(Object.entries(BRIDGE_COMPONENTS).map(([key, spec]) => [key, spec.weight])) as Record<keyof typeof BRIDGE_COMPONENTS, number>;

// Two triangles sharing actor 2 (a bow tie): {0, 1, 2} economic on the left, {2, 3, 4} general
// interest on the right, actor 2 public.
const BOWTIE: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [2, 3],
  [2, 4],
  [3, 4],
];
const bowtie = snapshotOf(5, BOWTIE, [0, 0, 2, 1, 1], [1, 1, 1, 1, 1]);

describe("graph/ecosystem/bridgeModel", () => {
  it("has weights that sum to 1, each with a description in both languages", () => {
    expect(Object.values(W).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const spec of Object.values(BRIDGE_COMPONENTS)) expect(spec.description.fr.length).toBeGreaterThan(10);
  });
});

describe("graph/ecosystem/bridges", () => {
  it("gives the actor joining two triangles the top score, computed by hand", () => {
    const metrics = computeScopeMetrics(bowtie, { kind: "ecosystem", ecosystemId: 1 });
    const scores = bridgeScores(metrics);
    // Actor 2: all 4 cross-profile pairs {0,1} x {3,4} go through it (normalized 1, the maximum);
    // it brokers 8 ordered liaison 2-paths, the only brokerage; its constraint is 4 x (1/4 + 1/8)^2
    // = 0.5625; it is the only articulation point, cutting 4 of the 6 pairs of the others.
    expect(metrics.constraint[2]).toBeCloseTo(0.5625, 12);
    expect(metrics.disconnectedShare[2]).toBeCloseTo(4 / 6, 12);
    const centre =
      W.crossGroupBetweenness + W.brokerage + W.lowConstraint * 0.4375 + W.articulation * (ARTICULATION_FLAG_SHARE + (1 - ARTICULATION_FLAG_SHARE));
    expect(scores.score[2]).toBeCloseTo(centre, 12);
    expect(scores.score[2]).toBeCloseTo(0.915625, 12); // with the default weights
    // The others: constraint (1/2 + 1/8)^2 + (1/2 + 1/4)^2 = 61/64, nothing else.
    for (const v of [0, 1, 3, 4]) expect(scores.score[v]).toBeCloseTo(W.lowConstraint * (3 / 64), 12);
    expect(rankBridges(scores, 1)[0]).toBe(2);
    expect(metrics.componentsAfter[2]).toBe(2);
    expect(piecesAfterRemoval(metrics.graph, 2)).toEqual([2, 2]);
  });

  it("breaks a score down into contributions that add up to it", () => {
    const scores = bridgeScores(computeScopeMetrics(bowtie, { kind: "ecosystem", ecosystemId: 1 }));
    const breakdown = bridgeBreakdown(scores, 2);
    expect(breakdown.map((c) => c.component)).toEqual(["crossGroupBetweenness", "brokerage", "lowConstraint", "articulation"]);
    expect(breakdown.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(scores.score[2]!, 12);
    expect(breakdown.find((c) => c.component === "lowConstraint")).toMatchObject({ weight: W.lowConstraint, score: 0.4375 });
  });

  it("bridges territories nationally: the actor joining two ecosystems scores on cross-territory paths", () => {
    // The same bow tie, one profile everywhere, the right triangle in another ecosystem.
    const snapshot = snapshotOf(5, BOWTIE, [0, 0, 0, 0, 0], [1, 1, 1, 2, 2]);
    const inEcosystem = bridgeScores(computeScopeMetrics(snapshot, { kind: "ecosystem", ecosystemId: 1 }));
    expect(inEcosystem.components.crossGroupBetweenness[2]).toBe(0);
    const metrics = computeScopeMetrics(snapshot, { kind: "national" });
    const national = bridgeScores(metrics);
    expect(metrics.crossTerritoryBetweenness![2]).toBeGreaterThan(0);
    expect(national.components.crossGroupBetweenness[2]).toBe(1);
    expect(national.components.brokerage[2]).toBe(1);
    expect(rankBridges(national, 5)[0]).toBe(2);
  });

  it("keeps every score in [0, 1], clips constraint above 1 and gives isolated actors 0", () => {
    for (const fixture of fixtureGraphs) {
      const snapshot = snapshotOf(fixture.nodeCount, fixture.edges, fixture.profile, fixture.territory);
      const metrics = computeScopeMetrics(snapshot, { kind: "national" });
      const scores = bridgeScores(metrics);
      for (let i = 0; i < fixture.nodeCount; i += 1) {
        expect(scores.score[i], fixture.name).toBeGreaterThanOrEqual(0);
        expect(scores.score[i], fixture.name).toBeLessThanOrEqual(1 + 1e-12);
        if (metrics.degree[i] === 0) expect(scores.score[i]).toBe(0);
        if (metrics.constraint[i]! > 1) expect(scores.components.lowConstraint[i]).toBe(0);
      }
    }
  });

  it("ranks by descending score, equal scores in node order, and cuts at `first`", () => {
    const scores = { score: Float64Array.from([0.2, 0.5, 0.2, 0.9]), components: {} as never };
    expect([...rankBridges(scores, 10)]).toEqual([3, 1, 0, 2]);
    expect([...rankBridges(scores, 2)]).toEqual([3, 1]);
  });

  it("lists the pieces an actor's own component falls into, consistent with the components after removal", () => {
    const fixture = fixtureGraphs.find((f) => f.name === "territorial-150")!;
    const metrics = computeScopeMetrics(snapshotOf(fixture.nodeCount, fixture.edges, fixture.profile, fixture.territory), { kind: "national" });
    for (let v = 0; v < fixture.nodeCount; v += 1) {
      const pieces = piecesAfterRemoval(metrics.graph, v);
      expect(metrics.components.count - 1 + pieces.length).toBe(metrics.componentsAfter[v]);
      expect(pieces.reduce((a, b) => a + b, 0)).toBe(metrics.components.sizes[metrics.components.componentOf[v]!]! - 1);
    }
    const star = csrFromTies(4, [
      { source: 0, target: 1 },
      { source: 0, target: 2 },
      { source: 0, target: 3 },
    ]);
    expect(piecesAfterRemoval(star, 0)).toEqual([1, 1, 1]);
    expect(piecesAfterRemoval(star, 1)).toEqual([3]);
    expect(piecesAfterRemoval(csrFromTies(2, []), 0)).toEqual([]);
    expect(() => piecesAfterRemoval(star, 4)).toThrow(/node 4 does not exist/);
  });
});
