import { describe, expect, it } from "vitest";
import { sourceBatchOrder } from "../../graph/algorithms/sourceBatches.js";
import { csrFromTies } from "../../graph/csr.js";

const clique = (from: number, size: number) =>
  Array.from({ length: size }, (_, i) => Array.from({ length: size - i - 1 }, (_, j) => ({ source: from + i, target: from + i + j + 1, weight: 1 }))).flat();

describe("source batch order", () => {
  it("orders every node once, each run of 32 from one neighbourhood", () => {
    // Two cliques of 32 with interleaved labels, and two isolated nodes.
    const spread = (v: number) => (v < 32 ? 2 * v : 2 * (v - 32) + 1);
    const ties = [...clique(0, 32), ...clique(32, 32)].map((t) => ({ ...t, source: spread(t.source), target: spread(t.target) }));
    const graph = csrFromTies(66, ties);
    const order = sourceBatchOrder(graph, 32);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 66 }, (_, v) => v));
    const parity = (run: number) => new Set([...order.subarray(run * 32, run * 32 + 32)].map((v) => v % 2));
    expect(parity(0).size).toBe(1);
    expect(parity(1).size).toBe(1);
    expect([...order.subarray(64)].sort()).toEqual([64, 65]);
  });

  it("handles the empty graph and runs shorter than the graph", () => {
    expect(sourceBatchOrder(csrFromTies(0, []), 32)).toEqual(new Int32Array(0));
    expect([...sourceBatchOrder(csrFromTies(5, [{ source: 0, target: 1, weight: 1 }]), 2)].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
