import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import { ecosystemMaturity } from "../../graph/ecosystem/maturity.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { inducedSubgraph } from "../../graph/subgraph.js";

/** One point of an ecosystem's history: its network and maturity as of a day. */
export interface HistoryPoint {
  /** The day the network is taken on (ISO date). */
  date: string;
  /** "before": the year end before the accompaniment began; "yearEnd"; "current": the record as it is. */
  kind: "before" | "yearEnd" | "current";
  /** Actors of the ecosystem with at least one tie inside it on that day. */
  actors: number;
  ties: number;
  crossProfileTies: number;
  level: 1 | 2 | 3 | 4;
  composite: number;
}

type EcosystemPoint = Omit<HistoryPoint, "date" | "kind">;

const DAY = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

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
    for (let e = 0; e < graph.edgeCount; e += 1) if (snapshot.profile[nodes[graph.edgeSource[e]!]!] !== snapshot.profile[nodes[graph.edgeTarget[e]!]!]) crossing += 1;
    // The maturity the API computes (schema/maturity.ts), on the network of that day.
    const maturity = ecosystemMaturity(snapshot, id);
    points.set(id, { actors: engaged, ties: graph.edgeCount, crossProfileTies: crossing, level: maturity.level, composite: maturity.composite });
  }
  return points;
}

/**
 * The days an ecosystem's history is read on: the last year end before its accompaniment began
 * (where it started from), every year end since that the record reaches, and the record as it
 * is. Year ends only, so that every ecosystem's history reads the same few snapshots of the
 * network, each built once per version and shared.
 */
export function historyDays(accompaniedSince: Date, today: number): { date: Date; kind: HistoryPoint["kind"] }[] {
  const start = accompaniedSince.getUTCFullYear();
  const days: { date: Date; kind: HistoryPoint["kind"] }[] = [{ date: new Date(Date.UTC(start - 1, 11, 31)), kind: "before" }];
  for (let year = start; ; year += 1) {
    const yearEnd = new Date(Date.UTC(year, 11, 31));
    if (yearEnd.getTime() >= today * DAY) break;
    days.push({ date: yearEnd, kind: "yearEnd" });
  }
  return days;
}

/** How an ecosystem changed: its points on `historyDays`, then now, oldest first. */
export async function ecosystemHistory(graph: GraphEngine, ecosystemId: number, accompaniedSince: Date): Promise<HistoryPoint[]> {
  const current = await graph.snapshot();
  const days = [...historyDays(accompaniedSince, current.today).map(({ date, kind }) => ({ asOf: date as Date | undefined, kind })), { asOf: undefined, kind: "current" as const }];
  return Promise.all(
    days.map(async ({ asOf, kind }) => {
      const [points, snapshot] = await Promise.all([graph.cached("report-history", pointsOf, { asOf }), graph.snapshot({ asOf })]);
      return { date: isoDay(snapshot.today), kind, ...(points.get(ecosystemId) ?? withoutActors(snapshot, ecosystemId)) };
    }),
  );
}

/** An ecosystem no actor acts in yet: no network, and the maturity the API gives such an ecosystem. */
function withoutActors(snapshot: NetworkSnapshot, ecosystemId: number): EcosystemPoint {
  const { level, composite } = ecosystemMaturity(snapshot, ecosystemId);
  return { actors: 0, ties: 0, crossProfileTies: 0, level, composite };
}
