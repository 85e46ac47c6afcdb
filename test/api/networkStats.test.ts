import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const STATS = `nodes ties density meanDegree components largestComponentShare degreeCentralization betweennessCentralization
  degeneracy articulationPoints bridges profileAssortativity eiIndexByProfile eiIndexByTerritory
  helixSynergy { units mutualInformation redundancy } communities { count modularity seed }
  algorithm { betweenness pivots errorBound } computedOn { graphVersion asOf }`;

describe("Query.networkStats", () => {
  it("counts an ecosystem's actors and the ties among them, as the rest of the API does", async () => {
    const ecosystems = await api.gql(`{ ecosystems(first: 4) { nodes { id actors { totalCount } interactionValue { ties } } } }`);
    for (const ecosystem of ecosystems.data.ecosystems.nodes) {
      const result = await api.gql(`query ($id: ID!) { networkStats(scope: { ecosystem: $id }) { ${STATS} } }`, { id: ecosystem.id });
      expect(result.errors).toBeUndefined();
      const stats = result.data.networkStats;
      expect(stats.nodes).toBe(ecosystem.actors.totalCount);
      expect(stats.ties).toBe(ecosystem.interactionValue.ties);
      expect(stats.meanDegree).toBeCloseTo((2 * stats.ties) / stats.nodes, 12);
      expect(stats.density).toBeCloseTo((2 * stats.ties) / (stats.nodes * (stats.nodes - 1)), 12);
      expect(stats.largestComponentShare).toBeGreaterThan(0);
      expect(stats.largestComponentShare).toBeLessThanOrEqual(1);
      expect(stats.eiIndexByTerritory).toBeNull();
      expect(stats.helixSynergy.units).toBe(stats.ties);
      expect(stats.helixSynergy.redundancy).toBeCloseTo(-stats.helixSynergy.mutualInformation, 12);
      expect(stats.communities.count).toBeGreaterThanOrEqual(stats.components);
      expect(stats.algorithm).toEqual({ betweenness: "EXACT", pivots: stats.nodes, errorBound: 0 });
    }
  });

  it("reads the whole network by default, exactly, with its mixing across territories", async () => {
    const result = await api.gql(`{ networkStats { ${STATS} } actors { totalCount } }`);
    expect(result.errors).toBeUndefined();
    const stats = result.data.networkStats;
    const snapshot = await api.graph.snapshot();
    expect(stats.nodes).toBe(result.data.actors.totalCount);
    expect(stats.ties).toBe(snapshot.graph.edgeCount);
    expect(stats.algorithm).toEqual({ betweenness: "EXACT", pivots: stats.nodes, errorBound: 0 });
    // Most ties stay inside a territory: the E-I index by territory is negative.
    expect(stats.eiIndexByTerritory).toBeLessThan(0);
    expect(stats.communities.modularity).toBeGreaterThan(0.5);
    expect(stats.articulationPoints).toBeGreaterThan(0);
    expect(stats.computedOn.graphVersion).toBe(String(api.graph.version()));
  });

  it("is computed once per network version: a second request is served from the cache", async () => {
    const first = await api.gql(`{ networkStats { nodes computedOn { graphVersion } } }`);
    let computations = 0;
    const cached = api.graph.cached.bind(api.graph);
    api.graph.cached = ((key: string, compute: any, options?: any) =>
      cached(key, (snapshot) => (computations++, compute(snapshot)), options)) as typeof api.graph.cached;
    const second = await api.gql(`{ networkStats { nodes computedOn { graphVersion } } }`);
    api.graph.cached = cached;
    expect(second.data).toEqual(first.data);
    expect(computations).toBe(0);
  });
});
