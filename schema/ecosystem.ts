import type { Prisma } from "../record/generated/prisma/client.js";
import { countActorsByProfile, type ProfileCount } from "../record/ecosystemCounts.js";
import { PROFILES } from "../record/vocabulary/lists.js";
import { NEED_LEVELS } from "../record/vocabulary/profiles.js";
import { regionPrefix, territoryUnder } from "../record/territoryScope.js";
import type { Context } from "./context.js";
import { ActorFilter } from "./actorFilter.js";
import { builder } from "./builder.js";
import { ProfileEnum, TerritoryLevelEnum } from "./enums.js";
import { NeedAssessment } from "./needAssessment.js";
import { actorsUnder } from "./territory.js";

export const ProfileCountRef = builder.objectRef<ProfileCount>("ProfileCount").implement({
  fields: (t) => ({ profile: t.expose("profile", { type: ProfileEnum }), count: t.exposeInt("count") }),
});

export const Ecosystem = builder.prismaNode("Ecosystem", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "The actors, alliances and interactions anchored in one territory accompanied by the programme.",
  fields: (t) => ({
    name: t.string({ select: { territory: { select: { name: true } } }, resolve: (e) => e.territory.name }),
    territory: t.relation("territory"),
    accompaniedSince: t.expose("accompaniedSince", { type: "Date" }),
    pivotActor: t.relation("pivotActor", { nullable: true }),
    source: t.exposeString("source"),
    fundings: t.relation("fundings", { query: { orderBy: { date: "asc" } } }),
    evaluations: t.relation("evaluations", { query: { orderBy: { date: "asc" } } }),
    needAssessments: t.field({
      type: [NeedAssessment],
      description: "Assessed need levels of the ecosystem's territory, oldest first.",
      select: (_args, _ctx, nested) => ({ territory: { select: { needAssessments: nested({ orderBy: { date: "asc" } }) } } }),
      resolve: (e) => e.territory.needAssessments,
    }),
    needLevel: t.int({
      nullable: true,
      description: `The latest assessed need level: ${NEED_LEVELS.map((l) => `${l.level} ${l.key}`).join(", ")}.`,
      select: { territory: { select: { needAssessments: { select: { level: true }, orderBy: [{ date: "desc" }, { id: "desc" }], take: 1 } } } },
      resolve: (e) => e.territory.needAssessments[0]?.level ?? null,
    }),
    actorsByProfile: t.loadableList({
      type: ProfileCountRef,
      description: "Actors acting in the ecosystem's territory, counted by profile (every profile listed, zeros included).",
      load: (ids: number[], ctx) => countActorsByProfile(ctx.prisma, ids).then((byId) => ids.map((id) => withAllProfiles(byId.get(id) ?? []))),
      resolve: (e) => e.id,
    }),
    actors: t.prismaConnection({
      type: "Actor",
      cursor: "id",
      args: { filter: t.arg({ type: ActorFilter }) },
      totalCount: async (e, args, ctx) => ctx.prisma.actor.count({ where: await actorsUnder(e.territoryId, args.filter, ctx) }),
      resolve: async (query, e, args, ctx) =>
        ctx.prisma.actor.findMany({ ...query, where: await actorsUnder(e.territoryId, args.filter, ctx), orderBy: { id: "asc" } }),
    }),
  }),
});

/** Every profile, zeros included, in a fixed order, so clients can draw a stable legend. */
function withAllProfiles(counts: ProfileCount[]): ProfileCount[] {
  return PROFILES.map((profile) => counts.find((c) => c.profile === profile) ?? { profile, count: 0 });
}

const EcosystemFilter = builder.inputType("EcosystemFilter", {
  fields: (t) => ({
    regionCode: t.string({ description: "INSEE code of a région." }),
    overseas: t.boolean(),
    needLevels: t.intList({ description: "Latest assessed need level among these." }),
  }),
});

async function ecosystemWhere(ctx: Context, filter: typeof EcosystemFilter.$inferInput | null | undefined): Promise<Prisma.EcosystemWhereInput> {
  if (!filter) return {};
  const and: Prisma.EcosystemWhereInput[] = [];
  if (filter.overseas != null) and.push({ territory: { overseas: filter.overseas } });
  if (filter.regionCode) {
    const region = await regionPrefix(ctx.prisma, filter.regionCode);
    and.push(region ? { territory: territoryUnder([region]) } : { id: { in: [] } });
  }
  if (filter.needLevels) {
    const rows = await ctx.prisma.$queryRaw<{ id: number }[]>`
      SELECT DISTINCT ON (e.id) e.id, n.level FROM "Ecosystem" e JOIN "NeedAssessment" n ON n."territoryId" = e."territoryId"
      ORDER BY e.id, n.date DESC, n.id DESC`;
    const wanted = new Set(filter.needLevels);
    and.push({ id: { in: (rows as { id: number; level: number }[]).filter((r) => wanted.has(r.level)).map((r) => r.id) } });
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  ecosystems: t.prismaConnection({
    type: "Ecosystem",
    cursor: "id",
    args: { filter: t.arg({ type: EcosystemFilter }) },
    totalCount: async (_c, args, ctx) => ctx.prisma.ecosystem.count({ where: await ecosystemWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.ecosystem.findMany({ ...query, where: await ecosystemWhere(ctx, args.filter), orderBy: { id: "asc" } }),
  }),
  ecosystem: t.prismaField({
    type: "Ecosystem",
    nullable: true,
    description: "The entry point of a map: the ecosystem of a territory, by the territory's official code.",
    args: {
      territoryCode: t.arg.string({ required: true }),
      level: t.arg({ type: TerritoryLevelEnum, description: "Needed only when the code exists at several levels (a région and a département share codes)." }),
    },
    resolve: (query, _root, { territoryCode, level }, ctx) =>
      ctx.prisma.ecosystem.findFirst({ ...query, where: { territory: { code: territoryCode, ...(level && { level }) } }, orderBy: { id: "asc" } }),
  }),
}));
