import { describe, expect, it } from "vitest";
import { nodeScale } from "../../graph/algorithms/betweenness.js";
import { accumulateBatch, BATCH, createBatchScratch } from "../../graph/algorithms/betweennessBatch.js";
import { csrFromTies } from "../../graph/csr.js";
import { closeArrays, csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

const reference = referenceValues<{ node: Record<string, Record<string, number[]>> }>("betweenness.json");

/** Every source, 32 at a time, or `perBatch` at a time to exercise partial batches. */
function batchedBetweenness(graph: ReturnType<typeof csrOf>, normalized: boolean, perBatch = BATCH): Float64Array {
  const n = graph.nodeCount;
  const sums = new Float64Array(n);
  const scratch = createBatchScratch(graph);
  const ids = new Int32Array(BATCH);
  for (let s = 0; s < n; s += perBatch) {
    const count = Math.min(perBatch, n - s);
    for (let b = 0; b < count; b += 1) ids[b] = s + b;
    accumulateBatch(graph, ids, count, scratch, sums);
  }
  return sums.map((x) => x * nodeScale(n, normalized));
}

describe("graph/betweennessBatch", () => {
  describe.each(fixtureGraphs)("matches networkx.betweenness_centrality (unweighted) on $name", (fixture) => {
    it.each(["raw", "normalized"] as const)("%s", (scale) => {
      const expected = reference[fixture.name]!.node.unweighted![scale]!;
      expect(closeArrays(batchedBetweenness(csrOf(fixture), scale === "normalized"), expected)).toBeNull();
      expect(closeArrays(batchedBetweenness(csrOf(fixture), scale === "normalized", 5), expected)).toBeNull();
    });
  });

  it("handles repeated sources, isolated nodes and separate parts, and leaves its scratch clean for the next batch", () => {
    // 0-1-2 and 3-4, node 5 alone.
    const graph = csrFromTies(6, [
      { source: 0, target: 1 },
      { source: 1, target: 2 },
      { source: 3, target: 4 },
    ]);
    const scratch = createBatchScratch(graph);
    const sums = new Float64Array(6);
    accumulateBatch(graph, [0, 0, 2, 5, 3], 5, scratch, sums);
    // Sources 0 (twice) and 2 each pass through 1 once to reach the path's far end.
    expect(Array.from(sums)).toEqual([0, 3, 0, 0, 0, 0]);
    expect(scratch.visited.every((x) => x === 0) && scratch.sigma.every((x) => x === 0) && scratch.delta.every((x) => x === 0)).toBe(true);
  });
});
