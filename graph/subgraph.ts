import { csrFromTies, type CsrGraph } from "./csr.js";

/**
 * The subgraph induced by a set of nodes, renumbered densely in the order given: what
 * territory-level analytics run on. `nodes[i]` is the parent's id of the subgraph's node i, and
 * `parentTie[e]` the parent's index of the subgraph's tie e, so results map back without search.
 */
export interface Subgraph {
  graph: CsrGraph;
  nodes: Int32Array;
  parentTie: Int32Array;
}

export function inducedSubgraph(parent: CsrGraph, nodes: ArrayLike<number>): Subgraph {
  const local = new Int32Array(parent.nodeCount).fill(-1);
  for (let i = 0; i < nodes.length; i += 1) {
    const v = nodes[i]!;
    if (!(v >= 0 && v < parent.nodeCount)) throw new Error(`graph/subgraph: node ${v} does not exist`);
    if (local[v] !== -1) throw new Error(`graph/subgraph: node ${v} is listed twice`);
    local[v] = i;
  }
  const ties: { source: number; target: number; weight: number }[] = [];
  const parentTies: number[] = [];
  // Walk the kept nodes' rows rather than every tie: the cost follows the subgraph, not the parent.
  for (let i = 0; i < nodes.length; i += 1) {
    const v = nodes[i]!;
    for (let k = parent.offsets[v]!; k < parent.offsets[v + 1]!; k += 1) {
      const j = local[parent.targets[k]!]!;
      if (j === -1 || parent.targets[k]! < v) continue;
      const e = parent.edgeOf[k]!;
      ties.push({ source: i, target: j, weight: parent.edgeWeight[e]! });
      parentTies.push(e);
    }
  }
  const graph = csrFromTies(nodes.length, ties);
  // csrFromTies sorts ties by (source, target); sort the parent indices the same way.
  const key = (i: number) => Math.min(ties[i]!.source, ties[i]!.target) * nodes.length + Math.max(ties[i]!.source, ties[i]!.target);
  const order = parentTies.map((_, i) => i).sort((x, y) => key(x) - key(y));
  return { graph, nodes: Int32Array.from(nodes), parentTie: Int32Array.from(order, (i) => parentTies[i]!) };
}
