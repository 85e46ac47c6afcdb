import type { OutboxAggregate, OutboxOperation } from "./generated/prisma/enums.js";
import type { Prisma } from "./generated/prisma/client.js";

const OUTBOX_LOCK = 7_237_001;

/**
 * Writes the change event in the transaction that makes the change, so the graph engines see
 * every committed change and no change that was rolled back. `payload` is what an engine needs to
 * apply the change without reading the record again.
 */
export async function recordChange(
  tx: Prisma.TransactionClient,
  aggregate: OutboxAggregate,
  aggregateId: number,
  operation: OutboxOperation,
  payload: Prisma.InputJsonValue,
): Promise<void> {
  // Writers take turns from here to their commit, so positions become visible in order: a
  // follower reading "after my last position" can never skip an event that commits late.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})`;
  await tx.outboxEvent.create({ data: { aggregate, aggregateId, operation, payload }, select: { position: true } });
}

/** The position of the record's latest outbox event (0 for none): how far an engine must have read to be current. */
export async function latestOutboxPosition(db: Pick<Prisma.TransactionClient, "$queryRaw">): Promise<bigint> {
  const [{ latest }] = await db.$queryRaw<[{ latest: bigint }]>`SELECT COALESCE(MAX(position), 0)::bigint AS latest FROM "OutboxEvent"`;
  return latest;
}
