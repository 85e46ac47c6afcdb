import type { Prisma } from "../record/generated/prisma/client.js";
import { regionPrefix, territoryUnder } from "../record/territoryScope.js";
import type { Context } from "./context.js";
import { territoryScopes } from "./loaders.js";
import { actorWhere, ActorFilter, type ActorFilterShape } from "./actorFilter.js";
import { builder } from "./builder.js";
import { SizeSegmentEnum, TerritoryLevelEnum } from "./enums.js";
import { nameSchema } from "../record/rules.js";

export const Territory = builder.prismaNode("Territory", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "A place of shared life and governance: an official level (région, département, EPCI, commune) or a project territory grouping several.",
  fields: (t) => ({
    level: t.expose("level", { type: TerritoryLevelEnum }),
    code: t.exposeString("code", { description: "INSEE code, SIREN for an EPCI, or the source's own code for a project territory." }),
    name: t.exposeString("name"),
    category: t.exposeString("category", { nullable: true }),
    population: t.exposeInt("population", { nullable: true }),
    overseas: t.exposeBoolean("overseas"),
    sizeSegment: t.expose("sizeSegment", { type: SizeSegmentEnum, nullable: true }),
    source: t.exposeString("source"),
    parent: t.relation("parent", { nullable: true }),
    region: t.relation("region", { nullable: true }),
    children: t.relatedConnection("children", { cursor: "id", totalCount: true, query: () => ({ orderBy: { code: "asc" } }) }),
    members: t.relation("members", { description: "For a project territory, the territories it groups." }),
    projects: t.relation("projects", { description: "The project territories this territory belongs to." }),
    ecosystem: t.relation("ecosystem", { nullable: true }),
    actors: t.prismaConnection({
      type: "Actor",
      cursor: "id",
      description: "Actors acting in this territory or anywhere under it.",
      args: { filter: t.arg({ type: ActorFilter }) },
      totalCount: async (territory, args, ctx) => ctx.prisma.actor.count({ where: await actorsUnder(territory.id, args.filter, ctx) }),
      resolve: async (query, territory, args, ctx) =>
        ctx.prisma.actor.findMany({ ...query, where: await actorsUnder(territory.id, args.filter, ctx), orderBy: { id: "asc" } }),
    }),
  }),
});

/** Actors acting under a territory (and matching a filter); shared by Territory and Ecosystem. */
export async function actorsUnder(territoryId: number, filter: ActorFilterShape | null | undefined, ctx: Context): Promise<Prisma.ActorWhereInput> {
  const prefixes = (await territoryScopes(ctx).load(territoryId)) ?? [];
  return { AND: [{ territories: { some: { territory: territoryUnder(prefixes) } } }, await actorWhere(ctx, filter)] };
}

const TerritoryFilter = builder.inputType("TerritoryFilter", {
  fields: (t) => ({
    levels: t.field({ type: [TerritoryLevelEnum] }),
    regionCode: t.string({ description: "INSEE code of a région: territories in it." }),
    overseas: t.boolean(),
    sizeSegments: t.field({ type: [SizeSegmentEnum] }),
    search: t.string({ description: "Part of the name, case-insensitive.", validate: nameSchema }),
    accompanied: t.boolean({ description: "Only territories that are (or are not) a programme ecosystem." }),
  }),
});

builder.queryFields((t) => ({
  territories: t.prismaConnection({
    type: "Territory",
    cursor: "id",
    args: { filter: t.arg({ type: TerritoryFilter }) },
    totalCount: async (_connection, args, ctx) => ctx.prisma.territory.count({ where: await territoryWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.territory.findMany({ ...query, where: await territoryWhere(ctx, args.filter), orderBy: [{ level: "asc" }, { code: "asc" }] }),
  }),
  territory: t.prismaField({
    type: "Territory",
    nullable: true,
    description: "A territory by its official code (INSEE, or SIREN for an EPCI) and level.",
    args: { level: t.arg({ type: TerritoryLevelEnum, required: true }), code: t.arg.string({ required: true }) },
    resolve: (query, _root, { level, code }, ctx) => ctx.prisma.territory.findUnique({ ...query, where: { level_code: { level, code } } }),
  }),
}));

async function territoryWhere(ctx: Context, filter: typeof TerritoryFilter.$inferInput | null | undefined): Promise<Prisma.TerritoryWhereInput> {
  if (!filter) return {};
  const and: Prisma.TerritoryWhereInput[] = [];
  if (filter.levels) and.push({ level: { in: filter.levels } });
  if (filter.overseas != null) and.push({ overseas: filter.overseas });
  if (filter.sizeSegments) and.push({ sizeSegment: { in: filter.sizeSegments } });
  if (filter.search) and.push({ name: { contains: filter.search, mode: "insensitive" } });
  if (filter.accompanied != null) and.push({ ecosystem: filter.accompanied ? { isNot: null } : { is: null } });
  if (filter.regionCode) {
    const region = await regionPrefix(ctx.prisma, filter.regionCode);
    and.push(region ? territoryUnder([region]) : { id: { in: [] } });
  }
  return { AND: and };
}
