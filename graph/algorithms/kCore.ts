/**
 * graph/kCore: the core number of every node, the largest k such that the node belongs to a
 * subgraph where every node has at least k ties (the k-core).
 *
 * V. Batagelj and M. Zaversnik, "An O(m) Algorithm for Cores Decomposition of Networks",
 * arXiv:cs/0310049, 2003. Nodes sit in an array sorted by current degree (bin sort); the node of
 * least degree is peeled, and each neighbour of higher degree moves down one bin by swapping with
 * the first node of its bin, so the order stays sorted in O(1) per tie.
 *
 * Ties count whatever their weight, zero included: a core is about how many partners an actor has,
 * as in nx.core_number.
 */
import type { CsrGraph } from "../csr.js";

function checkGraph(graph: CsrGraph): void {
  if (graph === null || typeof graph !== "object" || !(graph.offsets instanceof Int32Array) || graph.offsets.length !== graph.nodeCount + 1) {
    throw new Error("graph/kCore: expected a CsrGraph (see graph/csr.ts)");
  }
}

export function coreNumbers(graph: CsrGraph): Int32Array {
  checkGraph(graph);
  const { nodeCount: n, offsets, targets } = graph;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v += 1) {
    degree[v] = offsets[v + 1]! - offsets[v]!;
    if (degree[v]! > maxDegree) maxDegree = degree[v]!;
  }
  // binStart[d]: position in `order` of the first node of current degree d.
  const binStart = new Int32Array(maxDegree + 1);
  for (let v = 0; v < n; v += 1) binStart[degree[v]!]! += 1;
  for (let d = 0, start = 0; d <= maxDegree; d += 1) {
    const count = binStart[d]!;
    binStart[d] = start;
    start += count;
  }
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  for (let v = 0; v < n; v += 1) {
    const d = degree[v]!;
    position[v] = binStart[d]!;
    order[position[v]!] = v;
    binStart[d]! += 1;
  }
  for (let d = maxDegree; d > 0; d -= 1) binStart[d] = binStart[d - 1]!;
  binStart[0] = 0;

  for (let i = 0; i < n; i += 1) {
    const v = order[i]!;
    for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j += 1) {
      const u = targets[j]!;
      const du = degree[u]!;
      if (du <= degree[v]!) continue;
      const first = order[binStart[du]!]!;
      if (first !== u) {
        const pu = position[u]!;
        const pf = binStart[du]!;
        order[pu] = first;
        position[first] = pu;
        order[pf] = u;
        position[u] = pf;
      }
      binStart[du]! += 1;
      degree[u] = du - 1;
    }
  }
  // Once peeled, a node's degree is frozen at its core number.
  return degree;
}

/** The largest core number (the graph's degeneracy); 0 for a graph without ties. */
export function degeneracy(graph: CsrGraph): number {
  let max = 0;
  for (const k of coreNumbers(graph)) if (k > max) max = k;
  return max;
}
