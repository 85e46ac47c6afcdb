/**
 * bench/betweennessStrata: per-source scaled dependencies summed per node AND per distance class
 * between the source and the node, with their squares and counts, so that an estimator can
 * post-stratify each node's sample by distance (bench/betweennessTopRanked).
 *
 * The scaling. Summed over all sources, any split of each pair (s, t)'s credit between its two
 * ends gives exact betweenness, so the split only changes how much one pivot's term varies.
 * Geisberger, Sanders and Schultes' linear scaling (ALENEX 2008, doi:10.1137/1.9781611972887.9;
 * bench/betweennessScaled) credits s with d(s, v) / d(s, t) of the pair's share through v. For
 * the split to ride on Brandes' recursion (U. Brandes, J. Math. Sociol. 25(2), 2001,
 * doi:10.1080/0022250X.2001.9990249), s's part must be f(d(s, v)) / g(d(s, t)), and the two parts
 * must add to 1 for every a = d(s, v), b = d(v, t) >= 1: f(a) + f(b) = g(a + b), so f(a + 1) - f(a)
 * is constant and, up to a factor, f(a) = a + l, g(x) = x + 2l. So the offset l
 * (> -1, so that both parts stay positive) spans every such split: l = 0 is linear scaling, large
 * l tends to halving the plain dependency, and l near -1 gives nearly all of the pair to the end
 * farther from v. A pivot next to a hub then credits it with little, where the hub's term varies
 * most. This derivation is ours; what it does is measured by the bench (bench/run.ts).
 *
 * Layout: node v owns STRATUM_WIDTH * classes doubles from v * STRATUM_WIDTH * classes; class c
 * (0-based) holds sources at distance c + 1 from v, the last class every farther one; within a
 * class: [sum of delta', sum of delta'^2, number of sources]. A source contributes nothing to
 * itself and to nodes it does not reach (their dependency is exactly 0), so they are not recorded.
 */
import { forwardBfs, type BrandesScratch } from "../../graph/algorithms/betweenness.js";
import type { CsrGraph } from "../../graph/csr.js";
import { backwardLevelsLinear } from "./betweennessScaled.js";

export const STRATUM_WIDTH = 3;

/** Adds source `source`'s scaled dependencies (share offset `offset`), per distance class, to `into` (nodeCount * STRATUM_WIDTH * classes). Unweighted only. */
export function accumulateStrataFromSource(graph: CsrGraph, source: number, scratch: BrandesScratch, into: Float64Array, classes: number, offset = 0): number {
  const width = STRATUM_WIDTH * classes;
  if (!(Number.isInteger(source) && source >= 0 && source < graph.nodeCount)) throw new Error(`bench/betweennessStrata: source ${source} does not exist`);
  if (into.length !== graph.nodeCount * width) throw new Error("bench/betweennessStrata: the accumulator must hold 3 values per node and class");
  const levels = forwardBfs(graph, source, scratch);
  const reached = scratch.levelStart[levels]!;
  // The scaled dependencies land in scratch.delta; the per-node total is not needed here.
  backwardLevelsLinear(graph, scratch, levels, scratch.sink, offset);
  const { order, depth, delta } = scratch;
  for (let j = 1; j < reached; j += 1) {
    const v = order[j]!;
    const c = Math.min(depth[v]!, classes) - 1;
    const x = delta[v]!;
    const at = v * width + c * STRATUM_WIDTH;
    into[at]! += x;
    into[at + 1]! += x * x;
    into[at + 2]! += 1;
  }
  for (let j = 0; j < reached; j += 1) depth[order[j]!] = -1;
  return reached;
}
