/**
 * graph/ecosystem/scopeMetrics: every per-actor measure a researcher or a map needs, computed in
 * one go on a scope's network (one ecosystem's induced subgraph, or the whole network), so the
 * API caches one object per scope and network version and answers every actor from it.
 *
 * Composed from graph/algorithms (each module cites its paper):
 * - degree and strength (sum of tie strengths, graph/ecosystem/interactionValue.ts);
 * - betweenness (Brandes 2001), normalized as NetworkX, unweighted; and weighted, with each tie's
 *   LENGTH = 1 / strength, so a path through strong ties is short (Newman 2001, "Scientific
 *   collaboration networks II", reads co-authorship weights the same way; Opsahl, Agneessens and
 *   Skvoretz 2010 discuss the choice). Strength is floored at MIN_STRENGTH (0.01), so lengths stay
 *   finite (<= 100) and positive;
 * - cross-group betweenness: paths between actors of different profiles, and for the national
 *   scope between different territories (`territoryGroup`: ecosystem, or région outside any);
 * - Gould & Fernandez brokerage, raw counts and sna z-scores, with groups = profile in an
 *   ecosystem (its actors share one territory) and territoryGroup nationally;
 * - Burt's constraint, effective size, efficiency, hierarchy, on the binary network: tie strengths
 *   are the programme's own composite, and unweighted values compare with the literature and
 *   NetworkX's defaults;
 * - Krackhardt's E-I index by profile, core numbers (Batagelj & Zaversnik), articulation points
 *   and removal impacts (Hopcroft & Tarjan), Louvain communities on tie strengths, seeded.
 *
 * Exact or sampled betweenness. Brandes costs O(nm) per pass, and 4 passes are needed (plain,
 * weighted and two cross-group), once per network version: seconds for the demo's national
 * network, milliseconds for an ecosystem. Up to `exactUpTo` = 5,000 actors every source is
 * searched. Above it, `pivots` = 256 uniform sources (Brandes & Pich 2007) are searched instead,
 * the same pivots for every variant; 256 keeps a network ten times larger than the threshold at
 * about the cost of an exact pass at the threshold (cost grows with k x m). The stated error is
 * graph/algorithms/betweennessSampled's Hoeffding bound for the normalized unweighted betweenness
 * of one actor (0.085 for k = 256 at 95%); the weighted and cross-group estimates use the same
 * pivots but their bounds are wider (cross-group ones divide by fewer pairs) and are not stated.
 *
 * Off the main thread. `computeScopeMetricsOnPool` runs the four betweenness passes (nearly all of
 * the cost) on a worker pool (graph/workers/betweennessParallel), so a server keeps answering
 * meanwhile; the cheap measures run on the calling thread while the workers search, with a turn of
 * the event loop between each. Scopes below `poolFrom` actors (every ecosystem) stay on the calling
 * thread, where they take milliseconds and would only wait in the pool's queue. Same sources, same
 * formulas: the pool's sums equal the single-thread ones up to rounding (the summation order
 * differs).
 */
import { accumulateFromSource, betweenness, createScratch, crossGroupBetweenness, nodeScale } from "../algorithms/betweenness.js";
import { drawPivots, hoeffdingError, sampledBetweenness } from "../algorithms/betweennessSampled.js";
import { brokerage, type RoleValues } from "../algorithms/brokerage.js";
import { louvain } from "../algorithms/communities.js";
import { connectedComponents, cutElements, removalImpacts, type Components } from "../algorithms/components.js";
import { eiIndex } from "../algorithms/eiIndex.js";
import { coreNumbers } from "../algorithms/kCore.js";
import { mulberry32 } from "../algorithms/random.js";
import { structuralHoles } from "../algorithms/structuralHoles.js";
import type { CsrGraph } from "../csr.js";
import { scopedSubgraph, type Scope } from "../scope.js";
import type { NetworkSnapshot } from "../snapshot.js";
import type { BetweennessPool } from "../workers/betweennessParallel.js";
import { MIN_STRENGTH } from "./interactionValue.js";

export interface ScopeMetricsOptions {
  /** Exact betweenness for scopes of at most this many actors, sampled above. @default 5000 */
  exactUpTo?: number;
  /** Pivot sources when sampled. @default 256 */
  pivots?: number;
  /** Seed of the pivots and of Louvain's node order. @default 1 */
  seed?: number;
  /** Probability with which the stated error bound holds. @default 0.95 */
  confidence?: number;
  /** computeScopeMetricsOnPool: scopes of at least this many actors use the pool. @default 500 */
  poolFrom?: number;
}

export const SCOPE_METRICS_DEFAULTS: Readonly<Required<ScopeMetricsOptions>> = Object.freeze({
  exactUpTo: 5000,
  pivots: 256,
  seed: 1,
  confidence: 0.95,
  poolFrom: 500,
});

export interface BetweennessMethod {
  method: "exact" | "sampled";
  /** Sources searched: every actor when exact, the pivots when sampled. */
  sources: number;
  /** Seed of the pivots; null when exact. */
  seed: number | null;
  confidence: number;
  /** Bound on |estimate - exact| of one actor's normalized betweenness at `confidence`; 0 when exact. */
  errorBound: number;
  /** The same bound holding for every actor at once. */
  errorBoundAllNodes: number;
  exactUpTo: number;
}

export type Grouping = "profile" | "territory";

/** Every array is indexed by the scope's local node i, snapshot node `nodes[i]`. */
export interface ScopeMetrics {
  scope: Scope;
  graph: CsrGraph;
  nodes: Int32Array;
  /** The snapshot's tie index of each local tie. */
  parentTie: Int32Array;
  /** Local index of a snapshot node; absent when the node is outside the scope. */
  localOf: ReadonlyMap<number, number>;
  degree: Int32Array;
  strength: Float64Array;
  betweenness: Float64Array;
  weightedBetweenness: Float64Array;
  crossProfileBetweenness: Float64Array;
  /** National scope only: an ecosystem's actors all share one territory. */
  crossTerritoryBetweenness: Float64Array | null;
  brokerageGroups: Grouping;
  brokerage: { raw: RoleValues<Float64Array>; z: RoleValues<Float64Array> };
  constraint: Float64Array;
  effectiveSize: Float64Array;
  efficiency: Float64Array;
  hierarchy: Float64Array;
  /** E-I index of each actor's ties by profile. */
  eiIndex: Float64Array;
  coreNumber: Int32Array;
  isArticulationPoint: Uint8Array;
  /** Local tie indices of the bridges (ties whose removal disconnects their component). */
  bridges: Int32Array;
  componentsAfter: Int32Array;
  disconnectedShare: Float64Array;
  components: Components;
  community: Int32Array;
  communities: { count: number; modularity: number; seed: number };
  algorithm: BetweennessMethod;
}

const MODULE = "graph/ecosystem/scopeMetrics";

function resolve(options: ScopeMetricsOptions): Required<ScopeMetricsOptions> {
  const resolved = { ...SCOPE_METRICS_DEFAULTS };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value === undefined) continue;
    if (!(key in SCOPE_METRICS_DEFAULTS)) throw new Error(`${MODULE}: unknown option ${key}`);
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${MODULE}: option ${key} must be a finite number, got ${String(value)}`);
    (resolved as Record<string, number>)[key] = value;
  }
  if (!Number.isInteger(resolved.pivots) || resolved.pivots < 1) throw new Error(`${MODULE}: pivots must be a positive integer, got ${resolved.pivots}`);
  if (resolved.exactUpTo < 0) throw new Error(`${MODULE}: exactUpTo must not be negative, got ${resolved.exactUpTo}`);
  return resolved;
}

/** The same graph with each tie's strength turned into a length, 1 / strength. */
export function lengthsFromStrengths(graph: CsrGraph): CsrGraph {
  const length = (w: number) => 1 / Math.max(w, MIN_STRENGTH);
  return { ...graph, weights: graph.weights.map(length), edgeWeight: graph.edgeWeight.map(length) };
}

interface BetweennessSet {
  betweenness: Float64Array;
  weightedBetweenness: Float64Array;
  crossProfileBetweenness: Float64Array;
  crossTerritoryBetweenness: Float64Array | null;
  algorithm: BetweennessMethod;
}

function allBetweenness(graph: CsrGraph, profiles: Int32Array, territories: Int32Array | null, options: Required<ScopeMetricsOptions>): BetweennessSet {
  const lengths = lengthsFromStrengths(graph);
  const n = graph.nodeCount;
  if (n <= options.exactUpTo || options.pivots >= n) {
    return {
      betweenness: betweenness(graph),
      weightedBetweenness: betweenness(lengths, { weighted: true }),
      crossProfileBetweenness: crossGroupBetweenness(graph, profiles),
      crossTerritoryBetweenness: territories && crossGroupBetweenness(graph, territories),
      algorithm: {
        method: "exact",
        sources: n,
        seed: null,
        confidence: options.confidence,
        errorBound: 0,
        errorBoundAllNodes: 0,
        exactUpTo: options.exactUpTo,
      },
    };
  }
  const sampling = { k: options.pivots, seed: options.seed, confidence: options.confidence };
  const plain = sampledBetweenness(graph, sampling);
  // The same seed and k draw the same pivots: every variant is estimated from one sample.
  const weighted = sampledBetweenness(lengths, { ...sampling, weighted: true });
  return {
    betweenness: plain.values,
    weightedBetweenness: weighted.values,
    crossProfileBetweenness: sampledCrossGroup(graph, profiles, plain.pivots),
    crossTerritoryBetweenness: territories && sampledCrossGroup(graph, territories, plain.pivots),
    algorithm: {
      method: "sampled",
      sources: plain.k,
      seed: plain.seed,
      confidence: options.confidence,
      errorBound: plain.error.perNode,
      errorBoundAllNodes: plain.error.allNodes,
      exactUpTo: options.exactUpTo,
    },
  };
}

/**
 * Cross-group betweenness estimated from pivots: their dependencies scaled by n / k estimate the
 * sums over every source (Brandes & Pich 2007), then normalized as crossGroupBetweenness does.
 */
export function sampledCrossGroup(graph: CsrGraph, groups: Int32Array, pivots: Int32Array): Float64Array {
  const n = graph.nodeCount;
  const sums = new Float64Array(n);
  const scratch = createScratch(graph, { weighted: false });
  for (const s of pivots) accumulateFromSource(graph, s, scratch, { nodes: sums, ties: null }, { weighted: false, groups });
  return normalizeCrossGroup(sums, groups, pivots.length === 0 ? 0 : n / pivots.length);
}

/**
 * Cross-group sums over ordered pairs, times `scale` (n / k for k pivots, 1 when every node was a
 * source), normalized as crossGroupBetweenness does: halved, over the cross-group pairs without v.
 */
function normalizeCrossGroup(sums: Float64Array, groups: Int32Array, scale: number): Float64Array {
  const n = sums.length;
  const sizes = new Map<number, number>();
  for (const label of groups) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  let samePairs = 0;
  for (const size of sizes.values()) samePairs += (size * (size - 1)) / 2;
  const crossPairs = (n * (n - 1)) / 2 - samePairs;
  return sums.map((sum, v) => {
    const pairsWithoutV = crossPairs - (n - sizes.get(groups[v]!)!);
    return pairsWithoutV > 0 ? (0.5 * scale * sum) / pairsWithoutV : 0;
  });
}

/**
 * allBetweenness's four passes on a worker pool: the same sources (every actor, or the same seeded
 * pivots), the same scaling.
 */
async function allBetweennessOnPool(
  pool: BetweennessPool,
  graph: CsrGraph,
  profiles: Int32Array,
  territories: Int32Array | null,
  options: Required<ScopeMetricsOptions>,
): Promise<BetweennessSet> {
  const n = graph.nodeCount;
  const exact = n <= options.exactUpTo || options.pivots >= n;
  const sources = exact ? null : drawPivots(n, options.pivots, mulberry32(options.seed));
  const k = sources === null ? n : sources.length;
  const sum = (g: CsrGraph, weighted: boolean, groups: Int32Array | null) => pool.sumDependencies(g, { kernel: "brandes", weighted, sources, groups });
  // Queued together, run one after the other on every worker.
  const [plain, weighted, crossProfile, crossTerritory] = await Promise.all([
    sum(graph, false, null),
    sum(lengthsFromStrengths(graph), true, null),
    sum(graph, false, profiles),
    territories === null ? null : sum(graph, false, territories),
  ]);
  const scale = (nodeScale(n, true) * n) / k;
  const crossScale = n / k;
  const bound = exact ? { perNode: 0, allNodes: 0 } : hoeffdingError(n, k, options.confidence, true);
  return {
    betweenness: plain.map((x) => x * scale),
    weightedBetweenness: weighted.map((x) => x * scale),
    crossProfileBetweenness: normalizeCrossGroup(crossProfile, profiles, crossScale),
    crossTerritoryBetweenness: crossTerritory && normalizeCrossGroup(crossTerritory, territories!, crossScale),
    algorithm: {
      method: exact ? "exact" : "sampled",
      sources: k,
      seed: exact ? null : options.seed,
      confidence: options.confidence,
      errorBound: bound.perNode,
      errorBoundAllNodes: bound.allNodes,
      exactUpTo: options.exactUpTo,
    },
  };
}

/** A scope's network and labels, as every part of the computation reads them. */
interface ScopeInput {
  scope: Scope;
  graph: CsrGraph;
  nodes: Int32Array;
  parentTie: Int32Array;
  national: boolean;
  profiles: Int32Array;
  territories: Int32Array;
}

function scopeInput(snapshot: NetworkSnapshot, scope: Scope): ScopeInput {
  const { graph, nodes, parentTie } = scopedSubgraph(snapshot, scope);
  const profiles = Int32Array.from(nodes, (v) => snapshot.profile[v]!);
  const territories = Int32Array.from(nodes, (v) => snapshot.territoryGroup[v]!);
  return { scope, graph, nodes, parentTie, national: scope.kind === "national", profiles, territories };
}

/** Every measure but betweenness. */
type OtherMeasures = Omit<ScopeMetrics, keyof BetweennessSet>;

/**
 * Every measure but betweenness, as a generator that yields between steps (each a small part of
 * the whole), so an async caller can let the event loop turn there.
 */
function* otherMeasures(input: ScopeInput, seed: number): Generator<void, OtherMeasures, void> {
  const { scope, graph, nodes, parentTie, national, profiles, territories } = input;
  const n = graph.nodeCount;
  const degree = new Int32Array(n);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    degree[i] = graph.offsets[i + 1]! - graph.offsets[i]!;
    for (let s = graph.offsets[i]!; s < graph.offsets[i + 1]!; s += 1) strength[i]! += graph.weights[s]!;
  }
  const roles = brokerage(graph, national ? territories : profiles);
  yield;
  const holes = structuralHoles(graph);
  yield;
  const cuts = cutElements(graph);
  const impacts = removalImpacts(graph);
  yield;
  const found = louvain(graph, { rng: mulberry32(seed) });
  yield;
  const ei = eiIndex(graph, profiles).actor.index;
  const cores = coreNumbers(graph);
  const components = connectedComponents(graph);
  return {
    scope,
    graph,
    nodes,
    parentTie,
    localOf: new Map(Array.from(nodes, (v, i) => [v, i])),
    degree,
    strength,
    brokerageGroups: national ? "territory" : "profile",
    brokerage: { raw: roles.raw, z: roles.z },
    constraint: holes.constraint,
    effectiveSize: holes.effectiveSize,
    efficiency: holes.efficiency,
    hierarchy: holes.hierarchy,
    eiIndex: ei,
    coreNumber: cores,
    isArticulationPoint: cuts.isArticulationPoint,
    bridges: cuts.bridges,
    componentsAfter: impacts.componentsAfter,
    disconnectedShare: impacts.disconnectedShare,
    components,
    community: found.communityOf,
    communities: { count: found.count, modularity: found.modularity, seed },
  };
}

/** The metrics of every actor of `scope`, in scopedSubgraph order, on the calling thread. Pure: same snapshot, same answer. */
export function computeScopeMetrics(snapshot: NetworkSnapshot, scope: Scope, options: ScopeMetricsOptions = {}): ScopeMetrics {
  return computeOnThread(scopeInput(snapshot, scope), resolve(options));
}

function computeOnThread(input: ScopeInput, resolved: Required<ScopeMetricsOptions>): ScopeMetrics {
  const between = allBetweenness(input.graph, input.profiles, input.national ? input.territories : null, resolved);
  const steps = otherMeasures(input, resolved.seed);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return { ...step.value, ...between };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same metrics, with betweenness computed on `pool` for scopes of at least `poolFrom` actors
 * while the other measures run here, the event loop turning between them. Equal to
 * computeScopeMetrics up to rounding; below `poolFrom` (or with no pool), exactly it.
 */
export async function computeScopeMetricsOnPool(
  pool: BetweennessPool | null,
  snapshot: NetworkSnapshot,
  scope: Scope,
  options: ScopeMetricsOptions = {},
): Promise<ScopeMetrics> {
  const resolved = resolve(options);
  const input = scopeInput(snapshot, scope);
  if (pool === null || input.graph.nodeCount < resolved.poolFrom) return computeOnThread(input, resolved);
  const pending = allBetweennessOnPool(pool, input.graph, input.profiles, input.national ? input.territories : null, resolved);
  // Should a measure below throw, the pool's answer is still awaited by nobody: keep it from
  // surfacing as an unhandled rejection.
  pending.catch(() => undefined);
  const steps = otherMeasures(input, resolved.seed);
  let step = steps.next();
  while (!step.done) {
    await nextTurn();
    step = steps.next();
  }
  return { ...step.value, ...(await pending) };
}
