/**
 * graph/edgeBetweenness: shortest-path betweenness of ties, the share of shortest paths between
 * pairs of actors that run along each tie (Girvan and Newman's measure).
 *
 * U. Brandes, "On variants of shortest-path betweenness centrality and their generic computation",
 * Social Networks 30(2), 2008, pp. 136-145. doi:10.1016/j.socnet.2007.11.001
 * (edge betweenness: in the dependency accumulation, the share sigma_v / sigma_w *
 * (1 + delta_s(w)) passed from w to a predecessor v is exactly the dependency of s on the tie vw).
 *
 * Conventions are NetworkX's (edge_betweenness_centrality, undirected): sums over ordered pairs
 * are halved; `normalized` divides the halved sums by n(n-1)/2, the number of pairs (graphs of
 * one node or none stay at 0). Lengths and zero lengths are read as in graph/betweenness.
 */
import type { CsrGraph } from "../csr.js";
import { accumulateAllSources, checkGraph, DEFAULTS as NODE_DEFAULTS, resolveOptions, type BetweennessOptions } from "./betweenness.js";

export type EdgeBetweennessOptions = BetweennessOptions;

export const DEFAULTS: Required<EdgeBetweennessOptions> = { ...NODE_DEFAULTS };

/** NetworkX's factor from sums over ordered pairs to tie scores. */
export function edgeScale(nodeCount: number, normalized: boolean): number {
  if (!normalized) return 0.5;
  return nodeCount <= 1 ? 1 : 1 / (nodeCount * (nodeCount - 1));
}

/** Betweenness of every tie, indexed as `edgeSource` / `edgeTarget`. */
export function edgeBetweenness(graph: CsrGraph, options: EdgeBetweennessOptions = {}): Float64Array {
  const { weighted, normalized } = resolveOptions("graph/edgeBetweenness", DEFAULTS, options);
  checkGraph("graph/edgeBetweenness", graph, weighted);
  const values = new Float64Array(graph.edgeCount);
  accumulateAllSources(graph, { nodes: null, ties: values }, { weighted, groups: null });
  const scale = edgeScale(graph.nodeCount, normalized);
  for (let e = 0; e < values.length; e += 1) values[e]! *= scale;
  return values;
}
