/**
 * graph/betweenness: shortest-path betweenness of actors, exact, and restricted to pairs of actors
 * in different groups (profile, territory).
 *
 * U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical Sociology
 * 25(2), 2001, pp. 163-177. doi:10.1080/0022250X.2001.9990249
 * (one search per source s counts shortest paths sigma; the dependencies
 * delta_s(v) = sum over successors w of sigma_v / sigma_w * (1 + delta_s(w)) are then accumulated in
 * reverse distance order, so all pairs cost O(nm) unweighted, O(nm + n^2 log n) weighted).
 * U. Brandes, "On variants of shortest-path betweenness centrality and their generic computation",
 * Social Networks 30(2), 2008, pp. 136-145. doi:10.1016/j.socnet.2007.11.001
 * (edge betweenness and source/target-restricted variants: only the "1 +" term changes, here to
 * 1 when w's group differs from s's and 0 otherwise).
 *
 * Conventions are NetworkX's (betweenness_centrality, undirected, endpoints excluded): sums over
 * ordered pairs are halved; `normalized` divides the halved sums by (n-1)(n-2)/2 instead, and
 * leaves graphs of n <= 2 nodes at 0. `weighted` reads tie weights as LENGTHS, as NetworkX's
 * `weight=` does: a strong tie must be given a short length by the caller.
 *
 * Zero lengths are allowed, as in NetworkX, and counted exactly as NetworkX counts them: both ends
 * of a zero-length tie are at the same distance from every source and each counts as the other's
 * predecessor, so path counts then depend on the order in which nodes are settled (ascending
 * ids, heap ties in insertion order, both reproduced here), and scores can exceed their usual
 * maxima. igraph refuses such lengths; callers that want meaningful scores should map tie strength
 * to a positive length.
 *
 * Performance: one scratch of typed arrays serves every source. Unweighted, the backward pass
 * goes one BFS level at a time: a node's neighbours lie in its own level or the two next to it,
 * so with coeff[w] = (1 + delta[w]) / sigma[w] filled in only for the level below, delta[v] is
 * sigma[v] times the plain sum of coeff over v's row: no distance test or branch per tie, one
 * division per node. Weighted, Dijkstra runs on a binary heap of typed arrays. `accumulateFromSource` is the per-source kernel, so sources
 * can later be split across worker threads, each with its own scratch and accumulator.
 */
import type { CsrGraph } from "../csr.js";

export interface BetweennessOptions {
  /** Read tie weights as lengths (Dijkstra) instead of counting every tie as 1 (BFS). @default false */
  weighted?: boolean;
  /** Divide by the number of pairs a node could lie between, as NetworkX does. @default true */
  normalized?: boolean;
}

export const DEFAULTS: Required<BetweennessOptions> = { weighted: false, normalized: true };

/** What one source's search counts. */
export interface BrandesVariant {
  weighted: boolean;
  /** When set, only targets whose group differs from the source's count (cross-group betweenness). */
  groups: Int32Array | null;
}

/** Where a source's dependencies are added: per node, and per tie (edge betweenness). */
export interface Accumulators {
  nodes: Float64Array | null;
  ties: Float64Array | null;
}

/**
 * Working arrays for one source at a time: create one per thread and reuse it for every source.
 * Dijkstra's heap holds entry numbers; an entry is (distance, predecessor, node).
 */
export type BrandesScratch = ReturnType<typeof createScratch>;

export function createScratch(graph: CsrGraph, { weighted = true }: { weighted?: boolean } = {}) {
  const n = graph.nodeCount;
  // Each settled node pushes at most one entry per half-tie, plus the source's own entry.
  const entries = weighted ? 2 * graph.edgeCount + 1 : 0;
  return {
    order: new Int32Array(n),
    depth: new Int32Array(n).fill(-1),
    levelStart: new Int32Array(n + 1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    coeff: new Float64Array(n),
    dist: new Float64Array(n).fill(Infinity),
    settled: new Uint8Array(n),
    sink: new Float64Array(n),
    heap: new Int32Array(entries),
    entryDist: new Float64Array(entries),
    entryPred: new Int32Array(entries),
    entryNode: new Int32Array(entries),
  };
}

/**
 * Adds source `source`'s dependencies, over ordered pairs (source, t), to `into`; returns how many
 * nodes the source reaches (itself included). The caller scales the sums (see `nodeScale`).
 */
export function accumulateFromSource(graph: CsrGraph, source: number, scratch: BrandesScratch, into: Accumulators, variant: BrandesVariant): number {
  if (!(Number.isInteger(source) && source >= 0 && source < graph.nodeCount)) {
    throw new Error(`graph/betweenness: source ${source} does not exist`);
  }
  if (variant.weighted && scratch.heap.length < 2 * graph.edgeCount + 1) {
    throw new Error("graph/betweenness: scratch was created without room for weighted searches");
  }
  if ((into.nodes !== null && into.nodes.length !== graph.nodeCount) || (into.ties !== null && into.ties.length !== graph.edgeCount)) {
    throw new Error("graph/betweenness: accumulators must hold one value per node and one per tie");
  }
  if (variant.groups !== null && variant.groups.length !== graph.nodeCount) {
    throw new Error(`graph/betweenness: groups must hold one label per node (${graph.nodeCount}), got ${variant.groups.length}`);
  }
  const nodes = into.nodes ?? scratch.sink;
  if (variant.weighted) {
    const reached = forwardDijkstra(graph, source, scratch);
    backwardDijkstra(graph, source, scratch, reached, nodes, into.ties, variant.groups);
    return resetSearch(scratch, reached, true);
  }
  const levels = forwardBfs(graph, source, scratch);
  const reached = scratch.levelStart[levels]!;
  backwardLevels(graph, source, scratch, levels, nodes, into.ties, variant.groups);
  return resetSearch(scratch, reached, false);
}

/**
 * Breadth-first search from s; returns the number of levels, with level L at order[levelStart[L] .. levelStart[L + 1]).
 * Leaves depth, sigma and order filled in and coeff 0 on every reached node; the caller resets depth
 * to -1 on order[0 .. levelStart[levels]) when done. Exported for kernel variants.
 */
export function forwardBfs(graph: CsrGraph, s: number, sc: BrandesScratch): number {
  const { offsets, targets } = graph;
  const { order, depth, sigma, coeff, levelStart } = sc;
  order[0] = s;
  depth[s] = 0;
  sigma[s] = 1;
  coeff[s] = 0;
  levelStart[0] = 0;
  let levels = 1;
  let tail = 1;
  for (let head = 0; head < tail; head += 1) {
    const v = order[head]!;
    const next = depth[v]! + 1;
    const sv = sigma[v]!;
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) {
      const w = targets[i]!;
      const dw = depth[w]!;
      if (dw < 0) {
        if (next === levels) levelStart[levels++] = tail;
        depth[w] = next;
        sigma[w] = sv;
        coeff[w] = 0;
        order[tail++] = w;
      } else if (dw === next) {
        sigma[w]! += sv;
      }
    }
  }
  levelStart[levels] = tail;
  return levels;
}

function backwardLevels(
  graph: CsrGraph,
  s: number,
  sc: BrandesScratch,
  levels: number,
  nodes: Float64Array,
  ties: Float64Array | null,
  groups: Int32Array | null,
): void {
  const { offsets, targets, edgeOf } = graph;
  const { order, levelStart, sigma, delta, coeff } = sc;
  const groupOfSource = groups === null ? 0 : groups[s]!;
  // coeff stays 0 on this level and those nearer the source until they are done, and neighbours
  // lie at most one level apart, so a row sum picks up exactly the successors, one level farther
  // out. Level 0 (the source) matters only for ties.
  for (let level = levels - 1; level >= (ties === null ? 1 : 0); level -= 1) {
    const lo = levelStart[level]!;
    const hi = levelStart[level + 1]!;
    for (let j = lo; j < hi; j += 1) {
      const v = order[j]!;
      const sv = sigma[v]!;
      let sum = 0;
      if (level === levels - 1) {
        // The deepest level has no successors: delta stays 0.
      } else if (ties === null) {
        for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) sum += coeff[targets[i]!]!;
        sum *= sv;
      } else {
        for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) {
          const c = sv * coeff[targets[i]!]!;
          ties[edgeOf[i]!]! += c;
          sum += c;
        }
      }
      delta[v] = sum;
    }
    for (let j = lo; j < hi; j += 1) {
      const v = order[j]!;
      const credit = groups === null || groups[v] !== groupOfSource ? 1 : 0;
      if (v !== s) nodes[v]! += delta[v]!;
      coeff[v] = (credit + delta[v]!) / sigma[v]!;
    }
  }
}

/**
 * Dijkstra from s, step for step as NetworkX's _single_source_dijkstra_path_basic: entries ordered
 * by (distance, insertion), sigma[v] reset on a shorter path and completed from the entry's
 * predecessor when v is settled, equal paths (even to settled nodes) adding sigma. Returns the
 * number of nodes settled, in order. The caller resets dist to Infinity and settled to 0 on
 * order[0 .. reached) when done. Exported for kernel variants.
 */
export function forwardDijkstra(graph: CsrGraph, s: number, sc: BrandesScratch): number {
  const { offsets, targets, weights } = graph;
  const { order, dist, sigma, delta, settled, heap, entryDist, entryPred, entryNode } = sc;
  sigma[s] = 1;
  dist[s] = 0;
  entryDist[0] = 0;
  entryPred[0] = s;
  entryNode[0] = s;
  heap[0] = 0;
  let entries = 1;
  let size = 1;
  let reached = 0;
  while (size > 0) {
    const top: number = heap[0]!;
    size -= 1;
    if (size > 0) siftDown(heap, size, entryDist, heap[size]!);
    const v: number = entryNode[top]!;
    if (settled[v] === 1) continue;
    const d = entryDist[top]!;
    sigma[v]! += sigma[entryPred[top]!]!;
    settled[v] = 1;
    delta[v] = 0;
    order[reached++] = v;
    const sv = sigma[v]!;
    for (let i: number = offsets[v]!, end: number = offsets[v + 1]!; i < end; i += 1) {
      const w = targets[i]!;
      const length = d + weights[i]!;
      if (settled[w] === 0 && length < dist[w]!) {
        dist[w] = length;
        sigma[w] = 0;
        entryDist[entries] = length;
        entryPred[entries] = v;
        entryNode[entries] = w;
        siftUp(heap, size, entryDist, entries);
        entries += 1;
        size += 1;
      } else if (length === dist[w]) {
        sigma[w]! += sv;
      }
    }
  }
  return reached;
}

/** Entry a comes before entry b: shorter distance, then earlier insertion (entry numbers grow). */
function before(entryDist: Float64Array, a: number, b: number): boolean {
  const da = entryDist[a]!;
  const db = entryDist[b]!;
  return da < db || (da === db && a < b);
}

function siftUp(heap: Int32Array, size: number, entryDist: Float64Array, entry: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const above = heap[parent]!;
    if (!before(entryDist, entry, above)) break;
    heap[i] = above;
    i = parent;
  }
  heap[i] = entry;
}

/** Places `entry` from the root down a heap of `size` entries. */
function siftDown(heap: Int32Array, size: number, entryDist: Float64Array, entry: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && before(entryDist, heap[child + 1]!, heap[child]!)) child += 1;
    const below = heap[child]!;
    if (!before(entryDist, below, entry)) break;
    heap[i] = below;
    i = child;
  }
  heap[i] = entry;
}

function backwardDijkstra(
  graph: CsrGraph,
  s: number,
  sc: BrandesScratch,
  reached: number,
  nodes: Float64Array,
  ties: Float64Array | null,
  groups: Int32Array | null,
): void {
  const { offsets, targets, weights, edgeOf } = graph;
  const { order, dist, sigma, delta } = sc;
  const groupOfSource = groups === null ? 0 : groups[s]!;
  for (let j = reached - 1; j >= 0; j -= 1) {
    const w = order[j]!;
    const dw = dist[w]!;
    const credit = groups === null || groups[w] !== groupOfSource ? 1 : 0;
    const coeff = (credit + delta[w]!) / sigma[w]!;
    // Predecessors are the neighbours v with dist[v] + length === dist[w]: the same float test
    // NetworkX's search used to record them.
    for (let i = offsets[w]!, end = offsets[w + 1]!; i < end; i += 1) {
      const v = targets[i]!;
      if (dist[v]! + weights[i]! !== dw) continue;
      const c = sigma[v]! * coeff;
      delta[v]! += c;
      if (ties !== null) ties[edgeOf[i]!]! += c;
    }
    if (w !== s) nodes[w]! += delta[w]!;
  }
}

/** Sums every source's dependencies into `into`. */
export function accumulateAllSources(graph: CsrGraph, into: Accumulators, variant: BrandesVariant): void {
  const scratch = createScratch(graph, { weighted: variant.weighted });
  for (let s = 0; s < graph.nodeCount; s += 1) accumulateFromSource(graph, s, scratch, into, variant);
}

/** NetworkX's factor from sums over ordered pairs to node scores (undirected, endpoints excluded). */
export function nodeScale(nodeCount: number, normalized: boolean): number {
  if (!normalized) return 0.5;
  return nodeCount <= 2 ? 1 : 1 / ((nodeCount - 1) * (nodeCount - 2));
}

/** Checks a CsrGraph's shape and, for weighted runs, that every length is finite and >= 0. */
export function checkGraph(module: string, graph: CsrGraph, weighted: boolean): void {
  if (graph === null || typeof graph !== "object" || !Number.isInteger(graph.nodeCount) || graph.offsets?.length !== graph.nodeCount + 1) {
    throw new Error(`${module}: expected a CsrGraph (see graph/csr.ts)`);
  }
  if (!weighted) return;
  for (let i = 0; i < graph.weights.length; i += 1) {
    const length = graph.weights[i]!;
    if (!(length >= 0 && length < Infinity)) {
      const e = graph.edgeOf[i]!;
      throw new Error(`${module}: tie ${graph.edgeSource[e]}-${graph.edgeTarget[e]} has length ${length}; lengths must be finite and >= 0`);
    }
  }
}

/** Merges caller options over `defaults`, skipping undefined ones and checking each type against its default's. */
export function resolveOptions<T extends object>(module: string, defaults: Required<T>, options: T): Required<T> {
  if (options === null || typeof options !== "object") throw new Error(`${module}: options must be an object`);
  const resolved: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const expected = typeof (defaults as Record<string, unknown>)[key];
    if (!(key in defaults)) throw new Error(`${module}: unknown option ${key}`);
    if (typeof value !== expected) throw new Error(`${module}: option ${key} must be a ${expected}, got ${String(value)}`);
    resolved[key] = value;
  }
  return resolved as Required<T>;
}

/** Betweenness of every node, as networkx.betweenness_centrality(G, weight=..., normalized=...). */
export function betweenness(graph: CsrGraph, options: BetweennessOptions = {}): Float64Array {
  const { weighted, normalized } = resolveOptions("graph/betweenness", DEFAULTS, options);
  checkGraph("graph/betweenness", graph, weighted);
  const values = new Float64Array(graph.nodeCount);
  accumulateAllSources(graph, { nodes: values, ties: null }, { weighted, groups: null });
  const scale = nodeScale(graph.nodeCount, normalized);
  for (let v = 0; v < values.length; v += 1) values[v]! *= scale;
  return values;
}

/**
 * Cross-group betweenness: only unordered pairs {s, t} whose groups differ count, so an actor
 * scores for the shortest paths it lies on between profiles (or territories), not within one.
 * Raw: the sum over those pairs of the share of shortest s-t paths through v (v not an end).
 * Normalized: divided by the number of those pairs that do not contain v, the pairs v could lie
 * between (0 when there are none); with one group per node this is exactly `betweenness`. Being
 * per node, this divisor can reorder nodes whose raw scores are close.
 */
export function crossGroupBetweenness(graph: CsrGraph, groups: ArrayLike<number>, options: BetweennessOptions = {}): Float64Array {
  const { weighted, normalized } = resolveOptions("graph/betweenness", DEFAULTS, options);
  checkGraph("graph/betweenness", graph, weighted);
  const labels = checkGroups("graph/betweenness", graph, groups);
  const n = graph.nodeCount;
  const values = new Float64Array(n);
  accumulateAllSources(graph, { nodes: values, ties: null }, { weighted, groups: labels });
  const sizes = new Map<number, number>();
  for (const label of labels) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  let samePairs = 0;
  for (const size of sizes.values()) samePairs += (size * (size - 1)) / 2;
  const crossPairs = (n * (n - 1)) / 2 - samePairs;
  for (let v = 0; v < n; v += 1) {
    const pairsWithoutV = crossPairs - (n - sizes.get(labels[v]!)!);
    values[v] = normalized ? (pairsWithoutV > 0 ? (0.5 * values[v]!) / pairsWithoutV : 0) : 0.5 * values[v]!;
  }
  return values;
}

export function checkGroups(module: string, graph: CsrGraph, groups: ArrayLike<number>): Int32Array {
  if (groups === null || typeof groups !== "object" || groups.length !== graph.nodeCount) {
    throw new Error(`${module}: groups must hold one label per node (${graph.nodeCount}), got ${groups?.length}`);
  }
  const labels = Int32Array.from(groups);
  for (let v = 0; v < labels.length; v += 1) {
    if (labels[v] !== groups[v]) throw new Error(`${module}: group label of node ${v} must be a 32-bit integer, got ${groups[v]}`);
  }
  return labels;
}

/** Clears what a search from one source left in `scratch` (its first `reached` nodes), for the next; returns `reached`. */
export function resetSearch(scratch: BrandesScratch, reached: number, weighted: boolean): number {
  for (let j = 0; j < reached; j += 1) {
    const v = scratch.order[j]!;
    if (weighted) {
      scratch.dist[v] = Infinity;
      scratch.settled[v] = 0;
    } else {
      scratch.depth[v] = -1;
    }
  }
  return reached;
}
