import { afterAll, describe, expect, it } from "vitest";
import { closeSharedBetweennessPool, sharedBetweennessPool } from "../../graph/workers/sharedBetweennessPool.js";
import { computeScopeMetrics, computeScopeMetricsOnPool, type ScopeMetrics } from "../../graph/ecosystem/scopeMetrics.js";
import { closeArrays, fixtureGraphs } from "../support/fixtureGraphs.js";
import { snapshotOf } from "../support/handmadeSnapshot.js";

const territorial = fixtureGraphs.find((f) => f.name === "territorial-150")!;
const demo = snapshotOf(territorial.nodeCount, territorial.edges, territorial.profile, territorial.territory);
const BETWEENNESS = ["betweenness", "weightedBetweenness", "crossProfileBetweenness", "crossTerritoryBetweenness"] as const;

function expectSameMetrics(actual: ScopeMetrics, expected: ScopeMetrics): void {
  for (const key of BETWEENNESS) {
    const a = actual[key];
    const e = expected[key];
    if (e === null) expect(a, key).toBeNull();
    else expect(closeArrays(a!, e), key).toBeNull();
  }
  expect(actual.algorithm).toEqual(expected.algorithm);
  const { betweenness, weightedBetweenness, crossProfileBetweenness, crossTerritoryBetweenness, algorithm, ...rest } = actual;
  const { betweenness: b, weightedBetweenness: w, crossProfileBetweenness: p, crossTerritoryBetweenness: t, algorithm: m, ...expectedRest } = expected;
  expect(rest).toEqual(expectedRest);
}

describe("graph/ecosystem/scopeMetrics on the shared worker pool", () => {
  afterAll(() => closeSharedBetweennessPool());

  it("gives nationally what the single-thread computation gives, exact and sampled", async () => {
    const pool = sharedBetweennessPool();
    for (const options of [{}, { exactUpTo: 100, pivots: 40, seed: 3 }]) {
      const onPool = await computeScopeMetricsOnPool(pool, demo, { kind: "national" }, { ...options, poolFrom: 1 });
      expectSameMetrics(onPool, computeScopeMetrics(demo, { kind: "national" }, options));
    }
  });

  it("keeps scopes below poolFrom on the calling thread, bit for bit, and works without a pool", async () => {
    const scope = { kind: "ecosystem", ecosystemId: 2 } as const;
    const expected = computeScopeMetrics(demo, scope);
    expect(await computeScopeMetricsOnPool(sharedBetweennessPool(), demo, scope)).toEqual(expected);
    expect(await computeScopeMetricsOnPool(null, demo, { kind: "national" }, { poolFrom: 1 })).toEqual(computeScopeMetrics(demo, { kind: "national" }));
  });

  it("lets the event loop turn while the pool computes", async () => {
    let turned = false;
    const computing = computeScopeMetricsOnPool(sharedBetweennessPool(), demo, { kind: "national" }, { poolFrom: 1 });
    setImmediate(() => (turned = true));
    const metrics = await computing;
    expect(turned).toBe(true);
    expect(metrics.nodes.length).toBe(150);
  });

  it("replaces a closed shared pool on the next call", async () => {
    const first = sharedBetweennessPool();
    expect(sharedBetweennessPool()).toBe(first);
    await closeSharedBetweennessPool();
    expect(first.closed).toBe(true);
    const second = sharedBetweennessPool();
    expect(second).not.toBe(first);
    const metrics = await computeScopeMetricsOnPool(second, demo, { kind: "national" }, { poolFrom: 1 });
    expect(closeArrays(metrics.betweenness, computeScopeMetrics(demo, { kind: "national" }).betweenness)).toBeNull();
  });
});
