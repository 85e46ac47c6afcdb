import { describe, expect, it } from "vitest";
import { betweenness, crossGroupBetweenness } from "../../graph/algorithms/betweenness.js";
import { hoeffdingError, sampledBetweenness } from "../../graph/algorithms/betweennessSampled.js";
import { BROKERAGE_ROLES, brokerage } from "../../graph/algorithms/brokerage.js";
import { louvain } from "../../graph/algorithms/communities.js";
import { cutElements, removalImpacts } from "../../graph/algorithms/components.js";
import { eiIndex } from "../../graph/algorithms/eiIndex.js";
import { coreNumbers } from "../../graph/algorithms/kCore.js";
import { mulberry32 } from "../../graph/algorithms/random.js";
import { structuralHoles } from "../../graph/algorithms/structuralHoles.js";
import { computeScopeMetrics, lengthsFromStrengths, sampledCrossGroup } from "../../graph/ecosystem/scopeMetrics.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { inducedSubgraph } from "../../graph/subgraph.js";
import { closeArrays, fixtureGraphs } from "../support/fixtureGraphs.js";
import { snapshotOf } from "../support/handmadeSnapshot.js";

const territorial = fixtureGraphs.find((f) => f.name === "territorial-150")!;
const demo = snapshotOf(territorial.nodeCount, territorial.edges, territorial.profile, territorial.territory);
const ecosystemNodes = (snapshot: NetworkSnapshot, id: number) => [...snapshot.ecosystem.keys()].filter((v) => snapshot.ecosystem[v] === id);

describe("graph/ecosystem/scopeMetrics", () => {
  it("gives, in an ecosystem scope, exactly what each algorithm gives on the ecosystem's induced subgraph", () => {
    const members = ecosystemNodes(demo, 2);
    const sub = inducedSubgraph(demo.graph, members);
    const profiles = members.map((v) => territorial.profile[v]!);
    const metrics = computeScopeMetrics(demo, { kind: "ecosystem", ecosystemId: 2 });
    expect([...metrics.nodes]).toEqual(members);
    expect(metrics.graph.edgeCount).toBe(sub.graph.edgeCount);
    expect(closeArrays(metrics.betweenness, betweenness(sub.graph))).toBeNull();
    expect(closeArrays(metrics.weightedBetweenness, betweenness(lengthsFromStrengths(sub.graph), { weighted: true }))).toBeNull();
    expect(closeArrays(metrics.crossProfileBetweenness, crossGroupBetweenness(sub.graph, profiles))).toBeNull();
    expect(metrics.crossTerritoryBetweenness).toBeNull();
    expect(metrics.brokerageGroups).toBe("profile");
    const roles = brokerage(sub.graph, profiles);
    for (const role of BROKERAGE_ROLES) {
      expect(closeArrays(metrics.brokerage.raw[role], roles.raw[role]), role).toBeNull();
      expect(closeArrays(metrics.brokerage.z[role], roles.z[role]), role).toBeNull();
    }
    const holes = structuralHoles(sub.graph);
    for (const key of ["constraint", "effectiveSize", "efficiency", "hierarchy"] as const) expect(closeArrays(metrics[key], holes[key]), key).toBeNull();
    expect(closeArrays(metrics.eiIndex, eiIndex(sub.graph, profiles).actor.index)).toBeNull();
    expect([...metrics.coreNumber]).toEqual([...coreNumbers(sub.graph)]);
    expect([...metrics.isArticulationPoint]).toEqual([...cutElements(sub.graph).isArticulationPoint]);
    const impacts = removalImpacts(sub.graph);
    expect([...metrics.componentsAfter]).toEqual([...impacts.componentsAfter]);
    expect(closeArrays(metrics.disconnectedShare, impacts.disconnectedShare)).toBeNull();
    expect([...metrics.community]).toEqual([...louvain(sub.graph, { rng: mulberry32(1) }).communityOf]);
    expect(metrics.algorithm).toMatchObject({ method: "exact", sources: members.length, errorBound: 0 });
  });

  it("sums strengths and counts degrees over the scope's own ties", () => {
    const snapshot = snapshotOf(
      4,
      [
        [0, 1, 0.5],
        [1, 2, 0.25],
        [2, 3, 0.75],
      ],
      [0, 1, 2, 3],
      [7, 7, 7, 8],
    );
    const metrics = computeScopeMetrics(snapshot, { kind: "ecosystem", ecosystemId: 7 });
    expect([...metrics.degree]).toEqual([1, 2, 1]);
    expect([...metrics.strength]).toEqual([0.5, 0.75, 0.25]);
    expect(metrics.localOf.get(3)).toBeUndefined();
    expect(metrics.localOf.get(2)).toBe(2);
  });

  it("reads strong ties as short: weighted betweenness follows the strong route, unweighted splits it", () => {
    // A square 0-1-2-3-0 whose route through 1 is strong and through 3 weak.
    const snapshot = snapshotOf(
      4,
      [
        [0, 1, 1],
        [1, 2, 1],
        [2, 3, 0.1],
        [0, 3, 0.1],
      ],
      [0, 0, 0, 0],
      [1, 1, 1, 1],
    );
    const metrics = computeScopeMetrics(snapshot, { kind: "ecosystem", ecosystemId: 1 });
    expect(metrics.betweenness[1]).toBeCloseTo(metrics.betweenness[3]!, 12);
    expect(metrics.weightedBetweenness[1]).toBeGreaterThan(0);
    expect(metrics.weightedBetweenness[3]).toBe(0);
  });

  it("groups by territory nationally: cross-territory betweenness and brokerage by territory", () => {
    const metrics = computeScopeMetrics(demo, { kind: "national" });
    expect(metrics.nodes.length).toBe(territorial.nodeCount);
    expect(metrics.brokerageGroups).toBe("territory");
    const territories = demo.territoryGroup;
    expect(closeArrays(metrics.crossTerritoryBetweenness!, crossGroupBetweenness(demo.graph, territories))).toBeNull();
    expect(closeArrays(metrics.crossProfileBetweenness, crossGroupBetweenness(demo.graph, territorial.profile))).toBeNull();
    expect(closeArrays(metrics.brokerage.raw.liaison, brokerage(demo.graph, territories).raw.liaison)).toBeNull();
    expect(metrics.algorithm).toMatchObject({ method: "exact", sources: 150, exactUpTo: 5000 });
  });

  it("samples pivots above the threshold and states the error bound it carries", () => {
    const metrics = computeScopeMetrics(demo, { kind: "national" }, { exactUpTo: 100, pivots: 40, seed: 3 });
    const expected = sampledBetweenness(demo.graph, { k: 40, seed: 3 });
    expect(metrics.algorithm).toMatchObject({ method: "sampled", sources: 40, seed: 3, confidence: 0.95, exactUpTo: 100 });
    expect(metrics.algorithm.errorBound).toBeCloseTo(hoeffdingError(150, 40, 0.95, true).perNode, 12);
    expect(metrics.algorithm.errorBoundAllNodes).toBeGreaterThan(metrics.algorithm.errorBound);
    expect(closeArrays(metrics.betweenness, expected.values)).toBeNull();
    const exact = betweenness(demo.graph);
    for (let v = 0; v < 150; v += 1) expect(Math.abs(metrics.betweenness[v]! - exact[v]!)).toBeLessThanOrEqual(metrics.algorithm.errorBoundAllNodes);
    expect(computeScopeMetrics(demo, { kind: "national" }, { exactUpTo: 100, pivots: 150 }).algorithm.method).toBe("exact");
  });

  it("estimates cross-group betweenness from pivots, exactly when every node is a pivot", () => {
    const all = Int32Array.from({ length: 150 }, (_, v) => v);
    expect(closeArrays(sampledCrossGroup(demo.graph, demo.territoryGroup, all), crossGroupBetweenness(demo.graph, demo.territoryGroup))).toBeNull();
  });

  it("copes with an ecosystem without actors and refuses unknown options", () => {
    const metrics = computeScopeMetrics(demo, { kind: "ecosystem", ecosystemId: 999 });
    expect(metrics.nodes.length).toBe(0);
    expect(metrics.communities.count).toBe(0);
    expect(() => computeScopeMetrics(demo, { kind: "national" }, { pivot: 3 } as never)).toThrow(/unknown option pivot/);
    expect(() => computeScopeMetrics(demo, { kind: "national" }, { pivots: 0 })).toThrow(/pivots/);
  });
});
