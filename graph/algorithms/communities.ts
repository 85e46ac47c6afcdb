/**
 * graph/communities: groups of actors more tied to each other than to the rest, and how good a
 * grouping is.
 *
 * M. E. J. Newman and M. Girvan, "Finding and evaluating community structure in networks",
 * Physical Review E 69, 026113, 2004. doi:10.1103/PhysRevE.69.026113 (modularity)
 * V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of communities in
 * large networks", J. Stat. Mech. 2008, P10008. doi:10.1088/1742-5468/2008/10/P10008 (Louvain)
 * J. Reichardt and S. Bornholdt, Physical Review E 74, 016110, 2006 (the resolution parameter).
 *
 * Modularity, with m the total tie weight, L_c the weight of ties inside community c, d_c the sum
 * of the weighted degrees of its members and γ the resolution:
 *     Q = Σ_c [ L_c / m - γ (d_c / 2m)² ]
 * as networkx.algorithms.community.modularity. With `weighted: false` every tie weighs 1. With no
 * tie weight at all (m = 0) Q is undefined: NaN (NetworkX raises ZeroDivisionError).
 *
 * Louvain is graphology-communities-louvain, run on a graphology copy of the CSR graph (nodes "0"
 * .. "n-1"). Its node order is drawn from `rng`, so a seeded rng gives the same communities every
 * time; without one, a fresh mulberry32(DEFAULTS.seed) is used, so the same call gives the same
 * answer. Communities are renumbered in the order of their smallest node, and the returned
 * modularity is recomputed by `modularity` above, so both functions always agree.
 * Louvain is a heuristic: this one and NetworkX's louvain_communities land on different local
 * optima, sometimes higher, sometimes lower. On karate and territorial-150, for several seeds, its
 * modularity is at least NetworkX's (seed 42) minus 0.02, weighted or not (checked in the tests).
 */
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import type { CsrGraph } from "../csr.js";
import { mulberry32 } from "./random.js";

// The package is CommonJS with types declaring `export default`: under NodeNext TypeScript types the
// default import as the module object, while Node hands over module.exports, the function itself.
const graphologyLouvain = louvainModule as unknown as typeof louvainModule.default;

export interface ModularityOptions {
  /** γ: above 1 favours smaller communities, below 1 larger ones. @default 1 */
  resolution?: number;
  /** Use tie weights; otherwise every tie weighs 1. @default true */
  weighted?: boolean;
}

export interface LouvainOptions extends ModularityOptions {
  /**
   * Uniform numbers in [0, 1), e.g. `mulberry32(seed)` of graph/algorithms/random.ts.
   * @default a fresh mulberry32(0) per call, so that a call without rng is reproducible too
   */
  rng?: () => number;
}

export interface Communities {
  /** Community of each node, numbered 0..count-1 in the order of their smallest node. */
  communityOf: Int32Array;
  count: number;
  modularity: number;
}

export const DEFAULTS = { resolution: 1, weighted: true, seed: 0 } as const;

function checkGraph(graph: CsrGraph): void {
  if (graph === null || typeof graph !== "object" || !(graph.offsets instanceof Int32Array) || graph.offsets.length !== graph.nodeCount + 1) {
    throw new Error("graph/communities: expected a CsrGraph (see graph/csr.ts)");
  }
}

function resolveOptions(options: ModularityOptions): Required<ModularityOptions> {
  const resolution = options.resolution ?? DEFAULTS.resolution;
  const weighted = options.weighted ?? DEFAULTS.weighted;
  if (!Number.isFinite(resolution) || resolution < 0) {
    throw new Error(`graph/communities: resolution must be a non-negative number, got ${resolution}`);
  }
  if (typeof weighted !== "boolean") throw new Error("graph/communities: weighted must be a boolean");
  return { resolution, weighted };
}

function tieWeight(graph: CsrGraph, weighted: boolean, halfTie: number): number {
  return weighted ? graph.weights[halfTie]! : 1;
}

/** Renumbers labels 0..count-1 in the order of their first node. */
function canonical(labels: ArrayLike<number>): { communityOf: Int32Array; count: number } {
  const ids = new Map<number, number>();
  const communityOf = new Int32Array(labels.length);
  for (let v = 0; v < labels.length; v += 1) {
    const label = labels[v]!;
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
    }
    communityOf[v] = id;
  }
  return { communityOf, count: ids.size };
}

export function modularity(graph: CsrGraph, communityOf: ArrayLike<number>, options: ModularityOptions = {}): number {
  checkGraph(graph);
  const { resolution, weighted } = resolveOptions(options);
  if (communityOf === null || typeof communityOf !== "object" || communityOf.length !== graph.nodeCount) {
    throw new Error(`graph/communities: expected one community per node (${graph.nodeCount})`);
  }
  for (let v = 0; v < graph.nodeCount; v += 1) {
    const c = communityOf[v]!;
    if (!Number.isInteger(c) || c < 0) throw new Error(`graph/communities: node ${v} has invalid community ${c}`);
  }
  const { communityOf: dense, count } = canonical(communityOf);
  const inside = new Float64Array(count);
  const degreeSum = new Float64Array(count);
  const { offsets, targets } = graph;
  let twiceM = 0;
  for (let v = 0; v < graph.nodeCount; v += 1) {
    const c = dense[v]!;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i += 1) {
      const w = tieWeight(graph, weighted, i);
      twiceM += w;
      degreeSum[c]! += w;
      // Each inside tie is seen from both ends: this sums 2 L_c.
      if (dense[targets[i]!] === c) inside[c]! += w;
    }
  }
  if (twiceM === 0) return NaN;
  let q = 0;
  for (let c = 0; c < count; c += 1) {
    const share = degreeSum[c]! / twiceM;
    q += inside[c]! / twiceM - resolution * share * share;
  }
  return q;
}

export function louvain(graph: CsrGraph, options: LouvainOptions = {}): Communities {
  checkGraph(graph);
  const resolved = resolveOptions(options);
  const rng = options.rng ?? mulberry32(DEFAULTS.seed);
  if (typeof rng !== "function") throw new Error("graph/communities: rng must be a function returning numbers in [0, 1)");
  const n = graph.nodeCount;
  let total = 0;
  for (let e = 0; e < 2 * graph.edgeCount; e += 1) total += tieWeight(graph, resolved.weighted, e);
  if (total === 0) {
    // Nothing to optimise (and every delta would divide by zero): each actor alone.
    return { communityOf: Int32Array.from({ length: n }, (_, v) => v), count: n, modularity: NaN };
  }
  // Building this copy costs about as much as the optimisation itself on large graphs; keying edges
  // by tie index spares graphology generating keys.
  const keys = Array.from({ length: n }, (_, v) => String(v));
  const copy = new UndirectedGraph({ allowSelfLoops: false });
  for (const key of keys) copy.addNode(key);
  const weightOfTie = new Float64Array(graph.edgeCount);
  for (let i = 0; i < 2 * graph.edgeCount; i += 1) weightOfTie[graph.edgeOf[i]!] = graph.weights[i]!;
  for (let e = 0; e < graph.edgeCount; e += 1) {
    copy.addEdgeWithKey(e, keys[graph.edgeSource[e]!]!, keys[graph.edgeTarget[e]!]!, { weight: weightOfTie[e] });
  }
  const mapping = graphologyLouvain(copy, {
    getEdgeWeight: resolved.weighted ? "weight" : null,
    resolution: resolved.resolution,
    rng,
  });
  const { communityOf, count } = canonical(Int32Array.from(keys, (key) => mapping[key]!));
  return { communityOf, count, modularity: modularity(graph, communityOf, resolved) };
}
