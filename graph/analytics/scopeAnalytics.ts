/**
 * graph/analytics/scopeAnalytics: a scope's metrics (betweenness, brokerage, structural holes,
 * communities…), its bridge scores and its network statistics, each computed once per network
 * version and day, and shared by the API's fields, the exports and the map.
 */
import { bridgeScores, type BridgeScores } from "../ecosystem/bridges.js";
import { computeNetworkStats, type NetworkStats } from "../ecosystem/networkStats.js";
import { computeScopeMetricsOnPool, type ScopeMetrics } from "../ecosystem/scopeMetrics.js";
import type { GraphEngine } from "../engines/graphEngine.js";
import type { Scope } from "../scope.js";
import type { NetworkSnapshot, SnapshotOptions } from "../snapshot.js";
import type { BetweennessPool } from "../workers/betweennessParallel.js";
import { sharedBetweennessPool } from "../workers/sharedBetweennessPool.js";
import { cachedAnalytic } from "./cacheKeys.js";
import { computedOn, type ComputedOnShape } from "./computedOn.js";

/** One scope's metrics and bridge scores, on the snapshot they were computed on. */
export interface ScopeAnalytics {
  snapshot: NetworkSnapshot;
  metrics: ScopeMetrics;
  bridges: BridgeScores;
  computedOn: ComputedOnShape;
}

/**
 * `pool` says where large scopes' betweenness runs: the shared worker pool, so that the server
 * keeps answering meanwhile, or this thread (null), which a one-shot command prefers.
 */
export function scopeAnalytics(
  graph: GraphEngine,
  scope: Scope,
  options: SnapshotOptions = {},
  pool: () => BetweennessPool | null = sharedBetweennessPool,
): Promise<ScopeAnalytics> {
  return cachedAnalytic(
    graph,
    { analytic: "scope-metrics", scope },
    async (snapshot) => {
      const metrics = await computeScopeMetricsOnPool(pool(), snapshot, scope);
      return { snapshot, metrics, bridges: bridgeScores(metrics), computedOn: computedOn(snapshot) };
    },
    options,
  );
}

export type NetworkStatsShape = NetworkStats & { computedOn: ComputedOnShape };

/** A scope's network statistics, from its cached metrics. */
export function networkStats(graph: GraphEngine, scope: Scope, options: SnapshotOptions = {}): Promise<NetworkStatsShape> {
  return cachedAnalytic(
    graph,
    { analytic: "network-stats", scope },
    async () => {
      const { snapshot, metrics, computedOn } = await scopeAnalytics(graph, scope, options);
      return { ...computeNetworkStats(snapshot, metrics), computedOn };
    },
    options,
  );
}
