import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { betweenness } from "../../graph/algorithms/betweenness.js";
import { distanceClassSizes, normalQuantile, topRankedBetweenness, topRankedBetweennessParallel } from "../../bench/estimators/betweennessTopRanked.js";
import { createEstimatorPool, type EstimatorPool } from "../../bench/estimators/estimatorPool.js";
import { csrFromTies } from "../../graph/csr.js";
import { closeArrays, csrOf, fixtureGraphs } from "../support/fixtureGraphs.js";

const territorial = csrOf(fixtureGraphs.find((f) => f.name === "territorial-150")!);

describe("bench/betweennessTopRanked", () => {
  let pool: EstimatorPool;
  beforeAll(async () => {
    pool = createEstimatorPool({ workers: 2 });
    await pool.ready();
  });
  afterAll(() => pool.close());

  it("is unbiased: averaged over 300 seeds, every node's estimate is within 4% of the top score of the exact one", async () => {
    const exact = betweenness(territorial);
    const n = territorial.nodeCount;
    const mean = new Float64Array(n);
    const runs = 300;
    for (let seed = 1; seed <= runs; seed += 1) {
      const { values } = await topRankedBetweenness(territorial, { k: 40, top: 5, seed });
      for (let v = 0; v < n; v += 1) mean[v]! += values[v]! / runs;
    }
    const top = Math.max(...exact);
    for (let v = 0; v < n; v += 1) expect(Math.abs(mean[v]! - exact[v]!), `node ${v}`).toBeLessThanOrEqual(0.04 * top);
  });

  it("gives the same result for the same seed, on the calling thread and on the pool, and another for another seed", async () => {
    const options = { k: 60, top: 5, seed: 7 };
    const first = await topRankedBetweenness(territorial, options);
    const again = await topRankedBetweenness(territorial, options);
    expect(again.values).toEqual(first.values);
    expect(again.pivots).toEqual(first.pivots);
    const onPool = await topRankedBetweennessParallel(pool, territorial, options);
    expect(closeArrays(onPool.values, first.values)).toBeNull();
    expect(onPool.pivots).toEqual(first.pivots);
    expect(onPool.candidates).toEqual(first.candidates);
    expect(first.estimator).toBe("two-phase-post-stratified");
    expect(first.seed).toBe(7);
    expect(new Set(first.pivots).size).toBe(first.k);
    const other = await topRankedBetweenness(territorial, { ...options, seed: 8 });
    expect(other.values).not.toEqual(first.values);
  });

  it("finds most of the exact top nodes over ten seeds, each candidate with a standard error", async () => {
    const exact = betweenness(territorial);
    const best = Array.from(exact.keys())
      .sort((a, b) => exact[b]! - exact[a]!)
      .slice(0, 5);
    let found = 0;
    for (let seed = 1; seed <= 10; seed += 1) {
      const result = await topRankedBetweenness(territorial, { k: 75, top: 5, seed });
      expect(result.candidates.length).toBeGreaterThanOrEqual(15);
      const estimatedTop = new Set(
        Array.from(result.values.keys())
          .sort((a, b) => result.values[b]! - result.values[a]!)
          .slice(0, 5),
      );
      found += best.filter((v) => estimatedTop.has(v)).length;
      for (const v of result.candidates) expect(result.standardError[v]).toBeGreaterThanOrEqual(0);
    }
    expect(found / 50).toBeGreaterThanOrEqual(0.8);
  });

  it("is exact when the budget covers every node, and on tiny graphs", async () => {
    const result = await topRankedBetweenness(territorial, { k: 150 });
    expect(result.estimator).toBe("exact");
    expect(closeArrays(result.values, betweenness(territorial))).toBeNull();
    expect(result.standardError.every((x) => x === 0)).toBe(true);
    const path = csrFromTies(3, [
      { source: 0, target: 1 },
      { source: 1, target: 2 },
    ]);
    expect(Array.from((await topRankedBetweennessParallel(pool, path, { k: 5 })).values)).toEqual([0, 1, 0]);
  });

  it("counts the sources at each distance class by breadth-first search", () => {
    // A path 0-1-2-3-4 and an isolated node 5.
    const graph = csrFromTies(
      6,
      [0, 1, 2, 3].map((v) => ({ source: v, target: v + 1 })),
    );
    const depth = new Int32Array(6).fill(-1);
    const queue = new Int32Array(6);
    expect(Array.from(distanceClassSizes(graph, 0, 3, depth, queue))).toEqual([1, 1, 2]);
    expect(Array.from(distanceClassSizes(graph, 2, 7, depth, queue))).toEqual([2, 2, 0, 0, 0, 0, 0]);
    expect(Array.from(depth)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it("computes normal quantiles and refuses bad options", async () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    await expect(topRankedBetweenness(territorial, { k: 0 })).rejects.toThrow(/^bench\/betweennessTopRanked: k must be a positive integer/);
    await expect(topRankedBetweenness(territorial, { confidence: 1 })).rejects.toThrow(/confidence/);
    await expect(topRankedBetweenness(territorial, { offset: -1 })).rejects.toThrow(/offset must be a number above -1/);
    await expect(topRankedBetweenness(territorial, { weighted: true } as never)).rejects.toThrow(/unknown option weighted/);
    await expect(pool.sumDependencies(territorial, { kernel: "strata", weighted: true, sources: null, classes: 3 })).rejects.toThrow(
      /strata kernel is unweighted/,
    );
  });
});
