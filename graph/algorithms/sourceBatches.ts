/**
 * graph/sourceBatches: an order of the nodes in which every run of 32 lies close together, for
 * the multi-source searches of graph/betweennessBatch.
 *
 * M. Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4),
 * 2014, doi:10.14778/2735496.2735507: searches run together share a node's pass over its ties only
 * when they reach it at the same depth, so what they save grows with how much the searches overlap.
 *
 * Sources close to each other reach most nodes at nearly the same depth. Here each run of 32 is a
 * breadth-first ball: from the highest-degree node not yet taken, the nearest nodes not yet taken.
 * Hubs first makes the early balls dense; a ball stops exploring after `EXPLORE_LIMIT` nodes (late
 * balls would otherwise wander over nodes already taken) and is filled with the next free nodes
 * in degree order. Against sources taken in breadth-first label order, this lowers the number of
 * (node, depth) pairs the batched searches visit.
 */
import type { CsrGraph } from "../csr.js";

const EXPLORE_LIMIT = 2_048;

/** Every node once, in runs of `size` (graph/betweennessBatch's BATCH) that lie close together (the last run may be shorter). */
export function sourceBatchOrder(graph: Pick<CsrGraph, "nodeCount" | "offsets" | "targets">, size: number): Int32Array {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const byDegree = Int32Array.from({ length: n }, (_, v) => v).sort((a, b) => offsets[b + 1]! - offsets[b]! - (offsets[a + 1]! - offsets[a]!) || a - b);
  const taken = new Uint8Array(n);
  const seenBy = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const order = new Int32Array(n);
  let placed = 0;
  let nextFree = 0;
  while (placed < n) {
    while (taken[byDegree[nextFree]!]) nextFree += 1;
    const root = byDegree[nextFree]!;
    const end = Math.min(n, placed + size);
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    seenBy[root] = root;
    while (head < tail && placed < end && head < EXPLORE_LIMIT) {
      const v = queue[head++]!;
      if (!taken[v]) {
        taken[v] = 1;
        order[placed++] = v;
      }
      for (let i = offsets[v]!, stop = offsets[v + 1]!; i < stop; i += 1) {
        const w = targets[i]!;
        if (seenBy[w] !== root) {
          seenBy[w] = root;
          queue[tail++] = w;
        }
      }
    }
    for (let k = nextFree; placed < end; k += 1) {
      const v = byDegree[k]!;
      if (!taken[v]) {
        taken[v] = 1;
        order[placed++] = v;
      }
    }
  }
  return order;
}
