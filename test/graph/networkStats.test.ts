import { describe, expect, it } from "vitest";
import { attributeAssortativity } from "../../graph/algorithms/assortativity.js";
import { degreeCentralization, density } from "../../graph/algorithms/centralization.js";
import { eiIndex } from "../../graph/algorithms/eiIndex.js";
import { tieHelixSynergy } from "../../graph/algorithms/helixSynergy.js";
import { degeneracy } from "../../graph/algorithms/kCore.js";
import { betweennessCentralization, computeNetworkStats } from "../../graph/ecosystem/networkStats.js";
import { computeScopeMetrics } from "../../graph/ecosystem/scopeMetrics.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { inducedSubgraph } from "../../graph/subgraph.js";
import { fixtureGraphs } from "../support/fixtureGraphs.js";
import { snapshotOf } from "../support/handmadeSnapshot.js";

const statsOf = (snapshot: NetworkSnapshot, scope: Parameters<typeof computeScopeMetrics>[1]) =>
  computeNetworkStats(snapshot, computeScopeMetrics(snapshot, scope));

describe("graph/ecosystem/networkStats", () => {
  it("reads a star as fully centralised, held together by its centre", () => {
    const star = snapshotOf(
      6,
      [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
      ],
      [2, 0, 0, 1, 1, 3],
      [1, 1, 1, 1, 1, 1],
    );
    const stats = statsOf(star, { kind: "ecosystem", ecosystemId: 1 });
    expect(stats).toMatchObject({
      nodes: 6,
      ties: 5,
      components: 1,
      largestComponentShare: 1,
      degeneracy: 1,
      articulationPoints: 1,
      bridges: 5,
      eiIndexByTerritory: null,
    });
    expect(stats.degreeCentralization).toBeCloseTo(1, 12);
    expect(stats.betweennessCentralization).toBeCloseTo(1, 12);
    expect(stats.meanDegree).toBeCloseTo(10 / 6, 12);
    expect(stats.density).toBeCloseTo(1 / 3, 12);
  });

  it("reads a cycle as decentralised, with no cut points", () => {
    const cycle = snapshotOf(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [0, 4],
      ],
      [0, 1, 2, 3, 0],
      [1, 1, 1, 1, 1],
    );
    const stats = statsOf(cycle, { kind: "national" });
    expect(stats).toMatchObject({ components: 1, degeneracy: 2, articulationPoints: 0, bridges: 0 });
    expect(stats.degreeCentralization).toBe(0);
    expect(stats.betweennessCentralization).toBeCloseTo(0, 12);
    expect(betweennessCentralization([0.5, 0.5])).toBe(0);
  });

  it("agrees with the algorithms on an ecosystem's subgraph and on the whole network", () => {
    const fixture = fixtureGraphs.find((f) => f.name === "territorial-150")!;
    const snapshot = snapshotOf(fixture.nodeCount, fixture.edges, fixture.profile, fixture.territory);
    const members = [...snapshot.ecosystem.keys()].filter((v) => snapshot.ecosystem[v] === 1);
    const sub = inducedSubgraph(snapshot.graph, members).graph;
    const profiles = members.map((v) => fixture.profile[v]!);
    const ecosystem = statsOf(snapshot, { kind: "ecosystem", ecosystemId: 1 });
    expect(ecosystem.nodes).toBe(members.length);
    expect(ecosystem.ties).toBe(sub.edgeCount);
    expect(ecosystem.density).toBeCloseTo(density(sub), 12);
    expect(ecosystem.degreeCentralization).toBeCloseTo(degreeCentralization(sub), 12);
    expect(ecosystem.degeneracy).toBe(degeneracy(sub));
    expect(ecosystem.profileAssortativity).toBeCloseTo(attributeAssortativity(sub, profiles), 12);
    expect(ecosystem.eiIndexByProfile).toBeCloseTo(eiIndex(sub, profiles).network.index, 12);
    expect(ecosystem.helix.mutualInformation4).toBeCloseTo(tieHelixSynergy(sub, profiles).mutualInformation4, 12);
    expect(ecosystem.helix.redundancy).toBeCloseTo(-ecosystem.helix.mutualInformation4, 12);
    expect(ecosystem.helix.units).toBe(sub.edgeCount);

    const national = statsOf(snapshot, { kind: "national" });
    expect(national.nodes).toBe(150);
    expect(national.eiIndexByTerritory).toBeCloseTo(eiIndex(snapshot.graph, snapshot.territoryGroup).network.index, 12);
    expect(national.communities.count).toBeGreaterThan(1);
    expect(national.communities.modularity).toBeGreaterThan(0.3);
    expect(national.algorithm.method).toBe("exact");
  });

  it("leaves undefined ratios NaN for a scope without ties", () => {
    const stats = statsOf(snapshotOf(3, [], [0, 1, 2], [1, 1, 1]), { kind: "ecosystem", ecosystemId: 1 });
    expect(stats).toMatchObject({ nodes: 3, ties: 0, components: 3, largestComponentShare: 1 / 3, meanDegree: 0, density: 0 });
    expect(stats.eiIndexByProfile).toBeNaN();
    expect(stats.profileAssortativity).toBeNaN();
    expect(stats.communities.modularity).toBeNaN();
    expect(statsOf(snapshotOf(0, [], [], []), { kind: "national" })).toMatchObject({ nodes: 0, largestComponentShare: 0, meanDegree: 0 });
  });
});
