import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accumulateStrataFromSource, STRATUM_WIDTH } from "../../bench/estimators/betweennessStrata.js";
import { createEstimatorPool, type EstimatorPool } from "../../bench/estimators/estimatorPool.js";
import { accumulateScaledBatch } from "../../bench/estimators/scaledBatch.js";
import { createScratch, nodeScale } from "../../graph/algorithms/betweenness.js";
import { BATCH, createBatchScratch } from "../../graph/algorithms/betweennessBatch.js";
import { csrFromTies } from "../../graph/csr.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

const reference = referenceValues<{ node: Record<string, Record<string, number[]>> }>("betweenness.json");
const CLASSES = 4;
const OFFSETS = [0, -0.9, -0.5, 2];

/** Each node's sums over its distance classes, as NetworkX's normalized betweenness (every source's scaled share summed). */
function totals(strata: Float64Array, n: number): Float64Array {
  const width = STRATUM_WIDTH * CLASSES;
  return Float64Array.from({ length: n }, (_, v) => {
    let sum = 0;
    for (let c = 0; c < CLASSES; c += 1) sum += strata[v * width + c * STRATUM_WIDTH]!;
    return sum * 2 * nodeScale(n, true);
  });
}

function onOneThread(graph: ReturnType<typeof csrOf>, offset: number): Float64Array {
  const into = new Float64Array(graph.nodeCount * STRATUM_WIDTH * CLASSES);
  const scratch = createScratch(graph, { weighted: false });
  for (let s = 0; s < graph.nodeCount; s += 1) accumulateStrataFromSource(graph, s, scratch, into, CLASSES, offset);
  return into;
}

function batched(graph: ReturnType<typeof csrOf>, offset: number): Float64Array {
  const into = new Float64Array(graph.nodeCount * STRATUM_WIDTH * CLASSES);
  const scratch = createBatchScratch(graph);
  const ids = new Int32Array(BATCH);
  for (let s = 0; s < graph.nodeCount; s += BATCH) {
    const count = Math.min(BATCH, graph.nodeCount - s);
    for (let b = 0; b < count; b += 1) ids[b] = s + b;
    accumulateScaledBatch(graph, ids, count, scratch, into, { kind: "strata", classes: CLASSES, offset });
  }
  return into;
}

describe("bench/betweennessStrata", () => {
  let pool: EstimatorPool;
  beforeAll(async () => {
    pool = createEstimatorPool({ workers: 2 });
    await pool.ready();
  });
  afterAll(() => pool.close());

  describe.each(fixtureGraphs)("summed over every source, gives networkx.betweenness_centrality on $name", (fixture) => {
    it.each(OFFSETS)("with the share offset %d, on one thread, in batches of 32 and on the pool", async (offset) => {
      const graph = csrOf(fixture, false);
      const expected = reference[fixture.name]!.node.unweighted!.normalized!;
      const single = onOneThread(graph, offset);
      expect(closeArrays(totals(single, graph.nodeCount), expected)).toBeNull();
      expect(closeArrays(batched(graph, offset), single)).toBeNull();
      const onPool = await pool.sumDependencies(graph, { kernel: "strata", weighted: false, sources: null, classes: CLASSES, offset });
      expect(closeArrays(onPool, single)).toBeNull();
    });
  });

  it("splits each pair's credit by the offset: (d(s, v) + l) / (d(s, t) + 2l) to the source s", () => {
    // A path 0-1-2-3: node 1 lies on the pairs (0, 2) and (0, 3); from source 0 its shares are
    // (1 + l) / (2 + 2l) = 1/2 and (1 + l) / (3 + 2l); from sources 2 and 3, the complements.
    const graph = csrFromTies(
      4,
      [0, 1, 2].map((v) => ({ source: v, target: v + 1 })),
    );
    const l = -0.9;
    const into = new Float64Array(4 * STRATUM_WIDTH * CLASSES);
    accumulateStrataFromSource(graph, 0, createScratch(graph, { weighted: false }), into, CLASSES, l);
    const node1 = 1 * STRATUM_WIDTH * CLASSES;
    expect(into[node1]).toBeCloseTo(0.5 + (1 + l) / (3 + 2 * l), 12);
    expect(into[node1 + 2]).toBe(1);
  });

  it("refuses an offset of -1 or below, and an offset on other kernels", async () => {
    const graph = csrOf(fixtureGraphs[0]!, false);
    await expect(pool.sumDependencies(graph, { kernel: "strata", weighted: false, sources: null, classes: 3, offset: -1 })).rejects.toThrow(
      /share offset > -1/,
    );
    await expect(pool.sumDependencies(graph, { kernel: "linear", weighted: false, sources: null, offset: 0.5 })).rejects.toThrow(/strata kernel only/);
  });
});
