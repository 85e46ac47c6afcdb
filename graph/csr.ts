/**
 * The compact form every algorithm reads: an undirected graph on dense integer node ids
 * 0..n-1, in compressed sparse rows. Each tie appears twice, once from each end, so a node's
 * neighbours are `targets[offsets[v] .. offsets[v + 1])`. `edgeOf` maps each of those half-ties
 * to its tie's index 0..m-1, and `weights` holds the tie's weight at each half-tie.
 * Typed arrays keep the graph in a few contiguous blocks: cache-friendly, and shareable with
 * worker threads without copying.
 */
export interface CsrGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly edgeOf: Int32Array;
  readonly weights: Float64Array;
  /** Each tie's ends, `source[e] < target[e]`, and its weight. */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeWeight: Float64Array;
}

export interface Tie {
  source: number;
  target: number;
  weight?: number;
}

/**
 * Builds a CSR graph from a list of ties. Self-loops are dropped and parallel ties merged, their
 * weights summed (a missing weight counts 1): the networks here are simple graphs, as NetworkX's
 * `Graph` would hold them.
 */
export function csrFromTies(nodeCount: number, ties: Iterable<Tie>): CsrGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 0) throw new Error(`graph/csr: invalid node count ${nodeCount}`);
  const merged = new Map<number, number>();
  for (const { source, target, weight = 1 } of ties) {
    if (!(source >= 0 && source < nodeCount && target >= 0 && target < nodeCount) || !Number.isInteger(source) || !Number.isInteger(target)) {
      throw new Error(`graph/csr: tie ${source}-${target} names a node outside 0..${nodeCount - 1}`);
    }
    if (!Number.isFinite(weight) || weight < 0) throw new Error(`graph/csr: tie ${source}-${target} has invalid weight ${weight}`);
    if (source === target) continue;
    const key = source < target ? source * nodeCount + target : target * nodeCount + source;
    merged.set(key, (merged.get(key) ?? 0) + weight);
  }
  const keys = [...merged.keys()].sort((a, b) => a - b);
  const edgeCount = keys.length;
  const edgeSource = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeWeight = new Float64Array(edgeCount);
  const degree = new Int32Array(nodeCount);
  keys.forEach((key, e) => {
    const u = Math.floor(key / nodeCount);
    const v = key - u * nodeCount;
    edgeSource[e] = u;
    edgeTarget[e] = v;
    edgeWeight[e] = merged.get(key)!;
    degree[u]! += 1;
    degree[v]! += 1;
  });
  const offsets = new Int32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v += 1) offsets[v + 1] = offsets[v]! + degree[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * edgeCount);
  const edgeOf = new Int32Array(2 * edgeCount);
  const weights = new Float64Array(2 * edgeCount);
  // Ties are sorted by (source, target): a first pass over them lays every node's smaller
  // neighbours in ascending order, a second its larger ones, so each row comes out sorted.
  for (let pass = 0; pass < 2; pass += 1) {
    for (let e = 0; e < edgeCount; e += 1) {
      const from = pass === 0 ? edgeTarget[e]! : edgeSource[e]!;
      const to = pass === 0 ? edgeSource[e]! : edgeTarget[e]!;
      const slot = cursor[from]!;
      cursor[from] = slot + 1;
      targets[slot] = to;
      edgeOf[slot] = e;
      weights[slot] = edgeWeight[e]!;
    }
  }
  return { nodeCount, edgeCount, offsets, targets, edgeOf, weights, edgeSource, edgeTarget, edgeWeight };
}

export function degreeOf(graph: CsrGraph, v: number): number {
  return graph.offsets[v + 1]! - graph.offsets[v]!;
}
