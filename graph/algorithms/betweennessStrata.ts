/**
 * graph/betweennessStrata: per-source linearly scaled dependencies (graph/betweennessScaled, after
 * Geisberger, Sanders and Schultes, ALENEX 2008, doi:10.1137/1.9781611972887.9) summed per node
 * AND per distance class between the source and the node, with their squares and counts, so that
 * an estimator can post-stratify each node's sample by distance (graph/betweennessTopRanked).
 *
 * Layout: node v owns STRATUM_WIDTH * classes doubles from v * STRATUM_WIDTH * classes; class c
 * (0-based) holds sources at distance c + 1 from v, the last class every farther one; within a
 * class: [sum of delta', sum of delta'^2, number of sources]. A source contributes nothing to
 * itself and to nodes it does not reach (their dependency is exactly 0), so they are not recorded.
 */
import type { CsrGraph } from "../csr.js";
import { forwardBfs, type BrandesScratch } from "./betweenness.js";
import { backwardLevelsLinear } from "./betweennessScaled.js";

export const STRATUM_WIDTH = 3;

/** Adds source `source`'s scaled dependencies, per distance class, to `into` (nodeCount * STRATUM_WIDTH * classes). Unweighted only. */
export function accumulateStrataFromSource(graph: CsrGraph, source: number, scratch: BrandesScratch, into: Float64Array, classes: number): number {
  const width = STRATUM_WIDTH * classes;
  if (!(Number.isInteger(source) && source >= 0 && source < graph.nodeCount)) throw new Error(`graph/betweennessStrata: source ${source} does not exist`);
  if (into.length !== graph.nodeCount * width) throw new Error("graph/betweennessStrata: the accumulator must hold 3 values per node and class");
  const levels = forwardBfs(graph, source, scratch);
  const reached = scratch.levelStart[levels]!;
  // The scaled dependencies land in scratch.delta; the per-node total is not needed here.
  backwardLevelsLinear(graph, scratch, levels, scratch.sink);
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
