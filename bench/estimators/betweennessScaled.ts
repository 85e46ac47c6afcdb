/**
 * bench/betweennessScaled: betweenness estimated from k uniform pivots with Geisberger, Sanders
 * and Schultes' linear scaling, on one thread or on a worker pool (bench/estimatorPool).
 *
 * R. Geisberger, P. Sanders and D. Schultes, "Better approximation of betweenness centrality",
 * Proceedings of the 10th Workshop on Algorithm Engineering and Experiments (ALENEX), SIAM, 2008,
 * pp. 90-100. doi:10.1137/1.9781611972887.9
 * (plain pivot sampling, U. Brandes and C. Pich, Int. J. Bifurcation and Chaos 17(7), 2007,
 * doi:10.1142/S0218127407018403, overrates nodes near the pivots: a pivot s credits v with every
 * pair (s, t) it lies on, and nodes next to s lie on very many. Linear scaling credits v with
 * sigma_st(v) / sigma_st * d(s, v) / d(s, t) for the pair instead. For every pair both ends'
 * shares add up to the pair's one, d(s, v) + d(v, t) = d(s, t), so summed over all n sources the
 * scaled dependencies give exactly the unordered-pair betweenness; each pivot's sum is doubled.)
 *
 * Per source, in Brandes' recursion: delta'_s(v) = sum over successors w of
 *   sigma_sv / sigma_sw * d(s, v) / d(s, w) * (1 + delta'_s(w)),
 * so the unweighted level kernel of graph/betweenness needs one more factor per node: the level.
 *
 * Estimate (NetworkX's conventions, as graph/betweenness): raw = (n / k) * sum over the k pivots of
 * delta'_s(v), normalized = raw * 2 / ((n-1)(n-2)). With k = n every node is a pivot and the
 * estimate is the exact betweenness, up to rounding; `scaledBetweenness` then runs the exact
 * computation and says so.
 *
 * Stated error. Drawn uniformly without replacement, the pivots' terms X_s = 2n * delta'_s(v) /
 * ((n-1)(n-2)) (normalized) have mean the exact score, and lie in [0, 2R), R = n / (n-1), since
 * delta'_s(v) < n - 2 (each target adds a share below 1). Serfling's inequality for sampling
 * without replacement (R. J. Serfling, "Probability inequalities for the sum in sampling without
 * replacement", Annals of Statistics 2(1), 1974, pp. 39-48, corollary 1.1) gives
 *   P(|estimate - exact| >= eps) <= 2 exp(-2 k eps^2 / ((1 - (k-1)/n) (2R)^2)),
 * hence, with probability at least `confidence` = 1 - alpha,
 *   perNode:  |error of one given node| <= 2R * sqrt((1 - (k-1)/n) ln(2 / alpha) / (2k))
 *   allNodes: |error of every node|     <= 2R * sqrt((1 - (k-1)/n) ln(2n / alpha) / (2k))
 * This bound is rigorous but loose: the doubled term has twice the range of the plain estimator's
 * (graph/betweennessSampled, Hoeffding), though a much smaller variance in practice, and the bound
 * uses only the range. With k = 1024 of 50,000 nodes it is 0.08 on a 0..1 scale, which says little
 * of scores that are mostly far smaller: what was measured is in `EMPIRICAL` below and in the
 * bench table (npm run bench).
 *
 * Weighted runs read tie weights as lengths, as graph/betweenness does, and need them > 0: the
 * factor d(s, v) / d(s, w) is undefined across a zero-length tie.
 */
import {
  type BrandesScratch,
  checkGraph,
  createScratch,
  forwardBfs,
  resetSearch,
  forwardDijkstra,
  nodeScale,
  resolveOptions,
  betweenness,
} from "../../graph/algorithms/betweenness.js";
import { drawPivots, type SampledBetweennessOptions } from "../../graph/algorithms/betweennessSampled.js";
import { mulberry32 } from "../../graph/algorithms/random.js";
import type { CsrGraph } from "../../graph/csr.js";
import type { EstimatorPool } from "./estimatorPool.js";

const MODULE = "bench/betweennessScaled";

export type ScaledBetweennessOptions = SampledBetweennessOptions;

/** k = 1024 pivots: the bench table sets it beside uniform pivots and exact betweenness. */
export const DEFAULTS: Required<Omit<ScaledBetweennessOptions, "rng">> = { weighted: false, normalized: true, k: 1024, seed: 1, confidence: 0.95 };

/** What was measured, stated with every estimate since the rigorous bound is loose. */
export const EMPIRICAL =
  "on the 5,000-node / 25,000-tie bench graph, seeds 1, 2, 3, 7, 11, 13, against exact betweenness: " +
  "k = 1024: Spearman 0.995-0.996, top-20 overlap 80-90%; k = 2048: Spearman 0.998, top-20 overlap 90-95%; " +
  "the relative error of single top-25 nodes was still up to 5% with k = 4000";

export interface ScaledBetweenness {
  values: Float64Array;
  estimator: "exact" | "linear-scaling";
  /** Pivots used: n when exact. */
  k: number;
  /** Seed of the generator that drew the pivots; null when the caller gave `rng` or nothing was drawn. */
  seed: number | null;
  pivots: Int32Array;
  error: {
    confidence: number;
    /** Bounds on |estimate - exact|, in the units of `values`, each holding with probability >= confidence. */
    perNode: number;
    allNodes: number;
    /** How the bounds were obtained, and what was measured. */
    basis: string;
  };
}

/**
 * Adds source `source`'s linearly scaled dependencies delta'_s(v) to `into` (one value per node);
 * returns how many nodes the source reaches. Weighted: lengths must be > 0 (checked by the callers).
 */
export function accumulateLinearFromSource(graph: CsrGraph, source: number, scratch: BrandesScratch, into: Float64Array, weighted: boolean): number {
  if (!(Number.isInteger(source) && source >= 0 && source < graph.nodeCount)) throw new Error(`${MODULE}: source ${source} does not exist`);
  if (into.length !== graph.nodeCount) throw new Error(`${MODULE}: the accumulator must hold one value per node`);
  if (weighted) {
    if (scratch.heap.length < 2 * graph.edgeCount + 1) throw new Error(`${MODULE}: scratch was created without room for weighted searches`);
    const reached = forwardDijkstra(graph, source, scratch);
    backwardDijkstraLinear(graph, scratch, reached, into);
    return resetSearch(scratch, reached, true);
  }
  const levels = forwardBfs(graph, source, scratch);
  const reached = scratch.levelStart[levels]!;
  backwardLevelsLinear(graph, scratch, levels, into);
  return resetSearch(scratch, reached, false);
}

/**
 * graph/betweenness's level-by-level backward pass, with coeff[w] = (1 + delta'[w]) / (sigma[w] d(s, w))
 * and delta'[v] = sigma[v] d(s, v) * (sum of coeff over v's row): only the level below is nonzero.
 *
 * With an `offset` l (> -1), the pair (s, t)'s share credited to s is (d(s, v) + l) / (d(s, t) + 2l)
 * instead of d(s, v) / d(s, t) (bench/betweennessStrata explains why): then
 * coeff[w] = (1 / (d(s, w) + 2l) + delta[w] / (d(s, w) + l)) / sigma[w] and delta[v] = sigma[v] (d(s, v) + l) * row sum.
 */
export function backwardLevelsLinear(graph: CsrGraph, sc: BrandesScratch, levels: number, nodes: Float64Array, offset = 0): void {
  const { offsets, targets } = graph;
  const { order, levelStart, sigma, delta, coeff } = sc;
  for (let level = levels - 1; level >= 1; level -= 1) {
    const lo = levelStart[level]!;
    const hi = levelStart[level + 1]!;
    const share = level + offset;
    if (level === levels - 1) {
      for (let j = lo; j < hi; j += 1) delta[order[j]!] = 0;
    } else {
      for (let j = lo; j < hi; j += 1) {
        const v = order[j]!;
        let sum = 0;
        for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) sum += coeff[targets[i]!]!;
        delta[v] = sum * sigma[v]! * share;
      }
    }
    // Level 1's coefficients would only reach the source, whose own share is not counted.
    const asTarget = level === 1 ? 0 : 1 / (level + 2 * offset);
    const asThrough = level === 1 ? 0 : 1 / share;
    for (let j = lo; j < hi; j += 1) {
      const v = order[j]!;
      const d = delta[v]!;
      nodes[v]! += d;
      coeff[v] = (asTarget + d * asThrough) / sigma[v]!;
    }
  }
}

/**
 * Backward over Dijkstra's settling order, the source (order[0]) excluded; predecessors found by the
 * same float test as graph/betweenness. The source's own d(s, s) = 0 makes its share 0.
 */
function backwardDijkstraLinear(graph: CsrGraph, sc: BrandesScratch, reached: number, nodes: Float64Array): void {
  const { offsets, targets, weights } = graph;
  const { order, dist, sigma, delta } = sc;
  for (let j = reached - 1; j >= 1; j -= 1) {
    const w = order[j]!;
    const dw = dist[w]!;
    const coeff = (1 + delta[w]!) / (sigma[w]! * dw);
    for (let i = offsets[w]!, end = offsets[w + 1]!; i < end; i += 1) {
      const v = targets[i]!;
      const dv = dist[v]!;
      if (dv + weights[i]! !== dw) continue;
      delta[v]! += sigma[v]! * dv * coeff;
    }
    nodes[w]! += delta[w]!;
  }
}

/** Sums linearly scaled dependencies of the given sources on one thread. */
export function sumLinearDependencies(graph: CsrGraph, sources: ArrayLike<number>, weighted: boolean): Float64Array {
  const sums = new Float64Array(graph.nodeCount);
  const scratch = createScratch(graph, { weighted });
  for (let j = 0; j < sources.length; j += 1) accumulateLinearFromSource(graph, sources[j]!, scratch, sums, weighted);
  return sums;
}

/** Serfling's bound for k pivots of n, on terms of range 2R (see the header), in normalized or raw units. */
export function linearScalingError(nodeCount: number, k: number, confidence: number, normalized: boolean): { perNode: number; allNodes: number } {
  const n = nodeCount;
  if (k >= n || n <= 2) return { perNode: 0, allNodes: 0 };
  const alpha = 1 - confidence;
  const range = (2 * n) / (n - 1);
  const units = normalized ? 1 : ((n - 1) * (n - 2)) / 2;
  const shrink = 1 - (k - 1) / n;
  return {
    perNode: units * range * Math.sqrt((shrink * Math.log(2 / alpha)) / (2 * k)),
    allNodes: units * range * Math.sqrt((shrink * Math.log((2 * n) / alpha)) / (2 * k)),
  };
}

interface Plan {
  n: number;
  weighted: boolean;
  normalized: boolean;
  k: number;
  seed: number | null;
  confidence: number;
  pivots: Int32Array | null;
}

function plan(graph: CsrGraph, options: ScaledBetweennessOptions): Plan {
  const { rng: givenRng, ...rest } = options ?? {};
  const { weighted, normalized, k, seed, confidence } = resolveOptions(MODULE, DEFAULTS, rest);
  checkGraph(MODULE, graph, weighted);
  if (!Number.isInteger(k) || k < 1) throw new Error(`${MODULE}: k must be a positive integer, got ${k}`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`${MODULE}: confidence must lie strictly between 0 and 1, got ${confidence}`);
  if (givenRng !== undefined && typeof givenRng !== "function") throw new Error(`${MODULE}: rng must be a function returning numbers in [0, 1)`);
  const n = graph.nodeCount;
  if (k >= n) return { n, weighted, normalized, k: n, seed: null, confidence, pivots: null };
  if (weighted) {
    for (let i = 0; i < graph.weights.length; i += 1) {
      if (graph.weights[i] === 0) {
        const e = graph.edgeOf[i]!;
        throw new Error(`${MODULE}: tie ${graph.edgeSource[e]}-${graph.edgeTarget[e]} has length 0; linear scaling needs lengths > 0`);
      }
    }
  }
  const pivots = drawPivots(n, k, givenRng ?? mulberry32(seed));
  return { n, weighted, normalized, k, seed: givenRng === undefined ? seed : null, confidence, pivots };
}

function finish(p: Plan, sums: Float64Array | null, exact: Float64Array | null): ScaledBetweenness {
  if (p.pivots === null) {
    return {
      values: exact!,
      estimator: "exact",
      k: p.n,
      seed: null,
      pivots: Int32Array.from({ length: p.n }, (_, v) => v),
      error: { confidence: p.confidence, perNode: 0, allNodes: 0, basis: "exact: every node was a source" },
    };
  }
  const scale = (2 * nodeScale(p.n, p.normalized) * p.n) / p.k;
  return {
    values: sums!.map((sum) => sum * scale),
    estimator: "linear-scaling",
    k: p.k,
    seed: p.seed,
    pivots: p.pivots,
    error: {
      confidence: p.confidence,
      ...linearScalingError(p.n, p.k, p.confidence, p.normalized),
      basis: `Serfling's inequality (sampling without replacement) on terms of range 2n/(n-1); rigorous and loose. Measured: ${EMPIRICAL}`,
    },
  };
}

/** Linear-scaling estimate of betweenness on the calling thread. */
export function scaledBetweenness(graph: CsrGraph, options: ScaledBetweennessOptions = {}): ScaledBetweenness {
  const p = plan(graph, options);
  if (p.pivots === null) return finish(p, null, betweenness(graph, { weighted: p.weighted, normalized: p.normalized }));
  return finish(p, sumLinearDependencies(graph, p.pivots, p.weighted), null);
}

/** The same estimate, the pivots' searches spread over a worker pool (bench/estimatorPool); identical pivots for a seed. */
export async function scaledBetweennessParallel(pool: EstimatorPool, graph: CsrGraph, options: ScaledBetweennessOptions = {}): Promise<ScaledBetweenness> {
  const p = plan(graph, options);
  if (p.pivots === null) return finish(p, null, await pool.betweenness(graph, { weighted: p.weighted, normalized: p.normalized }));
  return finish(p, await pool.sumDependencies(graph, { kernel: "linear", weighted: p.weighted, sources: p.pivots }), null);
}
