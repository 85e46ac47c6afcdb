import DataLoader from "dataloader";
import type { Context } from "./context.js";

type Query = { select?: object; include?: object };
const loaders = new WeakMap<Context, Map<string, DataLoader<number, unknown>>>();

/**
 * Loads a record by id for a field whose parent is not a Prisma object, batching every load of
 * the same model and the same selection in a request into one `findMany`: a list of peers or of
 * path steps costs one statement, however long. The selection always includes the id, to match
 * rows back to the loads.
 */
export function byId<Q extends Query, R>(
  ctx: Context,
  model: string,
  query: Q,
  id: number,
  findMany: (args: Q & { where: { id: { in: number[] } } }) => Promise<R[]>,
): Promise<R> {
  let perQuery = loaders.get(ctx);
  if (!perQuery) loaders.set(ctx, (perQuery = new Map()));
  const key = `${model}:${JSON.stringify(query)}`;
  let loader = perQuery.get(key) as DataLoader<number, R> | undefined;
  if (!loader) {
    loader = new DataLoader<number, R>(async (ids) => {
      const withId = query.select ? { ...query, select: { ...query.select, id: true } } : query;
      const rows = await findMany({ ...withId, where: { id: { in: [...ids] } } });
      const byKey = new Map(rows.map((row) => [(row as { id: number }).id, row]));
      return ids.map((one) => byKey.get(one) ?? new Error(`${model} ${one} does not exist`));
    });
    perQuery.set(key, loader as DataLoader<number, unknown>);
  }
  return loader.load(id);
}
