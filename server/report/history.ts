import { historyPoint, type EcosystemPoint } from "../../graph/analytics/history.js";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";

/** One point of an ecosystem's history: its network and maturity as of a day. */
export interface HistoryPoint extends EcosystemPoint {
  /** The day the network is taken on (ISO date). */
  date: string;
  /** "before": the year end before the accompaniment began; "yearEnd"; "current": the record as it is. */
  kind: "before" | "yearEnd" | "current";
}

const DAY = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

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
  const days = [
    ...historyDays(accompaniedSince, current.today).map(({ date, kind }) => ({ asOf: date as Date | undefined, kind })),
    { asOf: undefined, kind: "current" as const },
  ];
  return Promise.all(
    days.map(async ({ asOf, kind }) => {
      const { today, ...point } = await historyPoint(graph, ecosystemId, { asOf });
      return { date: isoDay(today), kind, ...point };
    }),
  );
}
