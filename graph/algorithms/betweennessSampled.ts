/**
 * graph/betweennessSampled: betweenness estimated from k pivot sources, with a stated error.
 *
 * U. Brandes and C. Pich, "Centrality estimation in large networks", International Journal of
 * Bifurcation and Chaos 17(7), 2007, pp. 2303-2318. doi:10.1142/S0218127407018403
 * (k pivots drawn uniformly without replacement; their dependencies scaled by n/k are an unbiased
 * estimate of the sums over all n sources. Random pivots, their "RAN" strategy, is the one whose
 * error can be bounded; the smarter pivot strategies they compare are biased.)
 * W. Hoeffding, "Probability inequalities for sums of bounded random variables", Journal of the
 * American Statistical Association 58(301), 1963, pp. 13-30. doi:10.1080/01621459.1963.10500830
 * (section 6: the bound holds as well for sampling without replacement), applied to pivots as
 * D. Eppstein and J. Wang did for closeness ("Fast approximation of centrality", Journal of Graph
 * Algorithms and Applications 8(1), 2004, pp. 39-45).
 *
 * Stated error. For a node v, pivot s contributes X_s = n * delta_s(v) / ((n-1)(n-2)), which lies
 * in [0, R] with R = n / (n-1), since delta_s(v) <= n - 2 (one at most per target t, t not s or v).
 * The normalized estimate is the mean of the k draws, and its expectation is the exact normalized
 * score, so by Hoeffding P(|estimate - exact| >= eps) <= 2 exp(-2 k eps^2 / R^2). Hence, with
 * probability at least `confidence` = 1 - alpha:
 *   perNode:  |error of one given node| <= R * sqrt(ln(2 / alpha) / (2k))
 *   allNodes: |error of every node|     <= R * sqrt(ln(2n / alpha) / (2k))   (union bound)
 * Raw scores carry the same bounds times (n-1)(n-2)/2. k >= n is exact, with error 0. The bound
 * is worst-case and loose (k = 64 on 150 nodes gives 0.17 on a 0..1 scale): it does not use that
 * most dependencies are far below n - 2.
 *
 * Seam for adaptive schemes: `createPivotSums`, `addPivot` and `estimateFromPivots` keep the
 * running sums, so a scheme that draws pivots in rounds until its own stopping rule holds (Bader,
 * Kintali, Madduri and Mihail, "Approximating betweenness centrality", WAW 2007,
 * doi:10.1007/978-3-540-77004-6_10; or path sampling with VC-dimension bounds, Riondato and
 * Kornaropoulos, Data Mining and Knowledge Discovery 30(2), 2016, doi:10.1007/s10618-015-0423-0)
 * can reuse them and report its own `estimator` and `error`.
 */
import type { CsrGraph } from "../csr.js";
import {
  accumulateFromSource,
  betweenness,
  checkGraph,
  createScratch,
  nodeScale,
  resolveOptions,
  type BetweennessOptions,
  type BrandesScratch,
} from "./betweenness.js";
import { mulberry32 } from "./random.js";

export interface SampledBetweennessOptions extends BetweennessOptions {
  /** Number of pivot sources; k >= n computes the exact scores. @default 256 */
  k?: number;
  /** Seed of the default generator (mulberry32), reported back. @default 1 */
  seed?: number;
  /** Random numbers in [0, 1); replaces the seeded generator, and `seed` is then reported as null. */
  rng?: () => number;
  /** Probability with which each stated error bound holds. @default 0.95 */
  confidence?: number;
}

export const DEFAULTS: Required<Omit<SampledBetweennessOptions, "rng">> = { weighted: false, normalized: true, k: 256, seed: 1, confidence: 0.95 };

export interface SampledBetweenness {
  values: Float64Array;
  estimator: "exact" | "uniform-pivots";
  /** Pivots used: n when exact. */
  k: number;
  /** Seed of the generator that drew the pivots; null when the caller gave `rng` or nothing was drawn. */
  seed: number | null;
  pivots: Int32Array;
  /** Bounds on |estimate - exact|, in the units of `values`, each holding with probability >= confidence. */
  error: { confidence: number; perNode: number; allNodes: number };
}

export interface PivotSums {
  readonly graph: CsrGraph;
  readonly weighted: boolean;
  readonly scratch: BrandesScratch;
  /** Dependencies summed over the pivots added so far (ordered pairs, unscaled). */
  readonly sums: Float64Array;
  count: number;
}

export function createPivotSums(graph: CsrGraph, weighted: boolean): PivotSums {
  return { graph, weighted, scratch: createScratch(graph, { weighted }), sums: new Float64Array(graph.nodeCount), count: 0 };
}

export function addPivot(state: PivotSums, source: number): void {
  accumulateFromSource(state.graph, source, state.scratch, { nodes: state.sums, ties: null }, { weighted: state.weighted, groups: null });
  state.count += 1;
}

/** Scales the sums as NetworkX's betweenness_centrality(k=...) does: its usual factor times n / k. */
export function estimateFromPivots(state: PivotSums, normalized: boolean): Float64Array {
  const n = state.graph.nodeCount;
  const scale = state.count === 0 ? 0 : (nodeScale(n, normalized) * n) / state.count;
  return state.sums.map((sum) => sum * scale);
}

/** Hoeffding bounds for k uniform pivots (see the header), in normalized or raw units. */
export function hoeffdingError(nodeCount: number, k: number, confidence: number, normalized: boolean): { perNode: number; allNodes: number } {
  const n = nodeCount;
  if (k >= n || n <= 2) return { perNode: 0, allNodes: 0 };
  const alpha = 1 - confidence;
  const range = n / (n - 1);
  const units = normalized ? 1 : ((n - 1) * (n - 2)) / 2;
  return {
    perNode: units * range * Math.sqrt(Math.log(2 / alpha) / (2 * k)),
    allNodes: units * range * Math.sqrt(Math.log((2 * n) / alpha) / (2 * k)),
  };
}

/** k distinct nodes, uniformly: the first k steps of a Fisher-Yates shuffle. */
export function drawPivots(nodeCount: number, k: number, rng: () => number): Int32Array {
  const nodes = Int32Array.from({ length: nodeCount }, (_, v) => v);
  for (let i = 0; i < k; i += 1) {
    const r = rng();
    if (!(r >= 0 && r < 1)) throw new Error(`graph/betweennessSampled: rng returned ${r}, outside [0, 1)`);
    const j = i + Math.floor(r * (nodeCount - i));
    const picked = nodes[j]!;
    nodes[j] = nodes[i]!;
    nodes[i] = picked;
  }
  return nodes.slice(0, k);
}

export function sampledBetweenness(graph: CsrGraph, options: SampledBetweennessOptions = {}): SampledBetweenness {
  const module = "graph/betweennessSampled";
  const { rng: givenRng, ...rest } = options ?? {};
  const { weighted, normalized, k, seed, confidence } = resolveOptions(module, DEFAULTS, rest);
  checkGraph(module, graph, weighted);
  if (!Number.isInteger(k) || k < 1) throw new Error(`${module}: k must be a positive integer, got ${k}`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`${module}: confidence must lie strictly between 0 and 1, got ${confidence}`);
  if (givenRng !== undefined && typeof givenRng !== "function") throw new Error(`${module}: rng must be a function returning numbers in [0, 1)`);
  const n = graph.nodeCount;
  if (k >= n) {
    return {
      values: betweenness(graph, { weighted, normalized }),
      estimator: "exact",
      k: n,
      seed: null,
      pivots: Int32Array.from({ length: n }, (_, v) => v),
      error: { confidence, perNode: 0, allNodes: 0 },
    };
  }
  const pivots = drawPivots(n, k, givenRng ?? mulberry32(seed));
  const state = createPivotSums(graph, weighted);
  for (const pivot of pivots) addPivot(state, pivot);
  return {
    values: estimateFromPivots(state, normalized),
    estimator: "uniform-pivots",
    k,
    seed: givenRng === undefined ? seed : null,
    pivots,
    error: { confidence, ...hoeffdingError(n, k, confidence, normalized) },
  };
}
