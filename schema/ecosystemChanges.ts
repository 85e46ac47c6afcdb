import { encodeGlobalID } from "@pothos/plugin-relay";
import { readMetrics, type EcosystemMetrics } from "../graph/ecosystem/history/ecosystemMetrics.js";
import { MATURITY_COMPONENTS } from "../graph/ecosystem/maturityModel.js";
import {
  diffMetrics,
  NETWORK_FIGURES,
  type ActorOnDay,
  type BridgeActorChange,
  type Change,
  type ComponentChange,
  type MetricsDiff,
  type TieChange,
} from "../graph/ecosystem/history/metricsDiff.js";
import type { Context } from "./context.js";
import { utcDay } from "../graph/asOf.js";
import { measureAsOf } from "../graph/ecosystem/history/metricSnapshots.js";
import { builder } from "./builder.js";
import { Ecosystem } from "./ecosystem.js";
import { ProfileEnum } from "./enums.js";
import { InvalidInputError } from "../record/errors.js";
import { inLanguage, LanguageEnum } from "./language.js";
import { ComponentKeyEnum, GROWTH_STAGES, GrowthStageEnum } from "./maturity.js";
import { actorOrNull, EcosystemMetricsRef } from "./metricSnapshot.js";
import { checkAsOf } from "./timeTravel.js";

/** One side of a comparison: a day's metrics and where they come from. */
interface SideShape {
  asOf: Date;
  source: "SNAPSHOT" | "LIVE";
  snapshotId: number | null;
  graphVersion: bigint;
  metrics: EcosystemMetrics;
}

const SourceEnum = builder.enumType("MetricsSource", {
  values: {
    SNAPSHOT: { description: "A metric snapshot stored for that day." },
    LIVE: { description: "Computed now from the record, as of that day (no snapshot was stored for it)." },
  },
});

const SideRef = builder.objectRef<SideShape>("EcosystemMetricsOnDay").implement({
  fields: (t) => ({
    asOf: t.field({ type: "Date", resolve: (s) => s.asOf }),
    source: t.field({ type: SourceEnum, resolve: (s) => s.source }),
    snapshot: t.prismaField({
      type: "MetricSnapshot",
      nullable: true,
      description: "The snapshot read, when the source is SNAPSHOT.",
      resolve: (query, s, _args, ctx) => (s.snapshotId === null ? null : ctx.prisma.metricSnapshot.findUnique({ ...query, where: { id: s.snapshotId } })),
    }),
    graphVersion: t.string({ description: "The outbox position of the network measured.", resolve: (s) => String(s.graphVersion) }),
    metrics: t.field({ type: EcosystemMetricsRef, resolve: (s) => s.metrics }),
  }),
});

const ChangeRef = builder.objectRef<Change>("MetricChange").implement({
  description: "A figure on each day and how it moved; null where undefined on a day.",
  fields: (t) => ({
    from: t.exposeFloat("from", { nullable: true }),
    to: t.exposeFloat("to", { nullable: true }),
    change: t.exposeFloat("change", { nullable: true, description: "to - from." }),
  }),
});

const ComponentChangeRef = builder.objectRef<ComponentChange>("MaturityComponentChange").implement({
  fields: (t) => ({
    key: t.field({ type: ComponentKeyEnum, resolve: (c) => c.key }),
    label: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      resolve: (c, { language }) => inLanguage(MATURITY_COMPONENTS[c.key].description, language),
    }),
    value: t.field({ type: ChangeRef, resolve: (c) => c.value }),
    score: t.field({ type: ChangeRef, resolve: (c) => c.score }),
    contribution: t.field({ type: ChangeRef, description: "What the component adds to the composite on each day.", resolve: (c) => c.contribution }),
  }),
});

const stage = (value: number | null) => (value === null ? null : GROWTH_STAGES[value - 1]!);

const MaturityChangeRef = builder.objectRef<MetricsDiff["maturity"]>("MaturityChange").implement({
  fields: (t) => ({
    levelFrom: t.int({ resolve: (m) => m.level.from! }),
    levelTo: t.int({ resolve: (m) => m.level.to! }),
    levelChange: t.int({ description: "Positive when the ecosystem moved up.", resolve: (m) => m.level.change! }),
    composite: t.field({ type: ChangeRef, resolve: (m) => m.composite }),
    growthStageFrom: t.field({ type: GrowthStageEnum, resolve: (m) => stage(m.growthStage.from)! }),
    growthStageTo: t.field({ type: GrowthStageEnum, resolve: (m) => stage(m.growthStage.to)! }),
    components: t.field({ type: [ComponentChangeRef], resolve: (m) => m.components }),
  }),
});

const ACTOR_ID = "The Actor's global id, kept when the record is gone.";
const ACTOR = "Null once the actor has left the record.";

const BridgeActorChangeRef = builder.objectRef<BridgeActorChange>("BridgeActorChange").implement({
  description: "An actor among the ten highest bridge scores on one day or both; rank and score null on a day it was not.",
  fields: (t) => ({
    actorId: t.id({ description: ACTOR_ID, resolve: (b) => encodeGlobalID("Actor", b.actorId) }),
    actor: t.prismaField({ type: "Actor", nullable: true, description: ACTOR, resolve: (query, b, _args, ctx) => actorOrNull(ctx, query, b.actorId) as never }),
    rankFrom: t.exposeInt("rankFrom", { nullable: true }),
    rankTo: t.exposeInt("rankTo", { nullable: true }),
    scoreFrom: t.exposeFloat("scoreFrom", { nullable: true }),
    scoreTo: t.exposeFloat("scoreTo", { nullable: true }),
  }),
});

const ActorOnDayRef = builder.objectRef<ActorOnDay>("ActorOnDay").implement({
  fields: (t) => ({
    actorId: t.id({ description: ACTOR_ID, resolve: (a) => encodeGlobalID("Actor", a.id) }),
    actor: t.prismaField({ type: "Actor", nullable: true, description: ACTOR, resolve: (query, a, _args, ctx) => actorOrNull(ctx, query, a.id) as never }),
    profile: t.field({ type: ProfileEnum, description: "Its profile on the day it was seen.", resolve: (a) => a.profile }),
  }),
});

const TieChangeRef = builder.objectRef<TieChange>("CrossProfileTieChange").implement({
  description: "A tie between actors of two different profiles.",
  fields: (t) => ({ a: t.field({ type: ActorOnDayRef, resolve: (c) => c.a }), b: t.field({ type: ActorOnDayRef, resolve: (c) => c.b }) }),
});

const NetworkFigureEnum = builder.enumType("NetworkFigure", {
  values: Object.fromEntries(NETWORK_FIGURES.map((f) => [f.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase(), { value: f }])) as Record<
    string,
    { value: (typeof NETWORK_FIGURES)[number] }
  >,
});

const FigureChangeRef = builder.objectRef<MetricsDiff["network"][number]>("NetworkFigureChange").implement({
  fields: (t) => ({
    figure: t.field({ type: NetworkFigureEnum, resolve: (f) => f.figure }),
    from: t.exposeFloat("from", { nullable: true }),
    to: t.exposeFloat("to", { nullable: true }),
    change: t.exposeFloat("change", { nullable: true }),
  }),
});

type ChangesShape = MetricsDiff & { from: SideShape; to: SideShape };

const EcosystemChangesRef = builder.objectRef<ChangesShape>("EcosystemChanges").implement({
  description: "How an ecosystem changed from one day to another (graph/ecosystem/history/metricsDiff.ts).",
  fields: (t) => ({
    from: t.field({ type: SideRef, resolve: (c) => c.from }),
    to: t.field({ type: SideRef, resolve: (c) => c.to }),
    maturity: t.field({ type: MaturityChangeRef, resolve: (c) => c.maturity }),
    gainedBridgeActors: t.field({
      type: [BridgeActorChangeRef],
      description: "Bridge actors on `to` that were not on `from`.",
      resolve: (c) => c.bridgeActors.gained,
    }),
    lostBridgeActors: t.field({
      type: [BridgeActorChangeRef],
      description: "Bridge actors on `from` that are not on `to`.",
      resolve: (c) => c.bridgeActors.lost,
    }),
    keptBridgeActors: t.field({ type: [BridgeActorChangeRef], resolve: (c) => c.bridgeActors.kept }),
    newCrossProfileTies: t.field({ type: [TieChangeRef], resolve: (c) => c.crossProfileTies.gained }),
    lostCrossProfileTies: t.field({
      type: [TieChangeRef],
      description: "Only through changes to the record: a tie, once made, stays in the network.",
      resolve: (c) => c.crossProfileTies.lost,
    }),
    joinedActors: t.field({ type: [ActorOnDayRef], description: "Actors with a tie on `to` and none on `from`.", resolve: (c) => c.actors.joined }),
    leftActors: t.field({
      type: [ActorOnDayRef],
      description: "Actors with a tie on `from` and none (or no longer in the ecosystem) on `to`.",
      resolve: (c) => c.actors.left,
    }),
    network: t.field({ type: [FigureChangeRef], resolve: (c) => c.network }),
  }),
});

/** The day's stored snapshot when there is one (of a format this server reads), else the day computed live. */
async function sideOf(ctx: Context, ecosystem: { id: number; territoryId: number }, day: Date): Promise<SideShape> {
  const stored = await ctx.prisma.metricSnapshot.findUnique({
    where: { territoryId_asOf: { territoryId: ecosystem.territoryId, asOf: day } },
    select: { id: true, graphVersion: true, metrics: true },
  });
  const metrics = stored && readMetrics(stored.metrics);
  if (stored && metrics) return { asOf: day, source: "SNAPSHOT", snapshotId: stored.id, graphVersion: BigInt(stored.graphVersion), metrics };
  const [live] = await measureAsOf(ctx.graph, [ecosystem], day);
  return { asOf: day, source: "LIVE", snapshotId: null, graphVersion: live!.graphVersion, metrics: live!.metrics };
}

builder.objectField(Ecosystem, "changes", (t) =>
  t.field({
    type: EcosystemChangesRef,
    description:
      "How the ecosystem changed between two days: maturity, bridge actors, cross-profile ties, actors. Each day is read from its stored metric snapshot when there is one, else computed live.",
    args: {
      from: t.arg({ type: "Date", required: true, description: "The earlier day, 1900-01-01 to today." }),
      to: t.arg({ type: "Date", required: true, description: "The later day, on or after `from`, at most today." }),
    },
    complexity: 50,
    resolve: async (ecosystem, args, ctx) => {
      const [from, to] = [utcDay(checkAsOf(args.from, ["from"])!), utcDay(checkAsOf(args.to, ["to"])!)];
      if (from.getTime() > to.getTime()) throw new InvalidInputError("from must not be after to.", ["from"]);
      const [before, after] = await Promise.all([sideOf(ctx, ecosystem, from), sideOf(ctx, ecosystem, to)]);
      return { ...diffMetrics(before.metrics, after.metrics), from: before, to: after };
    },
  }),
);
