import DataLoader from "dataloader";
import type { Context } from "./context.js";
import { prefixesOf } from "../record/territoryScope.js";

/**
 * Per-request loaders that are not tied to one GraphQL field. Each is created on first use and
 * kept with the request's context, so one request batches, and two requests never share.
 */
const scopeLoaders = new WeakMap<Context, DataLoader<number, string[] | null>>();

/** "Everything under a territory" path prefixes, for many territories in one query. */
export function territoryScopes(ctx: Context): DataLoader<number, string[] | null> {
  let loader = scopeLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.prisma.territory.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, path: true, members: { select: { path: true } } },
      });
      const byId = new Map(rows.map((row) => [row.id, prefixesOf(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    scopeLoaders.set(ctx, loader);
  }
  return loader;
}
