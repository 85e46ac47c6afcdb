/**
 * Attribute assortativity: how far ties join nodes of the same group (profile, territory).
 *
 * Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67(2), 026126,
 * equation (2): r = (sum_i e_ii - sum_i a_i b_i) / (1 - sum_i a_i b_i), with e the mixing
 * matrix normalised to sum 1 and a, b its row and column sums.
 *
 * Each undirected tie enters e from both ends (e[g][h] and e[h][g]), as networkx does, so e is
 * symmetric and a = b. Unweighted, this is networkx 2.8.8's
 * `attribute_assortativity_coefficient`; `weighted` enters each tie with its weight instead of 1.
 * r is 1 when every tie stays in its group, negative when ties prefer other groups.
 * NaN when it is 0/0: all ties inside one group (networkx gives NaN too), and a graph with no
 * ties (or only ties of weight 0 when weighted), where networkx returns 0.0 as an artefact of
 * normalising an empty matrix.
 */
import type { CsrGraph } from "../csr.js";

export interface AssortativityOptions {
  /** Enter each tie with its weight instead of 1. @default false */
  weighted?: boolean;
}

const DEFAULTS: Required<AssortativityOptions> = { weighted: false };

export interface MixingMatrix {
  /** The distinct group labels, ascending: the rows and columns of `matrix`. */
  labels: number[];
  /** Row-major k x k, unnormalised: matrix[g * k + h] sums the ties from group g to group h. */
  matrix: Float64Array;
}

const MODULE = "graph/assortativity";

/** The mixing matrix of `graph` by `groups[v]`, each tie entered from both ends. */
export function attributeMixingMatrix(graph: CsrGraph, groups: ArrayLike<number>, options: AssortativityOptions = {}): MixingMatrix {
  const { weighted } = { ...DEFAULTS, ...options };
  if (typeof weighted !== "boolean") throw new Error(`${MODULE}: option weighted must be a boolean, got ${weighted}`);
  const { nodeCount: n, offsets, targets, weights } = graph;
  if (groups.length !== n) throw new Error(`${MODULE}: ${groups.length} group labels for ${n} nodes`);
  for (let v = 0; v < n; v += 1) {
    if (!Number.isInteger(groups[v])) throw new Error(`${MODULE}: node ${v} has group label ${groups[v]}, not an integer`);
  }
  const labels = [...new Set(Array.from(groups))].sort((a, b) => a - b);
  const indexOf = new Map(labels.map((label, g) => [label, g]));
  const groupOf = Int32Array.from(groups, (label) => indexOf.get(label)!);
  const k = labels.length;
  const matrix = new Float64Array(k * k);
  // Every half-tie is one end's view of its tie: together they enter each tie both ways.
  for (let u = 0; u < n; u += 1) {
    const row = groupOf[u]! * k;
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s += 1) {
      const amount = weighted ? weights[s]! : 1;
      if (!(amount >= 0 && amount < Infinity)) throw new Error(`${MODULE}: tie ${u}-${targets[s]} has invalid weight ${amount}`);
      matrix[row + groupOf[targets[s]!]!]! += amount;
    }
  }
  return { labels, matrix };
}

/** Newman's assortativity coefficient r of `graph` by the group labels `groups[v]`. */
export function attributeAssortativity(graph: CsrGraph, groups: ArrayLike<number>, options: AssortativityOptions = {}): number {
  const { labels, matrix } = attributeMixingMatrix(graph, groups, options);
  const k = labels.length;
  let total = 0;
  for (const x of matrix) total += x;
  if (total === 0) return Number.NaN;
  let trace = 0;
  let squares = 0; // sum_g a_g b_g, with a = b as the matrix is symmetric
  for (let g = 0; g < k; g += 1) {
    trace += matrix[g * k + g]! / total;
    let row = 0;
    for (let h = 0; h < k; h += 1) row += matrix[g * k + h]!;
    squares += (row / total) ** 2;
  }
  return (trace - squares) / (1 - squares);
}
