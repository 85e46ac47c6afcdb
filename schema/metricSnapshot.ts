import { encodeGlobalID } from "@pothos/plugin-relay";
import DataLoader from "dataloader";
import { z } from "zod";
import { readMetrics, type EcosystemMetrics, type MaturityRecord, type NetworkRecord } from "../graph/ecosystem/history/ecosystemMetrics.js";
import { MATURITY_COMPONENTS } from "../graph/ecosystem/maturityModel.js";
import { PROFILES } from "../record/vocabulary/lists.js";
import type { Context } from "./context.js";
import { asOfSchema, isoDay, utcDay } from "../graph/asOf.js";
import { measureAsOf, type SNAPSHOT_TRIGGERS, upsertSnapshots, type EcosystemRef } from "../graph/ecosystem/history/metricSnapshots.js";
import { builder } from "./builder.js";
import { Ecosystem, ProfileCountRef } from "./ecosystem.js";
import { InvalidInputError } from "../record/errors.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { inLanguage, LanguageEnum } from "./language.js";
import { ComponentKeyEnum, GROWTH_STAGES, GrowthStageEnum, LEVEL_NAMES } from "./maturity.js";
import { NeedLevelEnum } from "./needAssessment.js";
import { distinct } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

/**
 * Metric snapshots: an ecosystem's metrics kept as of a day (graph/ecosystem/history/metricSnapshots.ts), on demand and on a
 * schedule, read back here and compared in schema/ecosystemChanges.ts.
 */

export const SnapshotTriggerEnum = builder.enumType("SnapshotTrigger", {
  values: { ON_DEMAND: { description: "Taken by takeMetricSnapshots." }, SCHEDULE: { description: "Taken by the server's daily round." } },
});

type QueryShape = { select?: object; include?: object };
const actorLoaders = new WeakMap<Context, Map<string, DataLoader<number, unknown>>>();

/**
 * An actor a snapshot names, or null when it has left the record since: history outlives records.
 * Every actor of one request and selection is loaded in one statement.
 */
export function actorOrNull<Q extends QueryShape>(ctx: Context, query: Q, id: number): Promise<unknown> {
  let perQuery = actorLoaders.get(ctx);
  if (!perQuery) actorLoaders.set(ctx, (perQuery = new Map()));
  const key = JSON.stringify(query);
  let loader = perQuery.get(key);
  if (!loader) {
    loader = new DataLoader<number, unknown>(async (ids) => {
      const select = query.select ? { ...query, select: { ...query.select, id: true } } : query;
      const rows = (await ctx.prisma.actor.findMany({ ...(select as object), where: { id: { in: [...ids] } } })) as { id: number }[];
      const byKey = new Map(rows.map((row) => [row.id, row]));
      return ids.map((one) => byKey.get(one) ?? null);
    });
    perQuery.set(key, loader);
  }
  return loader.load(id);
}

const ComponentRef = builder.objectRef<MaturityRecord["components"][number]>("SnapshotMaturityComponent").implement({
  fields: (t) => ({
    key: t.field({ type: ComponentKeyEnum, resolve: (c) => c.key }),
    label: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      resolve: (c, { language }) => inLanguage(MATURITY_COMPONENTS[c.key].description, language),
    }),
    value: t.exposeFloat("value", { nullable: true }),
    score: t.exposeFloat("score"),
    contribution: t.exposeFloat("contribution"),
  }),
});

export const SnapshotMaturityRef = builder.objectRef<MaturityRecord>("SnapshotMaturity").implement({
  description: "The ecosystem's maturity on the day (see Maturity for what each part means).",
  fields: (t) => ({
    level: t.exposeInt("level"),
    levelName: t.field({ type: NeedLevelEnum, resolve: (m) => LEVEL_NAMES[m.level - 1]! }),
    composite: t.exposeFloat("composite"),
    growthStage: t.field({ type: GrowthStageEnum, resolve: (m) => GROWTH_STAGES[m.growthStage - 1]! }),
    components: t.field({ type: [ComponentRef], resolve: (m) => m.components }),
  }),
});

const SnapshotBridgeActorRef = builder.objectRef<{ actorId: number; score: number; rank: number }>("SnapshotBridgeActor").implement({
  fields: (t) => ({
    actorId: t.id({ description: "The Actor's global id, kept when the record is gone.", resolve: (b) => encodeGlobalID("Actor", b.actorId) }),
    actor: t.prismaField({
      type: "Actor",
      nullable: true,
      description: "Null once the actor has left the record.",
      resolve: (query, b, _args, ctx) => actorOrNull(ctx, query, b.actorId) as never,
    }),
    rank: t.exposeInt("rank"),
    score: t.exposeFloat("score"),
  }),
});

const SnapshotNetworkRef = builder.objectRef<NetworkRecord>("SnapshotNetwork").implement({
  description: "The ecosystem's network on the day. Actors carry no dates in the record: an actor is active once it has a tie.",
  fields: (t) => ({
    actors: t.exposeInt("actors", { description: "Actors placed in the ecosystem, with a tie or not." }),
    activeActors: t.exposeInt("activeActors", { description: "Actors with at least one tie on the day." }),
    activeActorsByProfile: t.field({
      type: [ProfileCountRef],
      resolve: (n) => PROFILES.map((profile) => ({ profile, count: n.activeActorsByProfile[profile] })),
    }),
    ties: t.exposeInt("ties", { description: "Ties among the ecosystem's actors." }),
    crossProfileTies: t.exposeInt("crossProfileTies"),
    density: t.exposeFloat("density", { nullable: true }),
    components: t.exposeInt("components", { description: "Connected components, isolated actors included." }),
    largestComponentShare: t.exposeFloat("largestComponentShare"),
  }),
});

const SnapshotValueRef = builder.objectRef<EcosystemMetrics["interactionValue"]>("SnapshotInteractionValue").implement({
  description: "The value of the ties among the ecosystem's actors, default weights.",
  fields: (t) => ({ ties: t.exposeInt("ties"), total: t.exposeFloat("total"), mean: t.exposeFloat("mean") }),
});

export const EcosystemMetricsRef = builder.objectRef<EcosystemMetrics>("EcosystemMetrics").implement({
  description: "What history keeps of an ecosystem on one day (graph/ecosystem/history/ecosystemMetrics.ts).",
  fields: (t) => ({
    maturity: t.field({ type: SnapshotMaturityRef, resolve: (m) => m.maturity }),
    bridgeActors: t.field({
      type: [SnapshotBridgeActorRef],
      description: "At most ten, highest bridge score first, positive scores only.",
      resolve: (m) => m.bridgeActors.map((b, k) => ({ ...b, rank: k + 1 })),
    }),
    network: t.field({ type: SnapshotNetworkRef, resolve: (m) => m.network }),
    interactionValue: t.field({ type: SnapshotValueRef, resolve: (m) => m.interactionValue }),
  }),
});

export const MetricSnapshot = builder.prismaNode("MetricSnapshot", {
  nullable: true,
  id: { field: "id" },
  description: "An ecosystem's metrics as of one day, kept so that days can be compared (docs/history.md).",
  fields: (t) => ({
    territory: t.relation("territory"),
    asOf: t.expose("asOf", { type: "Date", description: "The day the network was taken as of." }),
    takenAt: t.expose("takenAt", { type: "DateTime" }),
    trigger: t.field({ type: SnapshotTriggerEnum, resolve: (s) => s.trigger as (typeof SNAPSHOT_TRIGGERS)[number] }),
    graphVersion: t.string({ description: "The outbox position of the network measured.", resolve: (s) => String(s.graphVersion) }),
    metrics: t.field({
      type: EcosystemMetricsRef,
      nullable: true,
      description: "Null for a snapshot of a format this server does not read.",
      resolve: (s) => readMetrics(s.metrics),
    }),
  }),
});

builder.prismaObjectField(Ecosystem, "metricSnapshots", (t) =>
  t.prismaConnection({
    type: "MetricSnapshot",
    cursor: "id",
    description: "The ecosystem's metric snapshots, newest day first.",
    totalCount: (e, _args, ctx) => ctx.prisma.metricSnapshot.count({ where: { territoryId: e.territoryId } }),
    resolve: (query, e, _args, ctx) =>
      ctx.prisma.metricSnapshot.findMany({ ...query, where: { territoryId: e.territoryId }, orderBy: [{ asOf: "desc" }, { id: "desc" }] }),
  }),
);

const TakeMetricSnapshotsInput = builder.inputType("TakeMetricSnapshotsInput", {
  fields: (t) => ({
    territoryCodes: t.stringList({ description: "Official codes of the ecosystems' territories; every ecosystem when left out." }),
    asOf: t.field({ type: "Date", description: "The day to take the network as of, 1900-01-01 to today; today when left out." }),
  }),
  validate: z.looseObject({
    territoryCodes: z
      .array(z.string().trim().min(1, "must not be empty").max(20, "must be at most 20 characters"))
      .min(1, "name at least one territory, or leave the list out")
      .max(500)
      .refine(distinct, "each code once")
      .nullish(),
    asOf: asOfSchema.nullish(),
  }),
});

/** The ecosystems of the given territory codes (all when none), each code required to name one. */
async function ecosystemsOf(ctx: Context, codes: readonly string[] | null | undefined): Promise<EcosystemRef[]> {
  const rows = await ctx.prisma.ecosystem.findMany({
    where: codes ? { territory: { code: { in: codes.map((c) => c.trim()) } } } : {},
    select: { id: true, territoryId: true, territory: { select: { code: true } } },
    orderBy: { id: "asc" },
  });
  const found = new Set(rows.map((r) => r.territory.code));
  const missing = codes?.findIndex((code) => !found.has(code.trim())) ?? -1;
  if (missing >= 0)
    throw new InvalidInputError(`No ecosystem has the territory code ${codes![missing]!.trim()}.`, ["input", "territoryCodes", String(missing)]);
  return rows.map(({ id, territoryId }) => ({ id, territoryId }));
}

builder.mutationField("takeMetricSnapshots", (t) =>
  t.prismaField({
    type: ["MetricSnapshot"],
    authScopes: { editor: true },
    description: "Takes (or takes again) the metric snapshots of ecosystems as of a day: one per ecosystem and day, its metrics replaced when taken again.",
    errors: { types: MUTATION_ERRORS, dataField: { name: "snapshots" } },
    args: { input: t.arg({ type: TakeMetricSnapshotsInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const ecosystems = await ecosystemsOf(ctx, input.territoryCodes);
      const asOf = utcDay(input.asOf ?? new Date());
      // Measured before the transaction: the computation reads the graph engine, not the database.
      const measurements = await measureAsOf(ctx.graph, ecosystems, asOf);
      const audit = {
        operation: "takeMetricSnapshots",
        recordType: "MetricSnapshot",
        changes: { trigger: "ON_DEMAND", territoryCodes: input.territoryCodes ?? null, asOf: isoDay(asOf) },
      };
      const ids = await write(ctx, audit, (tx) => upsertSnapshots(tx, measurements, "ON_DEMAND"));
      return ctx.prisma.metricSnapshot.findMany({ ...rereadQuery(query), where: { id: { in: ids } }, orderBy: { territoryId: "asc" } });
    },
  }),
);
