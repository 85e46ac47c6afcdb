/**
 * graph/components: connected components, articulation points, bridges, and what breaks when one
 * actor leaves.
 *
 * J. Hopcroft and R. Tarjan, "Algorithm 447: Efficient algorithms for graph manipulation",
 * Communications of the ACM 16(6), 1973, pp. 372-378. doi:10.1145/362248.362272
 * (depth-first search with lowpoints: a child c of v is cut off from the rest by removing v when
 * low[c] >= disc[v]; the tie to c is a bridge when low[c] > disc[v]).
 *
 * The search is iterative, with an explicit stack and a per-node cursor into its row, so a path of
 * tens of thousands of actors does not overflow the call stack.
 */
import type { CsrGraph } from "../csr.js";

export interface Components {
  count: number;
  /** Component of each node; components are numbered in the order of their smallest node. */
  componentOf: Int32Array;
  sizes: Int32Array;
}

export interface CutElements {
  /** Nodes whose removal disconnects their component, ascending. */
  articulationPoints: Int32Array;
  /** 1 at articulation points, 0 elsewhere. */
  isArticulationPoint: Uint8Array;
  /** Tie indices (into `edgeSource` / `edgeTarget`) whose removal disconnects their component, ascending. */
  bridges: Int32Array;
}

/**
 * What removing actor v (and its ties) breaks, among the n - 1 other actors:
 * - `componentsAfter`: the number of connected components of the graph without v;
 * - `pairsConnectedBefore`: unordered pairs of other actors joined by some path before;
 * - `disconnectedPairs`: those of them that no longer are (every path went through v);
 * - `disconnectedShare`: disconnectedPairs over all (n - 1)(n - 2) / 2 pairs of other actors, 0 when
 *   there are fewer than two others. Divide by pairsConnectedBefore for the share of connected pairs.
 */
export interface RemovalImpact {
  componentsAfter: number;
  pairsConnectedBefore: number;
  disconnectedPairs: number;
  disconnectedShare: number;
}

/** `RemovalImpact` for every node at once, indexed by node. */
export interface RemovalImpacts {
  componentsAfter: Int32Array;
  pairsConnectedBefore: Float64Array;
  disconnectedPairs: Float64Array;
  disconnectedShare: Float64Array;
}

function checkGraph(graph: CsrGraph): void {
  if (graph === null || typeof graph !== "object" || !(graph.offsets instanceof Int32Array) || graph.offsets.length !== graph.nodeCount + 1) {
    throw new Error("graph/components: expected a CsrGraph (see graph/csr.ts)");
  }
}

function checkNode(graph: CsrGraph, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) throw new Error(`graph/components: node ${v} does not exist`);
}

/** Components by breadth-first search; `skip` (a node id or -1) is treated as absent. */
function label(graph: CsrGraph, skip: number): Components {
  const { nodeCount: n, offsets, targets } = graph;
  const componentOf = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let root = 0; root < n; root += 1) {
    if (root === skip || componentOf[root] !== -1) continue;
    const id = sizes.length;
    componentOf[root] = id;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head]!;
      head += 1;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) {
        const w = targets[i]!;
        if (w === skip || componentOf[w] !== -1) continue;
        componentOf[w] = id;
        queue[tail] = w;
        tail += 1;
      }
    }
    sizes.push(tail);
  }
  return { count: sizes.length, componentOf, sizes: Int32Array.from(sizes) };
}

export function connectedComponents(graph: CsrGraph): Components {
  checkGraph(graph);
  return label(graph, -1);
}

interface DepthFirst {
  componentOf: Int32Array;
  sizes: number[];
  discovery: Int32Array;
  low: Int32Array;
  parent: Int32Array;
  parentTie: Int32Array;
  subtree: Int32Array;
}

function depthFirst(graph: CsrGraph): DepthFirst {
  const { nodeCount: n, offsets, targets, edgeOf } = graph;
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentTie = new Int32Array(n).fill(-1);
  const subtree = new Int32Array(n);
  const componentOf = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  const sizes: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root += 1) {
    if (discovery[root] !== -1) continue;
    const id = sizes.length;
    const enter = (w: number): void => {
      discovery[w] = time;
      low[w] = time;
      time += 1;
      cursor[w] = offsets[w]!;
      componentOf[w] = id;
    };
    enter(root);
    stack[0] = root;
    let top = 0;
    while (top >= 0) {
      const v = stack[top]!;
      const i = cursor[v]!;
      if (i < offsets[v + 1]!) {
        cursor[v] = i + 1;
        // Skipping the tie to the parent by its index, not by the parent's id, keeps parallel
        // ties correct should a caller ever build a multigraph.
        if (edgeOf[i] === parentTie[v]) continue;
        const w = targets[i]!;
        if (discovery[w] === -1) {
          parent[w] = v;
          parentTie[w] = edgeOf[i]!;
          enter(w);
          top += 1;
          stack[top] = w;
        } else if (discovery[w]! < low[v]!) {
          low[v] = discovery[w]!;
        }
      } else {
        top -= 1;
        subtree[v]! += 1;
        const p = parent[v]!;
        if (p !== -1) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
          subtree[p]! += subtree[v]!;
        }
      }
    }
    sizes.push(subtree[root]!);
  }
  return { componentOf, sizes, discovery, low, parent, parentTie, subtree };
}

export function cutElements(graph: CsrGraph): CutElements {
  checkGraph(graph);
  const { discovery, low, parent, parentTie } = depthFirst(graph);
  const n = graph.nodeCount;
  const isArticulationPoint = new Uint8Array(n);
  const rootChildren = new Int32Array(n);
  const bridges: number[] = [];
  for (let c = 0; c < n; c += 1) {
    const p = parent[c]!;
    if (p === -1) continue;
    if (parent[p] === -1) rootChildren[p]! += 1;
    else if (low[c]! >= discovery[p]!) isArticulationPoint[p] = 1;
    if (low[c]! > discovery[p]!) bridges.push(parentTie[c]!);
  }
  const points: number[] = [];
  for (let v = 0; v < n; v += 1) {
    if (parent[v] === -1 && rootChildren[v]! >= 2) isArticulationPoint[v] = 1;
    if (isArticulationPoint[v]) points.push(v);
  }
  return {
    articulationPoints: Int32Array.from(points),
    isArticulationPoint,
    bridges: Int32Array.from(bridges).sort(),
  };
}

export function articulationPoints(graph: CsrGraph): Int32Array {
  return cutElements(graph).articulationPoints;
}

export function bridges(graph: CsrGraph): Int32Array {
  return cutElements(graph).bridges;
}

function pairs(k: number): number {
  return (k * (k - 1)) / 2;
}

/** Impact of removing one actor, by a search of the graph without it: O(n + m). */
export function removalImpact(graph: CsrGraph, v: number): RemovalImpact {
  checkGraph(graph);
  checkNode(graph, v);
  const before = label(graph, -1);
  const after = label(graph, v);
  let pairsConnectedBefore = 0;
  for (let c = 0; c < before.count; c += 1) {
    const size = before.sizes[c]! - (c === before.componentOf[v] ? 1 : 0);
    pairsConnectedBefore += pairs(size);
  }
  let pairsConnectedAfter = 0;
  for (const size of after.sizes) pairsConnectedAfter += pairs(size);
  const disconnectedPairs = pairsConnectedBefore - pairsConnectedAfter;
  const others = pairs(graph.nodeCount - 1);
  return {
    componentsAfter: after.count,
    pairsConnectedBefore,
    disconnectedPairs,
    disconnectedShare: others > 0 ? disconnectedPairs / others : 0,
  };
}

/**
 * Impact of removing each actor, all from one depth-first search: O(n + m) in total. Removing v
 * splits its component into the subtrees of its children c with low[c] >= disc[v], plus (unless v
 * is the root) what remains around its parent; the pairs lost are the pairs across those pieces.
 */
export function removalImpacts(graph: CsrGraph): RemovalImpacts {
  checkGraph(graph);
  const n = graph.nodeCount;
  const { componentOf, sizes, discovery, low, parent, subtree } = depthFirst(graph);
  const pieces = new Int32Array(n);
  const cutOff = new Float64Array(n);
  const cutOffSquares = new Float64Array(n);
  for (let c = 0; c < n; c += 1) {
    const p = parent[c]!;
    if (p === -1 || low[c]! < discovery[p]!) continue;
    pieces[p]! += 1;
    cutOff[p]! += subtree[c]!;
    cutOffSquares[p]! += subtree[c]! * subtree[c]!;
  }
  let connectedPairs = 0;
  for (const size of sizes) connectedPairs += pairs(size);
  const others = pairs(n - 1);
  const result: RemovalImpacts = {
    componentsAfter: new Int32Array(n),
    pairsConnectedBefore: new Float64Array(n),
    disconnectedPairs: new Float64Array(n),
    disconnectedShare: new Float64Array(n),
  };
  for (let v = 0; v < n; v += 1) {
    const rest = sizes[componentOf[v]!]! - 1;
    const aroundParent = rest - cutOff[v]!;
    const lost = (rest * rest - cutOffSquares[v]! - aroundParent * aroundParent) / 2;
    result.componentsAfter[v] = sizes.length - 1 + pieces[v]! + (aroundParent > 0 ? 1 : 0);
    result.pairsConnectedBefore[v] = connectedPairs - rest;
    result.disconnectedPairs[v] = lost;
    result.disconnectedShare[v] = others > 0 ? lost / others : 0;
  }
  return result;
}
