import { ecosystemMeasurement } from "../../analytics/history.js";
import type { GraphEngine } from "../../engines/graphEngine.js";
import type { EcosystemMetrics } from "./ecosystemMetrics.js";
import { Prisma } from "../../../record/generated/prisma/client.js";
import { timeTravelOptions, utcDay } from "../../asOf.js";

type Tx = Prisma.TransactionClient;

export const SNAPSHOT_TRIGGERS = ["ON_DEMAND", "SCHEDULE"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

/** An ecosystem as history knows it: its record id and the territory its snapshots hang on. */
export interface EcosystemRef {
  id: number;
  territoryId: number;
}

/** One ecosystem measured on one day, ready to be stored or compared. */
export interface Measurement {
  ecosystem: EcosystemRef;
  /** The day asked for (midnight UTC). */
  asOf: Date;
  graphVersion: bigint;
  metrics: EcosystemMetrics;
}

/**
 * The ecosystems measured as of `asOf` (today when not given), each once per network version and
 * day, shared by on-demand snapshots, the schedule and live diffs. The day must have been checked
 * (graph/asOf.ts); it is kept as asked even when the current network serves it.
 */
export async function measureAsOf(graph: GraphEngine, ecosystems: readonly EcosystemRef[], asOf: Date = new Date()): Promise<Measurement[]> {
  const day = utcDay(asOf);
  const options = await timeTravelOptions(graph, day);
  const measurements: Measurement[] = [];
  for (const ecosystem of ecosystems) {
    const { snapshot, metrics } = await ecosystemMeasurement(graph, ecosystem.id, options);
    measurements.push({ ecosystem, asOf: day, graphVersion: snapshot.version, metrics });
    // Each ecosystem takes milliseconds, all 81 about a second: let requests in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return measurements;
}

function row(m: Measurement, trigger: SnapshotTrigger, takenAt: Date) {
  return {
    territoryId: m.ecosystem.territoryId,
    asOf: m.asOf,
    takenAt,
    trigger,
    graphVersion: Number(m.graphVersion),
    metrics: m.metrics as unknown as Prisma.InputJsonValue,
  };
}

/**
 * Stores the measurements in the caller's transaction, one row per (territory, day): taking a
 * day again replaces its metrics and keeps its id, so repeating a request leaves one snapshot,
 * refreshed. One statement for all of them (81 upserts one by one take seconds on the embedded
 * database). Returns the snapshots' ids in the order given.
 */
export async function upsertSnapshots(tx: Tx, measurements: readonly Measurement[], trigger: SnapshotTrigger, takenAt = new Date()): Promise<number[]> {
  if (measurements.length === 0) return [];
  const values = measurements.map((m) => {
    const r = row(m, trigger, takenAt);
    return Prisma.sql`(${r.territoryId}, ${r.asOf}::date, ${r.takenAt}::timestamp, ${r.trigger}, ${r.graphVersion}, ${JSON.stringify(r.metrics)}::jsonb)`;
  });
  const rows = await tx.$queryRaw<{ id: number; territoryId: number }[]>`
    INSERT INTO "MetricSnapshot" ("territoryId", "asOf", "takenAt", "trigger", "graphVersion", "metrics")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("territoryId", "asOf") DO UPDATE
      SET "takenAt" = EXCLUDED."takenAt", "trigger" = EXCLUDED."trigger", "graphVersion" = EXCLUDED."graphVersion", "metrics" = EXCLUDED."metrics"
    RETURNING id, "territoryId"`;
  const idOf = new Map(rows.map((r) => [r.territoryId, r.id]));
  return measurements.map((m) => idOf.get(m.ecosystem.territoryId)!);
}

/**
 * Stores only the measurements whose (territory, day) has no snapshot yet, in the caller's
 * transaction: what the schedule does, so that another instance's snapshot of the same day, or
 * an editor's, is kept. Returns how many were added.
 */
export async function insertMissingSnapshots(tx: Tx, measurements: readonly Measurement[], trigger: SnapshotTrigger, takenAt = new Date()): Promise<number> {
  if (measurements.length === 0) return 0;
  const { count } = await tx.metricSnapshot.createMany({ data: measurements.map((m) => row(m, trigger, takenAt)), skipDuplicates: true });
  return count;
}
