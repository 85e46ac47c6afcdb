import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrFromTies, type Tie } from "../../graph/csr.js";
import { betweenness, nodeScale } from "../../graph/algorithms/betweenness.js";
import { linearScalingError, scaledBetweenness, scaledBetweennessParallel, sumLinearDependencies } from "../../bench/estimators/betweennessScaled.js";
import { createEstimatorPool, type EstimatorPool } from "../../bench/estimators/estimatorPool.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Scores = Record<"normalized" | "raw", number[]>;
const reference = referenceValues<{ node: Partial<Record<"unweighted" | "weighted", Scores>> }>("betweenness.json");
const graphNamed = (name: string) => csrOf(fixtureGraphs.find((f) => f.name === name)!);
const ties = (pairs: [number, number, number?][]): Tie[] => pairs.map(([source, target, weight]) => ({ source, target, weight }));
const everyNode = (n: number) => Int32Array.from({ length: n }, (_, v) => v);

describe("bench/betweennessScaled", () => {
  let pool: EstimatorPool;
  beforeAll(async () => {
    pool = createEstimatorPool({ workers: 2 });
    await pool.ready();
  });
  afterAll(() => pool.close());

  describe.each(fixtureGraphs)("with every node as a pivot, equals networkx.betweenness_centrality on $name", (fixture) => {
    it.each([
      ["unweighted", "raw"],
      ["unweighted", "normalized"],
      ["weighted", "raw"],
      ["weighted", "normalized"],
    ] as const)("%s, %s", (mode, scale) => {
      const graph = csrOf(fixture);
      const n = graph.nodeCount;
      // The estimator's own scaling with k = n: 2 * (n / k) * the usual factor.
      const factor = 2 * nodeScale(n, scale === "normalized");
      const values = sumLinearDependencies(graph, everyNode(n), mode === "weighted").map((sum) => sum * factor);
      expect(closeArrays(values, reference[fixture.name]!.node[mode]![scale])).toBeNull();
    });
  });

  it("splits each pair between its ends' sides in proportion to distance", () => {
    // Path 0-1-2-3: from pivot 0, node 1 gets 1/2 of pair (0,2) and 1/3 of (0,3), node 2 gets 2/3 of (0,3).
    const path = csrFromTies(
      4,
      ties([
        [0, 1],
        [1, 2],
        [2, 3],
      ]),
    );
    expect(closeArrays(sumLinearDependencies(path, [0], false), [0, 1 / 2 + 1 / 3, 2 / 3, 0])).toBeNull();
    // Weighted lengths 1, 3, 1: d(0,1) = 1, d(0,2) = 4, d(0,3) = 5.
    const weighted = csrFromTies(
      4,
      ties([
        [0, 1, 1],
        [1, 2, 3],
        [2, 3, 1],
      ]),
    );
    expect(closeArrays(sumLinearDependencies(weighted, [0], true), [0, 1 / 4 + 1 / 5, 4 / 5, 0])).toBeNull();
  });

  it("is unbiased: the single-pivot estimates averaged over every pivot give the exact scores", () => {
    const graph = graphNamed("karate");
    const n = graph.nodeCount;
    for (const weighted of [false, true]) {
      const mean = new Float64Array(n);
      for (let pivot = 0; pivot < n; pivot += 1) {
        const { values, pivots, estimator } = scaledBetweenness(graph, { k: 1, weighted, rng: () => (pivot + 0.5) / n });
        expect([estimator, ...pivots]).toEqual(["linear-scaling", pivot]);
        values.forEach((value, v) => (mean[v]! += value / n));
      }
      expect(closeArrays(mean, betweenness(graph, { weighted }))).toBeNull();
    }
  });

  it("computes the exact scores, with no error, when k reaches n, on one thread or on the pool", async () => {
    const graph = graphNamed("territorial-60");
    for (const options of [{ k: 60 }, { k: 1000, weighted: true }, { k: 60, normalized: false }]) {
      const expected = betweenness(graph, options.weighted ? { weighted: true } : { normalized: options.normalized });
      for (const result of [scaledBetweenness(graph, options), await scaledBetweennessParallel(pool, graph, options)]) {
        expect(closeArrays(result.values, expected)).toBeNull();
        expect([result.estimator, result.k, result.seed, result.pivots.length, result.error.perNode, result.error.allNodes]).toEqual([
          "exact",
          60,
          null,
          60,
          0,
          0,
        ]);
      }
    }
  });

  it("reproduces its pivots and scores from a seed, on one thread and on the pool, and states what it did", async () => {
    const graph = graphNamed("territorial-150");
    const first = scaledBetweenness(graph, { k: 40, seed: 42 });
    const again = scaledBetweenness(graph, { k: 40, seed: 42 });
    expect(again.values).toEqual(first.values);
    expect(again.pivots).toEqual(first.pivots);
    const parallel = await scaledBetweennessParallel(pool, graph, { k: 40, seed: 42 });
    expect(parallel.pivots).toEqual(first.pivots);
    expect(closeArrays(parallel.values, first.values)).toBeNull();
    expect((await scaledBetweennessParallel(pool, graph, { k: 40, seed: 42 })).values).toEqual(parallel.values);
    expect([first.estimator, first.k, first.seed, parallel.estimator, parallel.seed]).toEqual(["linear-scaling", 40, 42, "linear-scaling", 42]);
    expect(first.error.basis).toMatch(/Serfling/);
    expect(first.error.basis).toMatch(/Spearman/);
    expect(scaledBetweenness(graph, { k: 40, seed: 43 }).pivots).not.toEqual(first.pivots);
    expect(scaledBetweenness(graph, { k: 40 }).seed).toBe(1);
    expect(scaledBetweenness(graph, { k: 3, rng: () => 0 }).seed).toBeNull();
  });

  it("states Serfling's bound on terms of range 2n/(n-1), and stays within it on territorial-150", () => {
    const graph = graphNamed("territorial-150");
    const exact = betweenness(graph);
    const expected = ((2 * 150) / 149) * Math.sqrt(((1 - 63 / 150) * Math.log(2 / 0.05)) / 128);
    for (const seed of [1, 2, 3]) {
      const { values, error } = scaledBetweenness(graph, { k: 64, seed });
      expect(error.confidence).toBe(0.95);
      expect(error.perNode).toBeCloseTo(expected, 12);
      expect(values.every((value, v) => Math.abs(value - exact[v]!) <= error.perNode)).toBe(true);
    }
    const raw = linearScalingError(150, 64, 0.9, false);
    expect(raw.perNode).toBeCloseTo((linearScalingError(150, 64, 0.9, true).perNode * 149 * 148) / 2, 9);
    expect(raw.allNodes).toBeGreaterThan(raw.perNode);
    expect(linearScalingError(2, 1, 0.9, true)).toEqual({ perNode: 0, allNodes: 0 });
  });

  it("handles graphs too small to have nodes in between", () => {
    const pair = csrFromTies(2, ties([[0, 1]]));
    expect(scaledBetweenness(pair, { k: 1 }).values).toEqual(new Float64Array([0, 0]));
    expect(scaledBetweenness(csrFromTies(0, []), { k: 5 }).estimator).toBe("exact");
  });

  it("refuses bad input, naming the module", async () => {
    const graph = graphNamed("triangle");
    expect(() => scaledBetweenness(graph, { k: 0 })).toThrow(/^bench\/betweennessScaled: k must be a positive integer/);
    expect(() => scaledBetweenness(graph, { k: 1, confidence: 0 })).toThrow(/^bench\/betweennessScaled: confidence/);
    expect(() => scaledBetweenness(graph, { k: 1, rng: () => 1 })).toThrow(/rng returned 1/);
    expect(() => scaledBetweenness(graph, { seed: "x" as unknown as number })).toThrow(/^bench\/betweennessScaled: option seed/);
    const zero = csrFromTies(
      3,
      ties([
        [0, 1, 0],
        [1, 2, 1],
      ]),
    );
    expect(() => scaledBetweenness(zero, { k: 1, weighted: true })).toThrow(
      /^bench\/betweennessScaled: tie 0-1 has length 0; linear scaling needs lengths > 0/,
    );
    await expect(scaledBetweennessParallel(pool, zero, { k: 1, weighted: true })).rejects.toThrow(/length 0/);
  });
});
