import { describe, expect, it } from "vitest";
import { csrFromTies, type Tie } from "../../graph/csr.js";
import { betweenness } from "../../graph/algorithms/betweenness.js";
import { hoeffdingError, sampledBetweenness } from "../../graph/algorithms/betweennessSampled.js";
import { closeArrays, csrOf, fixtureGraphs } from "../support/fixtureGraphs.js";

const graphNamed = (name: string, weighted = true) => csrOf(fixtureGraphs.find((f) => f.name === name)!, weighted);
const ties = (pairs: [number, number][]): Tie[] => pairs.map(([source, target]) => ({ source, target }));

describe("graph/betweennessSampled", () => {
  it("is the exact computation, with no error, when k reaches n", () => {
    const graph = graphNamed("territorial-60");
    for (const options of [{ k: 60 }, { k: 1000, weighted: true }, { k: 60, normalized: false }]) {
      const sampled = sampledBetweenness(graph, options);
      expect(sampled.values).toEqual(betweenness(graph, options.weighted ? { weighted: true } : { normalized: options.normalized }));
      expect([sampled.estimator, sampled.k, sampled.seed, sampled.pivots.length]).toEqual(["exact", 60, null, 60]);
      expect([sampled.error.perNode, sampled.error.allNodes]).toEqual([0, 0]);
    }
  });

  it("reproduces its pivots and scores from a seed, and reports the seed and estimator", () => {
    const graph = graphNamed("territorial-150");
    const first = sampledBetweenness(graph, { k: 20, seed: 42 });
    const again = sampledBetweenness(graph, { k: 20, seed: 42 });
    expect(again.values).toEqual(first.values);
    expect(again.pivots).toEqual(first.pivots);
    expect([first.estimator, first.k, first.seed]).toEqual(["uniform-pivots", 20, 42]);
    expect(new Set(first.pivots).size).toBe(20);
    expect(sampledBetweenness(graph, { k: 20, seed: 43 }).pivots).not.toEqual(first.pivots);
    expect(sampledBetweenness(graph, { k: 20 }).seed).toBe(1);
  });

  it("takes an injected rng, reported as no seed", () => {
    const graph = graphNamed("karate");
    const sampled = sampledBetweenness(graph, { k: 3, rng: () => 0 });
    // rng() = 0 keeps the Fisher-Yates draw in place: pivots 0, 1, 2.
    expect([...sampled.pivots]).toEqual([0, 1, 2]);
    expect(sampled.seed).toBeNull();
  });

  it("is unbiased: the single-pivot estimates averaged over every pivot give the exact scores", () => {
    const graph = graphNamed("karate");
    const n = graph.nodeCount;
    for (const weighted of [false, true]) {
      const mean = new Float64Array(n);
      for (let pivot = 0; pivot < n; pivot += 1) {
        const { values, pivots } = sampledBetweenness(graph, { k: 1, weighted, rng: () => (pivot + 0.5) / n });
        expect([...pivots]).toEqual([pivot]);
        values.forEach((value, v) => (mean[v]! += value / n));
      }
      expect(closeArrays(mean, betweenness(graph, { weighted }))).toBeNull();
    }
  });

  it("stays within its stated per-node bound on territorial-150 with 64 pivots, for at least the stated share of nodes", () => {
    const graph = graphNamed("territorial-150");
    const exact = betweenness(graph);
    for (const seed of [1, 2, 3]) {
      const { values, error } = sampledBetweenness(graph, { k: 64, seed });
      expect(error.confidence).toBe(0.95);
      expect(error.perNode).toBeCloseTo((150 / 149) * Math.sqrt(Math.log(2 / 0.05) / 128), 12);
      const within = values.filter((value, v) => Math.abs(value - exact[v]!) <= error.perNode).length;
      expect(within / values.length).toBeGreaterThanOrEqual(error.confidence);
      expect(values.every((value, v) => Math.abs(value - exact[v]!) <= error.allNodes)).toBe(true);
    }
  });

  it("states its bound in raw units when not normalized, and none for graphs too small to have between nodes", () => {
    const normalized = hoeffdingError(150, 64, 0.9, true);
    const raw = hoeffdingError(150, 64, 0.9, false);
    expect(raw.perNode).toBeCloseTo((normalized.perNode * 149 * 148) / 2, 9);
    expect(raw.allNodes).toBeGreaterThan(raw.perNode);
    expect(hoeffdingError(2, 1, 0.9, true)).toEqual({ perNode: 0, allNodes: 0 });
    const path = csrFromTies(2, ties([[0, 1]]));
    expect(sampledBetweenness(path, { k: 1 }).values).toEqual(new Float64Array([0, 0]));
  });

  it("scales raw estimates as networkx does with k pivots: halved sums times n / k", () => {
    const path = csrFromTies(
      3,
      ties([
        [0, 1],
        [1, 2],
      ]),
    );
    // Pivot 0 depends on node 1 for target 2: 1 * (1/2) * (3/1).
    expect([...sampledBetweenness(path, { k: 1, normalized: false, rng: () => 0 }).values]).toEqual([0, 1.5, 0]);
    expect(sampledBetweenness(csrFromTies(0, []), { k: 5 }).estimator).toBe("exact");
  });

  it("refuses bad input, naming the module", () => {
    const graph = graphNamed("triangle");
    expect(() => sampledBetweenness(graph, { k: 0 })).toThrow(/^graph\/betweennessSampled: k must be a positive integer/);
    expect(() => sampledBetweenness(graph, { k: 1.5 })).toThrow(/^graph\/betweennessSampled: k must/);
    expect(() => sampledBetweenness(graph, { k: 1, confidence: 1 })).toThrow(/^graph\/betweennessSampled: confidence/);
    expect(() => sampledBetweenness(graph, { k: 1, rng: () => 1 })).toThrow(/^graph\/betweennessSampled: rng returned 1/);
    expect(() => sampledBetweenness(graph, { k: 1, rng: 7 as unknown as () => number })).toThrow(/^graph\/betweennessSampled: rng must/);
    expect(() => sampledBetweenness(graph, { seed: "x" as unknown as number })).toThrow(/^graph\/betweennessSampled: option seed/);
  });
});
