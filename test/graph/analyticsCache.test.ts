import { describe, expect, it } from "vitest";
import { AnalyticsCache } from "../../graph/engines/analyticsCache.js";
import { NetworkModel } from "../../graph/model.js";

const emptyModel = () => new NetworkModel({ ecosystemOf: new Map(), regionOf: new Map() });
const day = (d: number) => ({ asOf: new Date(Date.UTC(2024, 0, d)) });

describe("the analytics cache", () => {
  it("computes a key once per version and options, and again when the version moves", async () => {
    const cache = new AnalyticsCache();
    const model = emptyModel();
    let runs = 0;
    const compute = () => ++runs;
    expect(await cache.cached(model, "k", compute)).toBe(1);
    expect(await cache.cached(model, "k", compute)).toBe(1);
    expect(await cache.cached(model, "k", compute, day(1))).toBe(2);
    model.version = 1n;
    expect(await cache.cached(model, "k", compute)).toBe(3);
  });

  it("keeps only the most recently used past days, and always the current network", async () => {
    const cache = new AnalyticsCache(2);
    const model = emptyModel();
    let runs = 0;
    const compute = () => ++runs;
    await cache.cached(model, "k", compute);
    for (const d of [1, 2, 3]) await cache.cached(model, "k", compute, day(d));
    expect(runs).toBe(4);
    await cache.cached(model, "k", compute, day(3));
    await cache.cached(model, "k", compute, day(2));
    await cache.cached(model, "k", compute);
    expect(runs).toBe(4);
    await cache.cached(model, "k", compute, day(1));
    expect(runs).toBe(5);
  });
});
