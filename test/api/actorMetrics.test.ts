import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeScopeMetrics } from "../../graph/ecosystem/scopeMetrics.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const METRICS = `degree strength betweenness weightedBetweenness crossProfileBetweenness crossTerritoryBetweenness
  brokerage { groups coordinator itinerant representative gatekeeper liaison total zScores { coordinator liaison total } }
  constraint effectiveSize efficiency hierarchy eiIndex coreNumber community isArticulationPoint
  bridgeScore bridgeBreakdown { component label(language: EN) score weight contribution }
  ifRemoved { componentsAfter disconnectedShare pieces }
  algorithm { betweenness pivots seed errorBound confidence exactUpTo }
  computedOn { graphVersion }`;

const idOf = (globalId: string) => Number(decodeGlobalID(globalId).id);

describe("Actor.metrics", () => {
  it("describes actors in their own ecosystem by default and nationally on request, as the pure computation does", async () => {
    const snapshot = await api.graph.snapshot();
    for (const id of Object.values(await firstTwoEcosystems())) {
      const result = await api.gql(
        `query ($id: ID!) { node(id: $id) { id ... on Ecosystem { actors(first: 8) { nodes { id own: metrics { ${METRICS} } national: metrics(scope: {}) { ${METRICS} } } } } } }`,
        { id },
      );
      expect(result.errors).toBeUndefined();
      const ecosystem = result.data.node;
      const pure = computeScopeMetrics(snapshot, { kind: "ecosystem", ecosystemId: idOf(ecosystem.id) });
      for (const actor of ecosystem.actors.nodes) {
        const { own, national } = actor;
        const i = pure.localOf.get(snapshot.indexOfActor.get(idOf(actor.id))!)!;
        expect(own.degree).toBe(pure.degree[i]);
        expect(own.betweenness).toBeCloseTo(pure.betweenness[i]!, 12);
        expect(own.weightedBetweenness).toBeCloseTo(pure.weightedBetweenness[i]!, 12);
        expect(own.brokerage.liaison).toBe(pure.brokerage.raw.liaison[i]);
        expect(own.community).toBe(pure.community[i]);
        expect(own.crossTerritoryBetweenness).toBeNull();
        expect(own.brokerage.groups).toBe("PROFILE");
        expect(own.algorithm).toMatchObject({ betweenness: "EXACT", pivots: pure.nodes.length, errorBound: 0, seed: null });
        expect(national.crossTerritoryBetweenness).not.toBeNull();
        expect(national.brokerage.groups).toBe("TERRITORY");
        expect(national.algorithm).toMatchObject({ betweenness: "EXACT", pivots: snapshot.graph.nodeCount, exactUpTo: 5000 });
        expect(national.degree).toBeGreaterThanOrEqual(own.degree);
        for (const metrics of [own, national]) {
          const sum = metrics.bridgeBreakdown.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
          expect(sum).toBeCloseTo(metrics.bridgeScore, 12);
          expect(metrics.bridgeScore).toBeGreaterThanOrEqual(0);
          expect(metrics.bridgeScore).toBeLessThanOrEqual(1);
          expect(metrics.ifRemoved.componentsAfter).toBeGreaterThanOrEqual(1);
          expect(metrics.computedOn.graphVersion).toBe(String(api.graph.version()));
        }
      }
    }
  });

  it("takes an explicit ecosystem scope, and answers null for an actor outside it", async () => {
    const result = await api.gql(
      `query ($a: ID!, $b: ID!) {
      ecosystems(first: 2) { nodes { actors(first: 3) { nodes { own: metrics { bridgeScore betweenness } here: metrics(scope: { ecosystem: $a }) { bridgeScore betweenness } there: metrics(scope: { ecosystem: $b }) { bridgeScore } } } } }
    }`,
      await firstTwoEcosystems(),
    );
    expect(result.errors).toBeUndefined();
    const [first, second] = result.data.ecosystems.nodes;
    for (const actor of first.actors.nodes) {
      expect(actor.here).toEqual(actor.own);
      expect(actor.there).toBeNull();
    }
    for (const actor of second.actors.nodes) expect(actor.here).toBeNull();
  });

  it("falls back to the national scope for an actor outside every ecosystem", async () => {
    const snapshot = await api.graph.snapshot();
    const v = snapshot.ecosystem.indexOf(-1);
    expect(v).toBeGreaterThanOrEqual(0);
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const result = await api.gql(
      `query ($id: ID!) { node(id: $id) { ... on Actor { metrics { crossTerritoryBetweenness brokerage { groups } algorithm { pivots } } } } }`,
      {
        id: encodeGlobalID("Actor", snapshot.actorIds[v]!),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.node.metrics).toMatchObject({ brokerage: { groups: "TERRITORY" }, algorithm: { pivots: snapshot.graph.nodeCount } });
  });

  it("serves 500 actors' metrics from one computation per scope, in a bounded number of statements", async () => {
    const keys: string[] = [];
    const cached = api.graph.cached.bind(api.graph);
    api.graph.cached = ((key: string, compute: any, options?: any) =>
      cached(key, (snapshot) => (keys.push(key), compute(snapshot)), options)) as typeof api.graph.cached;
    const result = await api.gql(`{ actors(first: 500) { nodes { metrics { bridgeScore degree } } } }`);
    api.graph.cached = cached;
    expect(result.errors).toBeUndefined();
    expect(result.data.actors.nodes).toHaveLength(500);
    expect(result.data.actors.nodes.every((a: any) => a.metrics !== null)).toBe(true);
    // Each ecosystem's metrics at most once (some were computed by earlier tests), never per actor.
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => key.startsWith("scope-metrics:"))).toBe(true);
    expect(result.extensions?.sqlStatements).toBeLessThanOrEqual(3);
  });

  it("refuses national metrics for every actor of every ecosystem in one query (complexity)", async () => {
    const result = await api.gql(`{ ecosystems(first: 100) { nodes { actors(first: 500) { nodes { metrics(scope: {}) { bridgeScore degree } } } } } }`);
    expect(result.errors?.[0]?.message).toMatch(/complexity/i);
  });
});

async function firstTwoEcosystems() {
  const result = await api.gql(`{ ecosystems(first: 2) { nodes { id } } }`);
  const [a, b] = result.data.ecosystems.nodes.map((e: { id: string }) => e.id);
  return { a, b };
}
