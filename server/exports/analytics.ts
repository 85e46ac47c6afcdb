import { scopeAnalytics, type ScopeAnalytics } from "../../graph/analytics/scopeAnalytics.js";
import { tieValuesFor } from "../../graph/analytics/tieValues.js";
import { DEFAULT_VALUE_WEIGHTS } from "../../graph/ecosystem/interactionValue.js";
import type { BetweennessPool } from "../../graph/workers/betweennessParallel.js";
import { sharedBetweennessPool } from "../../graph/workers/sharedBetweennessPool.js";
import type { TieValues } from "../../graph/ecosystem/tieValues.js";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import type { Scope } from "../../graph/scope.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { timeTravelOptions } from "../../graph/asOf.js";

/**
 * The analytics an export carries, from the analytics service the API reads too
 * (graph/analytics/scopeAnalytics.ts, graph/analytics/tieValues.ts) and so from the same cache: an
 * export after a map or a query costs no second computation, and its numbers are the API's. The
 * `asOf` option selects a past network; the engine caches it apart.
 */
export interface ExportAnalytics {
  snapshot: NetworkSnapshot;
  /** The past day the network was taken on; null for the current network. */
  asOf: Date | null;
  /** Null when the request asked for no metrics. */
  scope: ScopeAnalytics | null;
  tieValues: TieValues;
}

/** The network moved on between two cached computations: read them again (a write landed). */
const ATTEMPTS = 3;

export interface ExportAnalyticsOptions {
  asOf: Date | null;
  metrics: boolean;
  /**
   * Where large scopes' betweenness runs: the server's shared worker pool, so it keeps answering
   * meanwhile; null computes on this thread, which a one-shot command prefers (no workers to start
   * and stop). @default sharedBetweennessPool
   */
  pool?: (() => BetweennessPool | null) | undefined;
}

export async function exportAnalytics(graph: GraphEngine, metricsScope: Scope, options: ExportAnalyticsOptions): Promise<ExportAnalytics> {
  const pool = options.pool ?? sharedBetweennessPool;
  for (let attempt = 1; ; attempt += 1) {
    // The API's time-travel rule: a day on or after the record's latest event is the current network.
    const snapshotOptions = await timeTravelOptions(graph, options.asOf);
    const asOf = snapshotOptions.asOf ?? null;
    const { snapshot, values } = await tieValuesFor(graph, { ...DEFAULT_VALUE_WEIGHTS }, snapshotOptions);
    const scope = options.metrics ? await scopeAnalytics(graph, metricsScope, snapshotOptions, pool) : null;
    if (!scope || scope.snapshot === snapshot) return { snapshot, asOf, scope, tieValues: values };
    if (attempt === ATTEMPTS) throw new Error("server/exports: the network kept changing while the export was read; try again");
  }
}
