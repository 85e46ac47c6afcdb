/**
 * graph/analytics/history: what the history of an ecosystem reads of the network on a day, once
 * per network version and day: the measurement a metric snapshot stores (and a live comparison
 * computes), and the few figures a report's history shows.
 */
import { defaultTieValues, measureEcosystem, type EcosystemMetrics } from "../ecosystem/history/ecosystemMetrics.js";
import { ecosystemMaturity } from "../ecosystem/maturity.js";
import type { TieValues } from "../ecosystem/tieValues.js";
import type { GraphEngine } from "../engines/graphEngine.js";
import type { NetworkSnapshot, SnapshotOptions } from "../snapshot.js";
import { inducedSubgraph } from "../subgraph.js";
import { cachedAnalytic } from "./cacheKeys.js";

/** Every tie's default value on this very snapshot: shared through the cache, unless the network moved meanwhile. */
async function tieValuesOn(graph: GraphEngine, snapshot: NetworkSnapshot, options: SnapshotOptions): Promise<TieValues> {
  const shared = await cachedAnalytic(graph, { analytic: "history:tie-values" }, (s) => ({ snapshot: s, values: defaultTieValues(s) }), options);
  return shared.snapshot === snapshot ? shared.values : defaultTieValues(snapshot);
}

/** An ecosystem's metrics as a metric snapshot keeps them, with the snapshot they were measured on. */
export function ecosystemMeasurement(
  graph: GraphEngine,
  ecosystemId: number,
  options: SnapshotOptions = {},
): Promise<{ snapshot: NetworkSnapshot; metrics: EcosystemMetrics }> {
  return cachedAnalytic(
    graph,
    { analytic: "history:ecosystem-metrics", ecosystemId },
    async (snapshot) => ({ snapshot, metrics: measureEcosystem(snapshot, ecosystemId, await tieValuesOn(graph, snapshot, options)) }),
    options,
  );
}

/** An ecosystem's network and maturity on a day, as a report's history shows them. */
export interface EcosystemPoint {
  /** Actors of the ecosystem with at least one tie inside it on that day. */
  actors: number;
  ties: number;
  crossProfileTies: number;
  level: 1 | 2 | 3 | 4;
  composite: number;
}

/** Every ecosystem's point in one pass over a snapshot: the snapshot is shared, so is the work. */
function pointsOf(snapshot: NetworkSnapshot): ReadonlyMap<number, EcosystemPoint> {
  const members = new Map<number, number[]>();
  snapshot.ecosystem.forEach((id, v) => {
    if (id < 0) return;
    let list = members.get(id);
    if (!list) members.set(id, (list = []));
    list.push(v);
  });
  const points = new Map<number, EcosystemPoint>();
  for (const [id, nodes] of members) {
    const { graph } = inducedSubgraph(snapshot.graph, nodes);
    let engaged = 0;
    for (let i = 0; i < graph.nodeCount; i += 1) if (graph.offsets[i + 1]! > graph.offsets[i]!) engaged += 1;
    let crossing = 0;
    for (let e = 0; e < graph.edgeCount; e += 1)
      if (snapshot.profile[nodes[graph.edgeSource[e]!]!] !== snapshot.profile[nodes[graph.edgeTarget[e]!]!]) crossing += 1;
    // The maturity the API computes (graph/analytics/maturities.ts), on the network of that day.
    const maturity = ecosystemMaturity(snapshot, id);
    points.set(id, { actors: engaged, ties: graph.edgeCount, crossProfileTies: crossing, level: maturity.level, composite: maturity.composite });
  }
  return points;
}

/** The ecosystem's point on the day `options` take the network on, and that day. */
export async function historyPoint(graph: GraphEngine, ecosystemId: number, options: SnapshotOptions = {}): Promise<EcosystemPoint & { today: number }> {
  const [points, snapshot] = await Promise.all([cachedAnalytic(graph, { analytic: "report-history" }, pointsOf, options), graph.snapshot(options)]);
  return { today: snapshot.today, ...(points.get(ecosystemId) ?? withoutActors(snapshot, ecosystemId)) };
}

/** An ecosystem no actor acts in yet: no network, and the maturity the API gives such an ecosystem. */
function withoutActors(snapshot: NetworkSnapshot, ecosystemId: number): EcosystemPoint {
  const { level, composite } = ecosystemMaturity(snapshot, ecosystemId);
  return { actors: 0, ties: 0, crossProfileTies: 0, level, composite };
}
