import type { OutboxAggregate, OutboxOperation } from "./generated/prisma/enums.js";
import type { Prisma } from "./generated/prisma/client.js";

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
  await tx.outboxEvent.create({ data: { aggregate, aggregateId, operation, payload }, select: { position: true } });
}
