/**
 * graph/similarity: how alike two actors are, by the partners they share or by their scores.
 *
 * L. A. Adamic and E. Adar, "Friends and neighbors on the Web", Social Networks 25(3), 2003,
 * pp. 211-230. doi:10.1016/S0378-8733(03)00009-1
 * D. Liben-Nowell and J. Kleinberg, "The link-prediction problem for social networks", Journal of
 * the American Society for Information Science and Technology 58(7), 2007, pp. 1019-1031.
 * doi:10.1002/asi.20591
 *
 * - Jaccard: |N(u) ∩ N(v)| / |N(u) ∪ N(v)|, 0 when both have no partner (nx.jaccard_coefficient).
 * - Adamic-Adar: sum over common partners w of 1 / ln(deg w): a partner shared by few weighs more
 *   (nx.adamic_adar_index). A common partner has at least two ties, so ln(deg w) > 0.
 * Both count ties whatever their weight. A pair must name two different nodes.
 *
 * - Cosine of two numeric vectors (e.g. practice-assessment scores, one entry per practice, in the
 *   same order): a·b / (|a| |b|). Convention: 0 when either vector is all zeros, as scikit-learn's
 *   cosine_similarity; an actor with no score at all shares no direction with anyone (itself
 *   included), which keeps the value in [-1, 1] and such actors at the bottom of any ranking.
 */
import type { CsrGraph } from "../csr.js";

export type NeighbourhoodMeasure = "jaccard" | "adamicAdar";

export interface MostSimilarOptions {
  /** How many nodes to return at most. @default 10 */
  k?: number;
  /** @default "jaccard" */
  measure?: NeighbourhoodMeasure;
  /** Leave out v's current partners (link prediction); keep them to find look-alikes. @default false */
  excludeNeighbours?: boolean;
}

export const DEFAULTS: Required<MostSimilarOptions> = { k: 10, measure: "jaccard", excludeNeighbours: false };

export interface Ranking {
  nodes: Int32Array;
  scores: Float64Array;
}

function checkGraph(graph: CsrGraph): void {
  if (graph === null || typeof graph !== "object" || !(graph.offsets instanceof Int32Array) || graph.offsets.length !== graph.nodeCount + 1) {
    throw new Error("graph/similarity: expected a CsrGraph (see graph/csr.ts)");
  }
}

function checkNode(graph: CsrGraph, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) throw new Error(`graph/similarity: node ${v} does not exist`);
}

function checkPairs(graph: CsrGraph, pairs: ReadonlyArray<readonly [number, number]>): void {
  if (!Array.isArray(pairs)) throw new Error("graph/similarity: pairs must be an array of [u, v]");
  for (const pair of pairs) {
    const [u, v] = pair;
    checkNode(graph, u);
    checkNode(graph, v);
    if (u === v) throw new Error(`graph/similarity: pair (${u}, ${v}) names the same node twice`);
  }
}

function degree(graph: CsrGraph, v: number): number {
  return graph.offsets[v + 1]! - graph.offsets[v]!;
}

/** Walks the common partners of u and v by merging their sorted rows (csrFromTies sorts them). */
function forEachCommon(graph: CsrGraph, u: number, v: number, visit: (w: number) => void): void {
  const { offsets, targets } = graph;
  let i = offsets[u]!;
  let j = offsets[v]!;
  const iEnd = offsets[u + 1]!;
  const jEnd = offsets[v + 1]!;
  while (i < iEnd && j < jEnd) {
    const a = targets[i]!;
    const b = targets[j]!;
    if (a === b) {
      visit(a);
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
}

function jaccardOf(graph: CsrGraph, u: number, v: number): number {
  let common = 0;
  forEachCommon(graph, u, v, () => (common += 1));
  const union = degree(graph, u) + degree(graph, v) - common;
  return union === 0 ? 0 : common / union;
}

function adamicAdarOf(graph: CsrGraph, u: number, v: number): number {
  const degrees: number[] = [];
  forEachCommon(graph, u, v, (w) => degrees.push(degree(graph, w)));
  // Summing in order of degree makes pairs with the same common-partner degrees score exactly
  // alike, so rankings break such ties by node id and never by rounding.
  degrees.sort((a, b) => a - b);
  let sum = 0;
  for (const d of degrees) sum += 1 / Math.log(d);
  return sum;
}

export function jaccard(graph: CsrGraph, pairs: ReadonlyArray<readonly [number, number]>): Float64Array {
  checkGraph(graph);
  checkPairs(graph, pairs);
  return Float64Array.from(pairs, ([u, v]) => jaccardOf(graph, u, v));
}

export function adamicAdar(graph: CsrGraph, pairs: ReadonlyArray<readonly [number, number]>): Float64Array {
  checkGraph(graph);
  checkPairs(graph, pairs);
  return Float64Array.from(pairs, ([u, v]) => adamicAdarOf(graph, u, v));
}

/**
 * The k nodes most similar to v, best first, ties broken by smaller node id. Only nodes sharing at
 * least one partner with v are candidates (the others score 0 on both measures), so fewer than k
 * may come back. Cost: the sum of the degrees of v's partners, plus one row merge per candidate.
 */
export function mostSimilar(graph: CsrGraph, v: number, options: MostSimilarOptions = {}): Ranking {
  checkGraph(graph);
  checkNode(graph, v);
  const { k, measure, excludeNeighbours } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(k) || k < 0) throw new Error(`graph/similarity: k must be a non-negative integer, got ${k}`);
  if (measure !== "jaccard" && measure !== "adamicAdar") throw new Error(`graph/similarity: unknown measure ${String(measure)}`);
  const { offsets, targets } = graph;
  const seen = new Set<number>([v]);
  const neighbours = new Set<number>();
  for (let i = offsets[v]!; i < offsets[v + 1]!; i += 1) neighbours.add(targets[i]!);
  const candidates: number[] = [];
  for (const w of neighbours) {
    for (let i = offsets[w]!; i < offsets[w + 1]!; i += 1) {
      const c = targets[i]!;
      if (seen.has(c)) continue;
      seen.add(c);
      if (!(excludeNeighbours && neighbours.has(c))) candidates.push(c);
    }
  }
  const score = measure === "jaccard" ? jaccardOf : adamicAdarOf;
  const scored = candidates.map((c) => ({ node: c, score: score(graph, v, c) }));
  scored.sort((a, b) => b.score - a.score || a.node - b.node);
  const top = scored.slice(0, k);
  return { nodes: Int32Array.from(top, (s) => s.node), scores: Float64Array.from(top, (s) => s.score) };
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") throw new Error("graph/similarity: cosine needs two numeric vectors");
  if (a.length !== b.length) throw new Error(`graph/similarity: cosine of vectors of lengths ${a.length} and ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`graph/similarity: cosine entry ${i} is not a finite number`);
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  // Rounding can push |a·b| a hair past |a||b| for parallel vectors.
  return Math.max(-1, Math.min(1, dot / (Math.sqrt(normA) * Math.sqrt(normB))));
}
