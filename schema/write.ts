import { inTransaction, type AuditedWrite, type Tx } from "../record/write.js";
import type { Context } from "./context.js";

/**
 * Runs one mutation's writes in one transaction with its audit entry (record/write.ts), as the
 * viewer, then waits for the graph engine to apply it: a mutation answers with its own write
 * visible in every analytic (read-your-writes).
 */
export async function write<T>(ctx: Context, audit: AuditedWrite, run: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await inTransaction(ctx.prisma, ctx.viewer, audit, run);
  await ctx.graph.catchUp();
  return result;
}

/**
 * The query the Prisma plugin planned for a mutation's payload, safe to re-read the written
 * record with: a client asking only for `__typename` leaves an empty `select`, which Prisma
 * refuses.
 */
export function rereadQuery<Q extends { select?: object }>(query: Q): Q {
  return query.select && Object.keys(query.select).length === 0 ? { ...query, select: { id: true } } : query;
}
