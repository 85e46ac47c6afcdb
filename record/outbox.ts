import type { Prisma } from "./generated/prisma/client.js";
import { eventPayload, parseEvent, type OutboxEvent, type RecordEvent } from "./events.js";

const OUTBOX_LOCK = 7_237_001;

type Tx = Prisma.TransactionClient;

/**
 * Writes the change events in the transaction that makes the change, so the graph engines see
 * every committed change and no change that was rolled back.
 */
export async function recordChanges(tx: Tx, events: readonly RecordEvent[]): Promise<void> {
  if (events.length === 0) return;
  // Writers take turns from here to their commit, so positions become visible in order: a
  // follower reading "after my last position" can never skip an event that commits late.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})`;
  await tx.outboxEvent.createMany({
    data: events.map((event) => ({
      aggregate: event.aggregate,
      aggregateId: event.aggregateId,
      operation: event.operation,
      payload: eventPayload(event) as Prisma.InputJsonObject,
    })),
  });
}

/** Writes one change event in the transaction that makes the change (see recordChanges). */
export function recordChange(tx: Tx, event: RecordEvent): Promise<void> {
  return recordChanges(tx, [event]);
}

/** The events committed after position `after` (and up to `upTo` when given), in order, at most `limit` of them, each parsed. */
export async function readOutbox(db: Pick<Tx, "outboxEvent">, after: bigint, limit: number, upTo?: bigint): Promise<OutboxEvent[]> {
  const rows = await db.outboxEvent.findMany({ where: { position: { gt: after, lte: upTo } }, orderBy: { position: "asc" }, take: limit });
  return rows.map(parseEvent);
}

/** The position of the record's latest outbox event (0 for none): how far an engine must have read to be current. */
export async function latestOutboxPosition(db: Pick<Tx, "$queryRaw">): Promise<bigint> {
  const [{ latest }] = await db.$queryRaw<[{ latest: bigint }]>`SELECT COALESCE(MAX(position), 0)::bigint AS latest FROM "OutboxEvent"`;
  return latest;
}
