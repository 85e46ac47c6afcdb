/**
 * graph/centralization: how much a network hangs on its best-connected actor, and how dense it is.
 *
 * L. C. Freeman, "Centrality in social networks: conceptual clarification", Social Networks 1(3),
 * 1979, pp. 215-239. doi:10.1016/0378-8733(78)90021-7
 *
 * Degree centralisation is Freeman's C_D = sum_i (d_max - d_i) / ((n - 1)(n - 2)), on the number
 * of ties of each actor (weights ignored). The denominator is the largest value the sum can take,
 * reached by the star on n nodes, so C_D is 1 for a star and 0 for any regular graph (cycle,
 * clique, no ties). It equals the same sum over normalised degrees d_i / (n - 1) divided by n - 2.
 * With fewer than three nodes the denominator is 0 and so is the sum (every such graph is
 * regular): C_D is 0 by convention.
 *
 * Density is 2m / (n(n - 1)), 0 with fewer than two nodes, as nx.density.
 */
import type { CsrGraph } from "../csr.js";

function checkGraph(graph: CsrGraph): void {
  if (graph === null || typeof graph !== "object" || !(graph.offsets instanceof Int32Array) || graph.offsets.length !== graph.nodeCount + 1) {
    throw new Error("graph/centralization: expected a CsrGraph (see graph/csr.ts)");
  }
}

export function degreeCentralization(graph: CsrGraph): number {
  checkGraph(graph);
  const { nodeCount: n, offsets } = graph;
  if (n < 3) return 0;
  let maxDegree = 0;
  for (let v = 0; v < n; v += 1) maxDegree = Math.max(maxDegree, offsets[v + 1]! - offsets[v]!);
  // sum_i (d_max - d_i) = n d_max - 2m, exactly, in integers.
  return (n * maxDegree - 2 * graph.edgeCount) / ((n - 1) * (n - 2));
}

export function density(graph: CsrGraph): number {
  checkGraph(graph);
  const n = graph.nodeCount;
  return n < 2 ? 0 : (2 * graph.edgeCount) / (n * (n - 1));
}
