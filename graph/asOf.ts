import { z } from "zod";
import type { GraphEngine } from "./engines/graphEngine.js";
import type { SnapshotOptions } from "./snapshot.js";
import { dayOf } from "./tieFeatures.js";

/** The earliest day the network may be asked as of: no record of cooperation predates it. */
export const EARLIEST_AS_OF = new Date(Date.UTC(1900, 0, 1));

/** The calendar day (midnight UTC) of an instant: what `asOf` means when not given a date. */
export function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * A day to take the network as of: from 1900 to today. The future is refused rather than read as
 * today: a network "as of next year" would silently be today's. `today` is read at each check,
 * so a long-running server moves with the calendar.
 */
export const asOfSchema = z
  .date()
  .min(EARLIEST_AS_OF, "asOf must not be before 1900-01-01")
  .refine((date) => dayOf(date) <= dayOf(new Date()), "asOf must not be after today");

/**
 * The snapshot options for a day the caller already checked. A day on or after the record's
 * latest dated event sees exactly the current network, so it is served as the current network
 * (whose recency counts from that latest event, not from the wall clock): asking as of today
 * gives the same answers, from the same cache, as not asking. An earlier day is a real journey
 * back: alliances started and interactions dated after it are left out, recency counts from it.
 */
export async function timeTravelOptions(graph: GraphEngine, asOf: Date | null | undefined): Promise<SnapshotOptions> {
  if (asOf == null) return {};
  const current = await graph.snapshot();
  return dayOf(asOf) >= current.today ? {} : { asOf: utcDay(asOf) };
}
