import type { Logger } from "pino";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import { isoDay, utcDay } from "../../graph/asOf.js";
import { insertMissingSnapshots, measureAsOf } from "../../graph/ecosystem/history/metricSnapshots.js";

export interface ScheduleDeps {
  prisma: PrismaClient;
  graph: GraphEngine;
  logger?: Logger;
}

export interface ScheduleOptions {
  /** Time between two rounds, in milliseconds. */
  intervalMs: number;
  /**
   * Delay before the first round, so start-up and the first requests are not slowed by the
   * measurement of every ecosystem. @default 60000
   */
  firstRunAfterMs?: number;
  /** The clock: tests pass a fixed one. @default () => new Date() */
  now?: () => Date;
}

export interface MetricSnapshotSchedule {
  /** One round now; resolves with how many snapshots it added. */
  runOnce(): Promise<number>;
  /** No more rounds; waits for the one in progress, so the database can be closed after. */
  stop(): Promise<void>;
}

/**
 * Today's snapshot of every ecosystem that has none yet, in one transaction with its audit entry
 * (no token: the server itself wrote). Several instances may run it: the (territory, day) rule
 * keeps one snapshot a day, the first written.
 */
export async function takeMissingSnapshots({ prisma, graph }: ScheduleDeps, now: Date): Promise<number> {
  const asOf = utcDay(now);
  const missing = await prisma.ecosystem.findMany({
    where: { territory: { metricSnapshots: { none: { asOf } } } },
    select: { id: true, territoryId: true },
    orderBy: { id: "asc" },
  });
  if (missing.length === 0) return 0;
  const measurements = await measureAsOf(graph, missing, asOf);
  return prisma.$transaction(
    async (tx) => {
      const added = await insertMissingSnapshots(tx, measurements, "SCHEDULE", now);
      await tx.auditEntry.create({
        data: { operation: "takeMetricSnapshots", recordType: "MetricSnapshot", changes: { trigger: "SCHEDULE", asOf: isoDay(asOf), added } },
        select: { id: true },
      });
      return added;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Takes today's missing snapshots every `intervalMs`, on a timer that never keeps the process alive. */
export function startMetricSnapshotSchedule(deps: ScheduleDeps, options: ScheduleOptions): MetricSnapshotSchedule {
  if (!(options.intervalMs > 0)) throw new Error(`server/history: the snapshot interval must be positive, got ${options.intervalMs}`);
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;

  const runOnce = (): Promise<number> => {
    // One round at a time: a round asked for while one runs shares it.
    running ??= takeMissingSnapshots(deps, now()).finally(() => {
      running = null;
    });
    return running;
  };
  const arm = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .then((added) => {
          if (added > 0) deps.logger?.info({ added }, "metric snapshots taken");
        })
        .catch((error: unknown) => deps.logger?.error({ err: error }, "metric snapshots failed"))
        // The next round is timed from the end of this one: a slow round never overlaps the next.
        .finally(() => arm(options.intervalMs));
    }, delayMs);
    timer.unref();
  };
  arm(options.firstRunAfterMs ?? 60_000);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
