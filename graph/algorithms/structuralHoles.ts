/**
 * Burt's structural holes: constraint, local constraint, effective size, efficiency, hierarchy.
 *
 * Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University
 * Press, chapter 2 (constraint, hierarchy) and effective size.
 * Borgatti, S. P. (1997). Structural holes: Unpacking Burt's redundancy measures. Connections,
 * 20(1), 35-38 (effective size of an unweighted graph as n - 2t/n).
 *
 * With p_ij = w_ij / sum_k w_ik the share of i's ties invested in j (every weight 1 when
 * unweighted) and m_jq = w_jq / max_k w_jk:
 *   local constraint  c_ij = (p_ij + sum_q p_iq p_qj)^2
 *   constraint        C_i  = sum_j c_ij
 *   effective size    E_i  = sum_j (1 - sum_q p_iq m_jq)   (= n - 2t/n unweighted, Borgatti)
 *   efficiency        E_i / degree (number of contacts, weighted or not)
 *   hierarchy         H_i  = sum_j r_j ln r_j / (N ln N), r_j = c_ij N / C_i, N = degree.
 * This matches networkx 2.8.8's `constraint`, `local_constraint` and `effective_size` with
 * `weight=None` (unweighted) or `weight="weight"` (weighted): networkx's mutual weights of an
 * undirected tie are 2w at both ends, which the normalisations cancel.
 * Conventions: an isolated node gets NaN for every measure, as networkx gives; a node with one
 * contact has hierarchy 0 (the single ratio is 1, so the 0/0 of Burt's formula is read as no
 * inequality); a node whose ties all weigh 0 has constraint 0 (networkx's shares are then 0) and
 * hierarchy NaN; a contact with c_ij = 0 adds 0 to the hierarchy (the limit of r ln r).
 *
 * Cost: one pass over the 2-paths, O(sum of squared degrees), in typed arrays.
 */
import type { CsrGraph } from "../csr.js";

export interface StructuralHolesOptions {
  /** Use tie weights as Burt's investments (networkx `weight="weight"`). @default false */
  weighted?: boolean;
}

const DEFAULTS: Required<StructuralHolesOptions> = { weighted: false };

export interface StructuralHoles {
  constraint: Float64Array;
  /** The local constraint c_ij of each half-tie, aligned with `graph.targets` (i the row's node). */
  localConstraint: Float64Array;
  effectiveSize: Float64Array;
  efficiency: Float64Array;
  hierarchy: Float64Array;
}

const MODULE = "graph/structuralHoles";

function tieWeights(graph: CsrGraph, weighted: boolean): Float64Array {
  if (!weighted) return new Float64Array(graph.targets.length).fill(1);
  const { weights } = graph;
  for (let s = 0; s < weights.length; s += 1) {
    const w = weights[s]!;
    if (!(w >= 0 && w < Infinity)) {
      const e = graph.edgeOf[s]!;
      throw new Error(`${MODULE}: tie ${graph.edgeSource[e]}-${graph.edgeTarget[e]} has invalid weight ${w}`);
    }
  }
  return weights;
}

/** Burt's structural-hole measures for every node of `graph`. */
export function structuralHoles(graph: CsrGraph, options: StructuralHolesOptions = {}): StructuralHoles {
  const { weighted } = { ...DEFAULTS, ...options };
  if (typeof weighted !== "boolean") throw new Error(`${MODULE}: option weighted must be a boolean, got ${weighted}`);
  const { nodeCount: n, offsets, targets } = graph;
  const w = tieWeights(graph, weighted);

  // 1 / strength and 1 / strongest tie, 0 where networkx's normalisation would divide by 0.
  const invStrength = new Float64Array(n);
  const invMax = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    let sum = 0;
    let max = 0;
    for (let s = offsets[v]!, end = offsets[v + 1]!; s < end; s += 1) {
      const x = w[s]!;
      sum += x;
      if (x > max) max = x;
    }
    invStrength[v] = sum > 0 ? 1 / sum : 0;
    invMax[v] = max > 0 ? 1 / max : 0;
  }

  const local = new Float64Array(targets.length);
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const efficiency = new Float64Array(n);
  const hierarchy = new Float64Array(n);
  const stamp = new Int32Array(n); // stamp[j] = i + 1 while j is a contact of i
  const slotOf = new Int32Array(n); // j's half-tie in i's row
  for (let i = 0; i < n; i += 1) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const degree = end - start;
    if (degree === 0) {
      constraint[i] = effectiveSize[i] = efficiency[i] = hierarchy[i] = Number.NaN;
      continue;
    }
    const mark = i + 1;
    for (let s = start; s < end; s += 1) {
      const j = targets[s]!;
      stamp[j] = mark;
      slotOf[j] = s;
    }
    const invI = invStrength[i]!;
    let redundancy = 0;
    // Walk i -> q -> j with j also a contact of i: j's indirect constraint through q, and q's
    // redundancy with j.
    for (let s = start; s < end; s += 1) {
      const q = targets[s]!;
      const piq = w[s]! * invI;
      if (piq === 0) continue;
      const invQ = invStrength[q]!;
      for (let t = offsets[q]!, tEnd = offsets[q + 1]!; t < tEnd; t += 1) {
        const j = targets[t]!;
        if (stamp[j] !== mark) continue;
        const wqj = w[t]!;
        local[slotOf[j]!]! += piq * wqj * invQ;
        redundancy += piq * wqj * invMax[j]!;
      }
    }
    let total = 0;
    for (let s = start; s < end; s += 1) {
      const c = w[s]! * invI + local[s]!;
      local[s] = c * c;
      total += c * c;
    }
    constraint[i] = total;
    effectiveSize[i] = degree - redundancy;
    efficiency[i] = (degree - redundancy) / degree;
    hierarchy[i] = burtHierarchy(local, start, end, total);
  }
  return { constraint, localConstraint: local, effectiveSize, efficiency, hierarchy };
}

function burtHierarchy(local: Float64Array, start: number, end: number, constraint: number): number {
  const N = end - start;
  if (N === 1) return 0;
  if (!(constraint > 0)) return Number.NaN;
  let sum = 0;
  for (let s = start; s < end; s += 1) {
    const r = (local[s]! * N) / constraint;
    if (r > 0) sum += r * Math.log(r);
  }
  return sum / (N * Math.log(N));
}
