/**
 * graph/betweennessBatch: Brandes' unweighted dependencies for 32 sources at once, with the
 * breadth-first searches run together over bit sets.
 *
 * U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical Sociology
 * 25(2), 2001, doi:10.1080/0022250X.2001.9990249 (the per-source recursion, unchanged).
 * M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper, T. Neumann and H. T. Vo,
 * "The More the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014, pp. 449-460,
 * doi:10.14778/2735496.2735507 (one pass over a node's ties serves every search whose frontier
 * holds the node: frontiers and visited sets are 32-bit words, one bit per source).
 *
 * Forward: each level, every node in some search's frontier scans its ties once; a neighbour w
 * newly reached by the searches in word m (those of v's frontier not yet at w) gets, per bit,
 * sigma_b(w) += sigma_b(v). The level of each (node, bit) is recorded as a list of (node, word)
 * entries per level. Backward, level by level from the deepest: the words of the level below are
 * scattered into `below`, then each entry v at level L sums, per bit shared with a neighbour w
 * at level L + 1, (1 + delta_b(w)) / sigma_b(w), and delta_b(v) is sigma_b(v) times that sum. A
 * node's row is thus read once per distinct level rather than once per source, which is what the
 * forward phase saves over 32 single searches (graph/betweenness's `forwardBfs`).
 *
 * `forwardBatch` and `resetBatch` are exported for kernels that weigh the dependencies otherwise
 * on the same forward pass.
 */
import type { CsrGraph } from "../csr.js";

export const BATCH = 32;

export type BatchScratch = ReturnType<typeof createBatchScratch>;

export function createBatchScratch(graph: CsrGraph) {
  const n = graph.nodeCount;
  return {
    visited: new Int32Array(n),
    frontier: new Int32Array(n),
    next: new Int32Array(n),
    below: new Int32Array(n),
    pulled: new Float64Array(BATCH),
    sigma: new Float64Array(n * BATCH),
    delta: new Float64Array(n * BATCH),
    // Every (node, level) pair reached, level after level: at most n * BATCH entries.
    entryNode: new Int32Array(n * BATCH),
    entryMask: new Int32Array(n * BATCH),
    levelStart: new Int32Array(n + 2),
  };
}

/**
 * Runs the searches from sources[0 .. count) (count <= 32) together; returns the number of levels,
 * with level L's (node, word) entries at entryNode / entryMask[levelStart[L] .. levelStart[L + 1]),
 * sigma filled in per (node, bit). The caller clears the scratch with `resetBatch` when done.
 */
export function forwardBatch(graph: CsrGraph, sources: ArrayLike<number>, count: number, sc: BatchScratch): number {
  const { offsets, targets } = graph;
  const { visited, frontier, next, sigma, entryNode, entryMask, levelStart } = sc;
  let entries = 0;
  levelStart[0] = 0;
  for (let b = 0; b < count; b += 1) {
    const s = sources[b]!;
    if (frontier[s] === 0) entryNode[entries++] = s;
    visited[s]! |= 1 << b;
    frontier[s]! |= 1 << b;
    sigma[s * BATCH + b] = 1;
  }
  for (let j = 0; j < entries; j += 1) entryMask[j] = frontier[entryNode[j]!]!;
  let levels = 1;
  levelStart[1] = entries;
  for (;;) {
    const lo = levelStart[levels - 1]!;
    const hi = levelStart[levels]!;
    for (let j = lo; j < hi; j += 1) {
      const v = entryNode[j]!;
      const fv = entryMask[j]!;
      const vb = v * BATCH;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) {
        const w = targets[i]!;
        let m = fv & ~visited[w]!;
        if (m === 0) continue;
        if (next[w] === 0) entryNode[entries++] = w;
        next[w]! |= m;
        const wb = w * BATCH;
        while (m !== 0) {
          const low = m & -m;
          const b = 31 - Math.clz32(low);
          sigma[wb + b]! += sigma[vb + b]!;
          m ^= low;
        }
      }
    }
    for (let j = lo; j < hi; j += 1) frontier[entryNode[j]!] = 0;
    if (entries === hi) break;
    for (let j = hi; j < entries; j += 1) {
      const w = entryNode[j]!;
      const m = next[w]!;
      entryMask[j] = m;
      visited[w]! |= m;
      next[w] = 0;
    }
    levels += 1;
    levelStart[levels] = entries;
  }
  return levels;
}

/** Clears what a batch of `levels` levels left in `sc`, for the next. */
export function resetBatch(sc: BatchScratch, levels: number): void {
  const { visited, sigma, delta, entryNode, entryMask, levelStart } = sc;
  for (let j = 0, entries = levelStart[levels]!; j < entries; j += 1) {
    const v = entryNode[j]!;
    visited[v] = 0;
    let m = entryMask[j]!;
    const vb = v * BATCH;
    while (m !== 0) {
      const low = m & -m;
      const b = 31 - Math.clz32(low);
      sigma[vb + b] = 0;
      delta[vb + b] = 0;
      m ^= low;
    }
  }
}

/**
 * Adds to `sc.pulled[b]`, for each bit b of `mask`, the coefficients of v's successors: the
 * entries one level deeper (marked in `sc.below`) that share the bit and a tie. The bench's
 * scaled variants (bench/estimators/scaledBatch.ts) pull through this very loop, so they differ
 * from Brandes' kernel only in the coefficient they leave for the level above.
 */
export function pullSuccessors(graph: CsrGraph, sc: BatchScratch, v: number, mask: number): void {
  const { offsets, targets } = graph;
  const { below, pulled, delta } = sc;
  for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) {
    const w = targets[i]!;
    let shared = mask & below[w]!;
    if (shared === 0) continue;
    const wb = w * BATCH;
    while (shared !== 0) {
      const low = shared & -shared;
      const b = 31 - Math.clz32(low);
      pulled[b]! += delta[wb + b]!;
      shared ^= low;
    }
  }
}

/**
 * Adds the dependencies of sources[0 .. count) (count <= 32, distinct) to `into`, over ordered
 * pairs (source, t), as graph/betweenness's accumulateFromSource would one source at a time.
 */
export function accumulateBatch(graph: CsrGraph, sources: ArrayLike<number>, count: number, sc: BatchScratch, into: Float64Array): void {
  const { below, pulled, sigma, delta, entryNode, entryMask, levelStart } = sc;
  const levels = forwardBatch(graph, sources, count, sc);
  // Backward, from the deepest level up: each entry v pulls, per bit, the coefficients of its
  // successors (the entries one level deeper that share the bit and a tie), then
  // delta_b(v) = sigma_b(v) * that sum, and v's own coefficient (1 + delta_b(v)) / sigma_b(v)
  // replaces delta_b(v) for the level above. Pulling into 32 local sums reads the successors' slots
  // once and writes v's once, where pushing to predecessors rewrote theirs per tie. Level 0 holds
  // the sources: no dependency on themselves.
  for (let level = levels - 1; level >= 1; level -= 1) {
    const lo = levelStart[level]!;
    const hi = levelStart[level + 1]!;
    const deeper = level + 1 < levels ? levelStart[level + 2]! : hi;
    for (let j = hi; j < deeper; j += 1) below[entryNode[j]!] = entryMask[j]!;
    for (let j = lo; j < hi; j += 1) {
      const v = entryNode[j]!;
      const mv = entryMask[j]!;
      const vb = v * BATCH;
      if (deeper > hi) pullSuccessors(graph, sc, v, mv);
      let m = mv;
      let sum = 0;
      while (m !== 0) {
        const low = m & -m;
        const b = 31 - Math.clz32(low);
        const s = sigma[vb + b]!;
        const d = s * pulled[b]!;
        pulled[b] = 0;
        sum += d;
        delta[vb + b] = (1 + d) / s;
        m ^= low;
      }
      into[v]! += sum;
    }
    for (let j = hi; j < deeper; j += 1) below[entryNode[j]!] = 0;
  }
  resetBatch(sc, levels);
}
