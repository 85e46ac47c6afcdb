/**
 * bench/scaledBatch: the scaled dependencies of bench/betweennessScaled and their per-distance-class
 * sums of bench/betweennessStrata for 32 sources at once, on graph/betweennessBatch's
 * multi-source forward pass.
 *
 * R. Geisberger, P. Sanders and D. Schultes, "Better approximation of betweenness centrality",
 * ALENEX 2008, doi:10.1137/1.9781611972887.9 (a pair's share scaled by d(s, v) / d(s, t), here with
 * d(s, v) = the entry's level).
 * M. Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014,
 * doi:10.14778/2735496.2735507 (the searches run together, as in graph/betweennessBatch).
 *
 * The backward pass is graph/betweennessBatch's, with each level's coefficients weighted as
 * bench/betweennessScaled's backwardLevelsLinear weighs them. Per distance class, a (node, level)
 * slot is shared by all the searches of an entry, so one cache line takes what one search at a
 * time would scatter.
 */
import { BATCH, forwardBatch, pullSuccessors, resetBatch, type BatchScratch } from "../../graph/algorithms/betweennessBatch.js";
import { popcount } from "../../graph/bits.js";
import type { CsrGraph } from "../../graph/csr.js";
import { STRATUM_WIDTH } from "./betweennessStrata.js";

/**
 * What a batch adds to `into`: linearly scaled dependencies, one value per node; or scaled ones per
 * node and distance class (`classes` classes, bench/betweennessStrata's layout and its share offset).
 */
export type ScaledDependencies = { kind: "linear" } | { kind: "strata"; classes: number; offset: number };

/**
 * Adds the scaled dependencies of sources[0 .. count) (count <= 32, distinct) to `into`, over
 * ordered pairs (source, t), as bench/betweennessScaled's and bench/betweennessStrata's kernels
 * would one source at a time.
 */
export function accumulateScaledBatch(
  graph: CsrGraph,
  sources: ArrayLike<number>,
  count: number,
  sc: BatchScratch,
  into: Float64Array,
  dependencies: ScaledDependencies,
): void {
  const { below, pulled, sigma, delta, entryNode, entryMask, levelStart } = sc;
  const levels = forwardBatch(graph, sources, count, sc);
  // Backward as graph/betweennessBatch's, but v's coefficient for the level above is
  // (asTarget + asThrough * delta_b(v)) / sigma_b(v): with offset l (0 for "linear"), an entry at
  // depth L folds in its parents' factor, (L - 1 + l) / (L + 2l) and (L - 1 + l) / (L + l)
  // (backwardLevelsLinear), so the loop over ties stays Brandes' own; level 1 passes nothing, only
  // the sources lie above it.
  const offset = dependencies.kind === "strata" ? dependencies.offset : 0;
  const width = dependencies.kind === "strata" ? STRATUM_WIDTH * dependencies.classes : 0;
  for (let level = levels - 1; level >= 1; level -= 1) {
    const lo = levelStart[level]!;
    const hi = levelStart[level + 1]!;
    const deeper = level + 1 < levels ? levelStart[level + 2]! : hi;
    const parentShare = level === 1 ? 0 : level - 1 + offset;
    const asTarget = parentShare / (level + 2 * offset);
    const asThrough = parentShare / (level + offset);
    const stratum = width === 0 ? 0 : (Math.min(level, width / STRATUM_WIDTH) - 1) * STRATUM_WIDTH;
    for (let j = hi; j < deeper; j += 1) below[entryNode[j]!] = entryMask[j]!;
    for (let j = lo; j < hi; j += 1) {
      const v = entryNode[j]!;
      const mv = entryMask[j]!;
      const vb = v * BATCH;
      if (deeper > hi) pullSuccessors(graph, sc, v, mv);
      let m = mv;
      let sum = 0;
      let squares = 0;
      while (m !== 0) {
        const low = m & -m;
        const b = 31 - Math.clz32(low);
        const s = sigma[vb + b]!;
        const d = s * pulled[b]!;
        pulled[b] = 0;
        sum += d;
        squares += d * d;
        delta[vb + b] = (asTarget + asThrough * d) / s;
        m ^= low;
      }
      if (width === 0) into[v]! += sum;
      else {
        const at = v * width + stratum;
        into[at]! += sum;
        into[at + 1]! += squares;
        into[at + 2]! += popcount(mv);
      }
    }
    for (let j = hi; j < deeper; j += 1) below[entryNode[j]!] = 0;
  }
  resetBatch(sc, levels);
}
