/**
 * graph/ecosystem/bridges: the bridge actors of a scope, their score with its breakdown, and what
 * breaks if one of them leaves. The model (components, weights, why) is in bridgeModel.ts; the
 * measures come from scopeMetrics.ts, so this module only scales and combines them.
 */
import type { CsrGraph } from "../csr.js";
import { ARTICULATION_FLAG_SHARE, BRIDGE_COMPONENT_KEYS, BRIDGE_COMPONENTS, CROSS_GROUP_ROLES, type BridgeComponentKey } from "./bridgeModel.js";
import type { ScopeMetrics } from "./scopeMetrics.js";

/** Indexed by the scope's local node, as ScopeMetrics. */
export interface BridgeScores {
  /** Σ weight × component score, in [0, 1]. */
  score: Float64Array;
  /** Each component's score in [0, 1], before weighting. */
  components: Record<BridgeComponentKey, Float64Array>;
}

export interface BridgeContribution {
  component: BridgeComponentKey;
  /** The component's score in [0, 1]. */
  score: number;
  weight: number;
  /** weight × score: what the component adds to the bridge score. */
  contribution: number;
}

const MODULE = "graph/ecosystem/bridges";

/** Each value over the largest (0 where the largest is 0 or a value is not a number). */
function relativeToMax(values: ArrayLike<number>): Float64Array {
  let max = 0;
  for (let i = 0; i < values.length; i += 1) if (values[i]! > max) max = values[i]!;
  return Float64Array.from({ length: values.length }, (_, i) => (max > 0 && values[i]! > 0 ? values[i]! / max : 0));
}

/** The bridge score of every actor of the scope, with the scope's groups (profile or territory). */
export function bridgeScores(metrics: ScopeMetrics): BridgeScores {
  const n = metrics.graph.nodeCount;
  const crossGroup = metrics.brokerageGroups === "territory" ? metrics.crossTerritoryBetweenness : metrics.crossProfileBetweenness;
  if (crossGroup === null) throw new Error(`${MODULE}: a national scope needs its cross-territory betweenness`);
  const acrossGroups = new Float64Array(n);
  for (const role of CROSS_GROUP_ROLES) {
    const raw = metrics.brokerage.raw[role];
    for (let i = 0; i < n; i += 1) acrossGroups[i]! += raw[i]!;
  }
  const cutShare = relativeToMax(metrics.disconnectedShare);
  const components: Record<BridgeComponentKey, Float64Array> = {
    crossGroupBetweenness: relativeToMax(crossGroup),
    brokerage: relativeToMax(acrossGroups),
    lowConstraint: Float64Array.from(metrics.constraint, (c) => (Number.isNaN(c) ? 0 : Math.min(1, Math.max(0, 1 - c)))),
    articulation: Float64Array.from(
      { length: n },
      (_, i) => ARTICULATION_FLAG_SHARE * metrics.isArticulationPoint[i]! + (1 - ARTICULATION_FLAG_SHARE) * cutShare[i]!,
    ),
  };
  const score = new Float64Array(n);
  for (const key of BRIDGE_COMPONENT_KEYS) {
    const { weight } = BRIDGE_COMPONENTS[key];
    const values = components[key];
    for (let i = 0; i < n; i += 1) score[i]! += weight * values[i]!;
  }
  return { score, components };
}

/** What each component adds to local node i's score; the contributions sum to its score. */
export function bridgeBreakdown(scores: BridgeScores, i: number): BridgeContribution[] {
  return BRIDGE_COMPONENT_KEYS.map((component) => {
    const { weight } = BRIDGE_COMPONENTS[component];
    const score = scores.components[component][i]!;
    return { component, score, weight, contribution: weight * score };
  });
}

/** Local nodes by descending score, equal scores in node order (ascending record id); the first `first`. */
export function rankBridges(scores: BridgeScores, first: number): Int32Array {
  const order = Array.from({ length: scores.score.length }, (_, i) => i);
  order.sort((a, b) => scores.score[b]! - scores.score[a]! || a - b);
  return Int32Array.from(order.slice(0, Math.max(0, first)));
}

/**
 * What node v's own component falls into without v: the sizes of the pieces, largest first (none
 * for an isolated node). Other components are untouched and not listed, so the graph without v has
 * `componentsAfter` = (components before - 1) + pieces.length. One search from v's neighbours,
 * O(size of v's component).
 */
export function piecesAfterRemoval(graph: CsrGraph, v: number): number[] {
  const { nodeCount: n, offsets, targets } = graph;
  if (!(Number.isInteger(v) && v >= 0 && v < n)) throw new Error(`${MODULE}: node ${v} does not exist`);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  seen[v] = 1;
  const sizes: number[] = [];
  for (let r = offsets[v]!; r < offsets[v + 1]!; r += 1) {
    const root = targets[r]!;
    if (seen[root]) continue;
    seen[root] = 1;
    queue[0] = root;
    let tail = 1;
    for (let head = 0; head < tail; head += 1) {
      const u = queue[head]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k += 1) {
        const w = targets[k]!;
        if (seen[w]) continue;
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
    sizes.push(tail);
  }
  return sizes.sort((a, b) => b - a);
}
