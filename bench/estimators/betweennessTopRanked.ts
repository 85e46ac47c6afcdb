/**
 * bench/betweennessTopRanked: betweenness estimated from k pivot sources, spending the budget in
 * two phases so that the highest-ranked nodes come out right, not only the overall ranking.
 *
 * D. A. Bader, S. Kintali, K. Madduri and M. Mihail, "Approximating betweenness centrality",
 * WAW 2007, LNCS 4863, pp. 124-137. doi:10.1007/978-3-540-77004-6_10 (adaptive sampling: keep
 * drawing sources until a stopping rule on the running estimate holds).
 * M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via Random
 * Approximation", ESA 2016, doi:10.4230/LIPIcs.ESA.2016.20 (top-k mode: stop once the confidence
 * intervals of the top k no longer overlap those of the rest).
 * R. Geisberger, P. Sanders and D. Schultes, "Better approximation of betweenness centrality",
 * ALENEX 2008, doi:10.1137/1.9781611972887.9 (the linearly scaled per-source dependencies used
 * here; see bench/betweennessScaled).
 * W. G. Cochran, "Sampling Techniques", 3rd ed., Wiley, 1977, section 5A.9 (post-stratification:
 * a simple random sample re-weighted by known stratum sizes; unbiased given every stratum is hit).
 *
 * Why two phases. The goal is the exact top ranks: the nodes around rank `top` score nearly alike,
 * and one pivot's term for them spreads widely (linear scaling narrows it, not enough), so plain
 * sampling would need almost every source to order them. Most of that spread comes from how far
 * the pivot is from the node: a pivot next to a hub credits it with far more than a distant one.
 * Distances FROM a node are one breadth-first search away, so for a few candidate nodes the number
 * of sources at each distance is known exactly and each candidate's sample can be post-stratified
 * by distance, which removes the part of the variance due to distance. Second, each pair's credit
 * goes mostly to its end farther from the node (share offset -0.9, bench/betweennessStrata), which
 * evens out the terms of pivots near a hub, at the same cost. The bench table gives the quality
 * reached over seeds.
 *
 * How, for a budget of k pivots drawn uniformly without replacement (one seeded Fisher-Yates
 * shuffle, so the pivots of both phases together are a simple random sample):
 * 1. Phase 1: the first half of the pivots; the kernel (bench/betweennessStrata) records each node's
 *    scaled dependencies per distance class to the pivot. Candidates: the top 3 x `top` by the plain
 *    estimate, plus any node whose interval (estimate +- z standard errors) reaches the interval of
 *    the `top`-th, at most 10 x `top`. One breadth-first search from each candidate counts the
 *    sources at each distance.
 * 2. Phase 2: the other half, in `rounds` rounds. After each, the candidates' post-stratified
 *    estimates and standard errors are recomputed, and sampling stops early once the `top` best
 *    candidates' intervals lie above every other node's (KADABRA's top-k rule, here on normal
 *    intervals from the sample variances rather than their bounds: a heuristic stop, not a
 *    guarantee).
 * Values: candidates get their post-stratified estimate, every other node the plain linear-scaling
 * estimate from all pivots drawn; both are unbiased (post-stratification up to classes no pivot
 * fell in, merged with the next one). Unweighted graphs only: the strata are hop distances.
 */
import { betweenness, checkGraph, createScratch, nodeScale, resolveOptions } from "../../graph/algorithms/betweenness.js";
import { drawPivots } from "../../graph/algorithms/betweennessSampled.js";
import { mulberry32 } from "../../graph/algorithms/random.js";
import type { CsrGraph } from "../../graph/csr.js";
import { accumulateStrataFromSource, STRATUM_WIDTH } from "./betweennessStrata.js";
import type { EstimatorPool } from "./estimatorPool.js";

const MODULE = "bench/betweennessTopRanked";

export interface TopRankedBetweennessOptions {
  /** Pivot budget, both phases together; k >= n computes the exact scores. @default 1024 */
  k?: number;
  /** How many top nodes to rank right. @default 20 */
  top?: number;
  /** Seed of the default generator (mulberry32). @default 1 */
  seed?: number;
  /** Random numbers in [0, 1); replaces the seeded generator. */
  rng?: () => number;
  /** Distance classes for post-stratification: 1, 2, ..., classes - 1 hops, and farther. @default 7 */
  classes?: number;
  /** How each pair's credit is split between its ends (bench/betweennessStrata): > -1; 0 is linear scaling. @default -0.9 */
  offset?: number;
  /** Rounds of phase 2, each followed by the stopping test. @default 4 */
  rounds?: number;
  /** Coverage of the normal intervals used to pick candidates and to stop. @default 0.95 */
  confidence?: number;
  /** Divide by the number of pairs, as NetworkX does. @default true */
  normalized?: boolean;
}

export const DEFAULTS: Required<Omit<TopRankedBetweennessOptions, "rng">> = {
  k: 1024,
  top: 20,
  seed: 1,
  classes: 7,
  offset: -0.9,
  rounds: 4,
  confidence: 0.95,
  normalized: true,
};

export interface TopRankedBetweenness {
  values: Float64Array;
  estimator: "exact" | "two-phase-post-stratified";
  /** Pivots searched (fewer than the budget when phase 2 stopped early; n when exact). */
  k: number;
  seed: number | null;
  pivots: Int32Array;
  /** Nodes sharpened in phase 2, best first by their final estimate. */
  candidates: Int32Array;
  /** Estimated standard error of each value, in the units of `values` (0 when exact). */
  standardError: Float64Array;
  stoppedEarly: boolean;
}

/** Sums of the strata kernel over some sources: on the calling thread, or on a pool. */
type StrataSum = (sources: Int32Array) => Promise<Float64Array>;

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Sources at each distance class from `v` (class c: c + 1 hops, the last class farther), by breadth-first search. */
export function distanceClassSizes(graph: CsrGraph, v: number, classes: number, depth: Int32Array, queue: Int32Array): Float64Array {
  const sizes = new Float64Array(classes);
  depth[v] = 0;
  queue[0] = v;
  let tail = 1;
  for (let head = 0; head < tail; head += 1) {
    const u = queue[head]!;
    const next = depth[u]! + 1;
    for (let i = graph.offsets[u]!, end = graph.offsets[u + 1]!; i < end; i += 1) {
      const w = graph.targets[i]!;
      if (depth[w] !== -1) continue;
      depth[w] = next;
      queue[tail++] = w;
      sizes[Math.min(next, classes) - 1]! += 1;
    }
  }
  for (let j = 0; j < tail; j += 1) depth[queue[j]!] = -1;
  return sizes;
}

/** Plain estimate and standard error of the sum over all n sources, from m pivots' strata sums. */
function plainEstimate(sums: Float64Array, v: number, classes: number, n: number, m: number): { sum: number; se: number } {
  let total = 0;
  let squares = 0;
  for (let c = 0, at = v * STRATUM_WIDTH * classes; c < classes; c += 1, at += STRATUM_WIDTH) {
    total += sums[at]!;
    squares += sums[at + 1]!;
  }
  const mean = total / m;
  const variance = m > 1 ? Math.max(0, (squares - m * mean * mean) / (m - 1)) : 0;
  return { sum: n * mean, se: n * Math.sqrt(((1 - m / n) * variance) / m) };
}

/**
 * Post-stratified estimate of v's sum over all sources: each distance class's sample mean times its
 * known size; a class no pivot fell in is merged with the next one (the last with the one before).
 */
function stratifiedEstimate(sums: Float64Array, v: number, sizes: Float64Array, classes: number): { sum: number; se: number } {
  let sum = 0;
  let variance = 0;
  let carried = 0;
  let last = -1;
  const base = v * STRATUM_WIDTH * classes;
  const term = (c: number, size: number) => {
    const at = base + c * STRATUM_WIDTH;
    const m = sums[at + 2]!;
    const mean = sums[at]! / m;
    const s2 = m > 1 ? Math.max(0, (sums[at + 1]! - m * mean * mean) / (m - 1)) : 0;
    sum += size * mean;
    variance += size > m ? (size * size * (1 - m / size) * s2) / m : 0;
  };
  for (let c = 0; c < classes; c += 1) {
    const size = sizes[c]! + carried;
    if (size === 0) continue;
    if (sums[base + c * STRATUM_WIDTH + 2]! === 0) {
      carried = size;
      continue;
    }
    term(c, size);
    carried = 0;
    last = c;
  }
  if (carried > 0 && last >= 0) {
    // Trailing classes without pivots: re-weight the last sampled class to cover them too.
    const at = base + last * STRATUM_WIDTH;
    sum += (carried * sums[at]!) / sums[at + 2]!;
  }
  return { sum, se: Math.sqrt(variance) };
}

interface Plan {
  n: number;
  k: number;
  top: number;
  classes: number;
  offset: number;
  rounds: number;
  z: number;
  normalized: boolean;
  seed: number | null;
  pivots: Int32Array | null;
}

function plan(graph: CsrGraph, options: TopRankedBetweennessOptions): Plan {
  const { rng: givenRng, ...rest } = options ?? {};
  const { k, top, seed, classes, offset, rounds, confidence, normalized } = resolveOptions(MODULE, DEFAULTS, rest);
  checkGraph(MODULE, graph, false);
  for (const [name, value] of Object.entries({ k, top, classes, rounds })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${MODULE}: ${name} must be a positive integer, got ${value}`);
  }
  if (!(Number.isFinite(offset) && offset > -1)) throw new Error(`${MODULE}: offset must be a number above -1, got ${offset}`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`${MODULE}: confidence must lie strictly between 0 and 1, got ${confidence}`);
  if (givenRng !== undefined && typeof givenRng !== "function") throw new Error(`${MODULE}: rng must be a function returning numbers in [0, 1)`);
  const n = graph.nodeCount;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  if (k >= n) return { n, k: n, top, classes, offset, rounds, z, normalized, seed: null, pivots: null };
  const pivots = drawPivots(n, k, givenRng ?? mulberry32(seed));
  return { n, k, top, classes, offset, rounds, z, normalized, seed: givenRng === undefined ? seed : null, pivots };
}

function exactResult(p: Plan, values: Float64Array): TopRankedBetweenness {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
  return {
    values,
    estimator: "exact",
    k: p.n,
    seed: null,
    pivots: Int32Array.from({ length: p.n }, (_, v) => v),
    candidates: Int32Array.from(order.slice(0, Math.min(p.n, 3 * p.top))),
    standardError: new Float64Array(p.n),
    stoppedEarly: false,
  };
}

/** Candidates for the top ranks from plain estimates (see the header), best first. */
function pickCandidates(estimate: Float64Array, se: Float64Array, top: number, z: number): Int32Array {
  const n = estimate.length;
  const order = Array.from({ length: n }, (_, v) => v).sort((a, b) => estimate[b]! - estimate[a]! || a - b);
  const pivot = order[Math.min(top, n) - 1]!;
  const floor = estimate[pivot]! - z * se[pivot]!;
  const picked = order.filter((v, rank) => rank < 3 * top || estimate[v]! + z * se[v]! >= floor);
  return Int32Array.from(picked.slice(0, Math.min(n, 10 * top)));
}

async function estimate(graph: CsrGraph, p: Plan, pivots: Int32Array, sumStrata: StrataSum): Promise<TopRankedBetweenness> {
  const { n, top, classes, z } = p;
  const k1 = Math.ceil(pivots.length / 2);
  const sums = await sumStrata(pivots.subarray(0, k1));
  let used = k1;
  const plainValues = () => {
    const values = new Float64Array(n);
    const errors = new Float64Array(n);
    for (let v = 0; v < n; v += 1) {
      const { sum, se } = plainEstimate(sums, v, classes, n, used);
      values[v] = sum;
      errors[v] = se;
    }
    return { values, errors };
  };
  const phase1 = plainValues();
  const candidates = pickCandidates(phase1.values, phase1.errors, top, z);
  // Phase 2's rounds end at distinct positions; the first runs (on a pool) while this thread counts
  // the candidates' distance classes.
  const ends = [...new Set(Array.from({ length: p.rounds }, (_, r) => k1 + Math.round(((pivots.length - k1) * (r + 1)) / p.rounds)))].filter((end) => end > k1);
  let pending = ends.length > 0 ? sumStrata(pivots.subarray(k1, ends[0])) : null;
  // Awaited below: a failure meanwhile must not count as unhandled.
  pending?.catch(() => undefined);
  await nextTurn();
  const depth = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes = Array.from(candidates, (v) => distanceClassSizes(graph, v, classes, depth, queue));
  const isCandidate = new Uint8Array(n);
  for (const v of candidates) isCandidate[v] = 1;

  let stoppedEarly = false;
  for (let round = 0; pending !== null; round += 1) {
    const more = await pending;
    for (let i = 0; i < sums.length; i += 1) sums[i]! += more[i]!;
    used = ends[round]!;
    pending = null;
    if (round + 1 < ends.length) {
      if (separated(sums, candidates, sizes, isCandidate, p, used)) stoppedEarly = true;
      else pending = sumStrata(pivots.subarray(used, ends[round + 1]));
    }
  }
  const { values, errors } = plainValues();
  candidates.forEach((v, j) => {
    const { sum, se } = stratifiedEstimate(sums, v, sizes[j]!, classes);
    values[v] = sum;
    errors[v] = se;
  });
  // Sums over ordered (source, target) pairs of doubled scaled dependencies, then NetworkX's scale.
  const scale = 2 * nodeScale(n, p.normalized);
  for (let v = 0; v < n; v += 1) {
    values[v]! *= scale;
    errors[v]! *= scale;
  }
  const ranked = Int32Array.from(Array.from(candidates).sort((a, b) => values[b]! - values[a]! || a - b));
  return {
    values,
    estimator: "two-phase-post-stratified",
    k: used,
    seed: p.seed,
    pivots: pivots.slice(0, used),
    candidates: ranked,
    standardError: errors,
    stoppedEarly,
  };
}

/** KADABRA's top-k test on normal intervals: the best `top` candidates' lower ends above every other node's upper end. */
function separated(sums: Float64Array, candidates: Int32Array, sizes: Float64Array[], isCandidate: Uint8Array, p: Plan, used: number): boolean {
  const { n, top, classes, z } = p;
  if (candidates.length <= top) return false;
  const scored = Array.from(candidates, (v, j) => ({ v, ...stratifiedEstimate(sums, v, sizes[j]!, classes) })).sort((a, b) => b.sum - a.sum);
  let lowestTop = Infinity;
  for (const c of scored.slice(0, top)) lowestTop = Math.min(lowestTop, c.sum - z * c.se);
  let highestRest = -Infinity;
  for (const c of scored.slice(top)) highestRest = Math.max(highestRest, c.sum + z * c.se);
  for (let v = 0; v < n; v += 1) {
    if (isCandidate[v] === 1) continue;
    const { sum, se } = plainEstimate(sums, v, classes, n, used);
    highestRest = Math.max(highestRest, sum + z * se);
  }
  return lowestTop > highestRest;
}

/** Lets a pool post the work just queued before this thread goes on computing. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The estimate on the calling thread. */
export async function topRankedBetweenness(graph: CsrGraph, options: TopRankedBetweennessOptions = {}): Promise<TopRankedBetweenness> {
  const p = plan(graph, options);
  if (p.pivots === null) return exactResult(p, betweenness(graph, { normalized: p.normalized }));
  const scratch = createScratch(graph, { weighted: false });
  const width = STRATUM_WIDTH * p.classes;
  return estimate(graph, p, p.pivots, async (sources) => {
    const into = new Float64Array(graph.nodeCount * width);
    for (const s of sources) accumulateStrataFromSource(graph, s, scratch, into, p.classes, p.offset);
    return into;
  });
}

/** The same estimate, every search on a worker pool (bench/estimatorPool): equal up to rounding for a seed. */
export async function topRankedBetweennessParallel(
  pool: EstimatorPool,
  graph: CsrGraph,
  options: TopRankedBetweennessOptions = {},
): Promise<TopRankedBetweenness> {
  const p = plan(graph, options);
  if (p.pivots === null) return exactResult(p, await pool.betweenness(graph, { normalized: p.normalized }));
  return estimate(graph, p, p.pivots, (sources) =>
    pool.sumDependencies(graph, { kernel: "strata", weighted: false, sources, classes: p.classes, offset: p.offset }),
  );
}
