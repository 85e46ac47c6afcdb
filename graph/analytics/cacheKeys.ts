/**
 * graph/analytics/cacheKeys: what the analytics service caches per network version, named once.
 * Every analytic has a typed key here; `keyOf` turns it into the engine's cache key, so two
 * callers asking the same thing share one computation, and two different things never collide.
 * Only the service (graph/analytics/*) calls the engine's `cached`, through `cachedAnalytic`.
 */
import type { InteractionValueWeights } from "../ecosystem/interactionValue.js";
import type { GraphEngine } from "../engines/graphEngine.js";
import type { Scope } from "../scope.js";
import type { NetworkSnapshot, SnapshotOptions } from "../snapshot.js";

export type AnalyticsKey =
  | { analytic: "scope-metrics"; scope: Scope }
  | { analytic: "network-stats"; scope: Scope }
  | { analytic: "maturity" }
  | { analytic: "ecosystem-network"; ecosystemId: number; includeOutside: boolean }
  | { analytic: "peers"; actorId: number }
  | { analytic: "tie-structural-positions" }
  | { analytic: "tie-values"; weights: InteractionValueWeights }
  | { analytic: "history:tie-values" }
  | { analytic: "history:ecosystem-metrics"; ecosystemId: number }
  | { analytic: "report-history" };

/**
 * The analytic's name, then its parameters as JSON with every object's keys sorted: the same
 * parameters give the same key whatever order they were built in. An analytic without
 * parameters is its bare name.
 */
export function keyOf(key: AnalyticsKey): string {
  const { analytic, ...parameters } = key;
  return Object.keys(parameters).length === 0 ? analytic : `${analytic}:${canonicalJson(parameters)}`;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The engine's per-version cache, entered by a typed key. */
export function cachedAnalytic<T>(
  graph: GraphEngine,
  key: AnalyticsKey,
  compute: (snapshot: NetworkSnapshot) => T | Promise<T>,
  options: SnapshotOptions = {},
): Promise<T> {
  return graph.cached(keyOf(key), compute, options);
}
