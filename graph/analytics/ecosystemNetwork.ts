/**
 * graph/analytics/ecosystemNetwork: an ecosystem's network as a map draws it, actors and ties
 * from the snapshot with the scope's metrics, once per network version, day and `includeOutside`.
 */
import type { GraphEngine } from "../engines/graphEngine.js";
import type { SnapshotOptions } from "../snapshot.js";
import { cachedAnalytic } from "./cacheKeys.js";
import { scopeAnalytics, type ScopeAnalytics } from "./scopeAnalytics.js";

/**
 * With `includeOutside`, the actors of other territories tied to the ecosystem's actors join,
 * with those ties only; they carry no metrics, being outside the scope.
 */
export interface EcosystemNetwork {
  a: ScopeAnalytics;
  ecosystemId: number;
  /** Snapshot node ids: the ecosystem's actors (ascending), then outside actors (ascending). */
  nodes: number[];
  /** Snapshot tie ids; isBridge is null for a tie leaving the ecosystem. */
  ties: { e: number; isBridge: boolean | null }[];
}

export function ecosystemNetwork(graph: GraphEngine, ecosystemId: number, includeOutside: boolean, options: SnapshotOptions = {}): Promise<EcosystemNetwork> {
  return cachedAnalytic(
    graph,
    { analytic: "ecosystem-network", ecosystemId, includeOutside },
    async () => networkOf(await scopeAnalytics(graph, { kind: "ecosystem", ecosystemId }, options), ecosystemId, includeOutside),
    options,
  );
}

/** The ecosystem's ties and, with `includeOutside`, its actors' ties to other territories. */
function networkOf(a: ScopeAnalytics, ecosystemId: number, includeOutside: boolean): EcosystemNetwork {
  const { offsets, targets, edgeOf } = a.snapshot.graph;
  const bridges = new Set(a.metrics.bridges);
  const ties = Array.from(a.metrics.parentTie, (e, local) => ({ e, isBridge: bridges.has(local) as boolean | null }));
  const outside = new Set<number>();
  if (includeOutside) {
    for (const v of a.metrics.nodes) {
      for (let k = offsets[v]!; k < offsets[v + 1]!; k += 1) {
        if (a.metrics.localOf.has(targets[k]!)) continue;
        outside.add(targets[k]!);
        ties.push({ e: edgeOf[k]!, isBridge: null });
      }
    }
  }
  return { a, ecosystemId, nodes: [...a.metrics.nodes, ...[...outside].sort((x, y) => x - y)], ties };
}
