import { BROKERAGE_ROLES, type BrokerageRole } from "../graph/algorithms/brokerage.js";
import { scopeAnalytics, type ScopeAnalytics } from "../graph/analytics/scopeAnalytics.js";
import { BRIDGE_COMPONENT_KEYS, BRIDGE_COMPONENTS, type BridgeComponentKey } from "../graph/ecosystem/bridgeModel.js";
import { bridgeBreakdown, piecesAfterRemoval, type BridgeContribution } from "../graph/ecosystem/bridges.js";
import type { BetweennessMethod } from "../graph/ecosystem/scopeMetrics.js";
import { NATIONAL, scopeKey, type Scope } from "../graph/scope.js";
import type { NetworkSnapshot, SnapshotOptions } from "../graph/snapshot.js";
import type { Context } from "./context.js";
import { Actor } from "./actor.js";
import { AnalyticsScope, ComputedOn, resolveScope } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { inLanguage, LanguageEnum } from "./language.js";
import { asOfArg, dayKey, loadByDay } from "./timeTravel.js";

/** GraphQL floats cannot carry NaN: an undefined ratio (0/0) is null. */
export const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** An actor of a scope: its local index i in the scope's arrays. */
export interface ScopedActor {
  a: ScopeAnalytics;
  i: number;
}

export const AlgorithmInfo = builder.objectRef<BetweennessMethod>("AlgorithmInfo").implement({
  description: "How betweenness was computed: exactly up to `exactUpTo` actors, from sampled pivot sources above (graph/ecosystem/scopeMetrics.ts).",
  fields: (t) => ({
    betweenness: t.field({
      type: builder.enumType("BetweennessMethod", { values: ["EXACT", "SAMPLED"] as const }),
      resolve: (m) => (m.method === "exact" ? "EXACT" : "SAMPLED"),
    }),
    pivots: t.exposeInt("sources", { description: "Sources searched: every actor of the scope when exact." }),
    seed: t.exposeInt("seed", { nullable: true, description: "Seed of the pivots; null when exact." }),
    errorBound: t.exposeFloat("errorBound", {
      description: "Bound on the error of one actor's normalized betweenness, holding with probability `confidence` (Hoeffding); 0 when exact.",
    }),
    errorBoundAllActors: t.exposeFloat("errorBoundAllNodes", { description: "The same bound holding for every actor at once." }),
    confidence: t.exposeFloat("confidence"),
    exactUpTo: t.exposeInt("exactUpTo"),
  }),
});

const BridgeComponentEnum = builder.enumType("BridgeComponent", {
  description: "The components of the bridge score; weights in graph/ecosystem/bridgeModel.ts.",
  values: Object.fromEntries(
    BRIDGE_COMPONENT_KEYS.map((c) => [c.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase(), { value: c, description: BRIDGE_COMPONENTS[c].description.en }]),
  ) as Record<string, { value: BridgeComponentKey; description: string }>,
});

export const BridgeContributionRef = builder.objectRef<BridgeContribution>("BridgeContribution").implement({
  fields: (t) => ({
    component: t.field({ type: BridgeComponentEnum, resolve: (c) => c.component }),
    label: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      resolve: (c, { language }) => inLanguage(BRIDGE_COMPONENTS[c.component].description, language),
    }),
    score: t.exposeFloat("score", { description: "The component's score in [0, 1], relative to the scope." }),
    weight: t.exposeFloat("weight"),
    contribution: t.exposeFloat("contribution", { description: "weight × score; the contributions sum to the bridge score." }),
  }),
});

/** A breakdown always lists the model's four components: its selection costs four times, not ten. */
export const BREAKDOWN_COMPLEXITY = { field: 1, multiplier: BRIDGE_COMPONENT_KEYS.length };

export const RemovalImpactRef = builder.objectRef<ScopedActor>("RemovalImpact").implement({
  description: "What breaks in the scope's network if the actor leaves.",
  fields: (t) => ({
    componentsAfter: t.int({
      description: "Connected components of the scope's network without the actor.",
      resolve: ({ a, i }) => a.metrics.componentsAfter[i]!,
    }),
    disconnectedShare: t.float({
      description: "Share of pairs of other actors that lose every path between them.",
      resolve: ({ a, i }) => a.metrics.disconnectedShare[i]!,
    }),
    pieces: t.intList({
      description: "Sizes of the pieces the actor's own connected part falls into, largest first (other parts are untouched).",
      resolve: ({ a, i }) => piecesAfterRemoval(a.metrics.graph, i),
    }),
  }),
});

const BrokerageZScores = builder.objectRef<ScopedActor>("BrokerageZScores").implement({
  description: "(raw - expected) / sd under sna's null model; null where undefined (a group too small for a role).",
  fields: (t) =>
    Object.fromEntries(
      BROKERAGE_ROLES.map((role) => [role, t.float({ nullable: true, resolve: ({ a, i }) => finite(a.metrics.brokerage.z[role][i]!) })]),
    ) as never,
});

const BrokerageRoles = builder.objectRef<ScopedActor>("BrokerageRoles").implement({
  description:
    "Gould & Fernandez brokerage: ordered 2-paths a → actor → c with a and c not tied, by role. Groups are profiles in an ecosystem, territories nationally.",
  fields: (t) => ({
    groups: t.field({
      type: builder.enumType("BrokerageGroups", { values: ["PROFILE", "TERRITORY"] as const }),
      resolve: ({ a }) => (a.metrics.brokerageGroups === "profile" ? "PROFILE" : "TERRITORY"),
    }),
    ...(Object.fromEntries(BROKERAGE_ROLES.map((role) => [role, t.int({ resolve: ({ a, i }) => a.metrics.brokerage.raw[role][i]! })])) as Record<
      BrokerageRole,
      ReturnType<typeof t.int>
    >),
    zScores: t.field({ type: BrokerageZScores, resolve: (s) => s }),
  }),
});

const ActorMetricsRef = builder.objectRef<ScopedActor>("ActorMetrics").implement({
  description:
    "An actor's position in a scope's network (graph/ecosystem/scopeMetrics.ts). Ratios that are undefined (0/0, e.g. for an isolated actor) are null.",
  fields: (t) => ({
    degree: t.int({ resolve: ({ a, i }) => a.metrics.degree[i]! }),
    strength: t.float({ description: "Sum of the strengths of the actor's ties in the scope.", resolve: ({ a, i }) => a.metrics.strength[i]! }),
    betweenness: t.float({ description: "Normalized shortest-path betweenness, every tie counting 1.", resolve: ({ a, i }) => a.metrics.betweenness[i]! }),
    weightedBetweenness: t.float({
      description: "Normalized betweenness with each tie as long as 1 / its strength: strong ties make short paths.",
      resolve: ({ a, i }) => a.metrics.weightedBetweenness[i]!,
    }),
    crossProfileBetweenness: t.float({
      description: "Betweenness over the pairs of actors of different profiles only.",
      resolve: ({ a, i }) => a.metrics.crossProfileBetweenness[i]!,
    }),
    crossTerritoryBetweenness: t.float({
      nullable: true,
      description: "Betweenness over the pairs of actors of different territories; null in an ecosystem, whose actors share one.",
      resolve: ({ a, i }) => a.metrics.crossTerritoryBetweenness?.[i] ?? null,
    }),
    brokerage: t.field({ type: BrokerageRoles, resolve: (s) => s }),
    constraint: t.float({
      nullable: true,
      description: "Burt's constraint (binary ties): high when the actor's contacts are tied to each other.",
      resolve: ({ a, i }) => finite(a.metrics.constraint[i]!),
    }),
    effectiveSize: t.float({ nullable: true, resolve: ({ a, i }) => finite(a.metrics.effectiveSize[i]!) }),
    efficiency: t.float({ nullable: true, resolve: ({ a, i }) => finite(a.metrics.efficiency[i]!) }),
    hierarchy: t.float({ nullable: true, resolve: ({ a, i }) => finite(a.metrics.hierarchy[i]!) }),
    eiIndex: t.float({
      nullable: true,
      description: "Krackhardt's E-I index of the actor's ties by profile, -1 (all inside its profile) to +1.",
      resolve: ({ a, i }) => finite(a.metrics.eiIndex[i]!),
    }),
    coreNumber: t.int({ resolve: ({ a, i }) => a.metrics.coreNumber[i]! }),
    community: t.int({ description: "Louvain community (seeded), numbered within the scope.", resolve: ({ a, i }) => a.metrics.community[i]! }),
    isArticulationPoint: t.boolean({ resolve: ({ a, i }) => a.metrics.isArticulationPoint[i] === 1 }),
    bridgeScore: t.float({
      description: "In [0, 1]: Σ of the breakdown's contributions (graph/ecosystem/bridgeModel.ts).",
      resolve: ({ a, i }) => a.bridges.score[i]!,
    }),
    bridgeBreakdown: t.field({ type: [BridgeContributionRef], complexity: BREAKDOWN_COMPLEXITY, resolve: ({ a, i }) => bridgeBreakdown(a.bridges, i) }),
    ifRemoved: t.field({ type: RemovalImpactRef, resolve: (s) => s }),
    algorithm: t.field({ type: AlgorithmInfo, resolve: ({ a }) => a.metrics.algorithm }),
    computedOn: t.field({ type: ComputedOn, resolve: ({ a }) => a.computedOn }),
  }),
});

/** Loader keys: the actor's record id and its scope, `own` for the actor's own ecosystem. */
const keyOf = (actorId: number, scope: Scope | null) => `${actorId}|${scope === null ? "own" : scopeKey(scope)}`;

function parseKey(key: string, snapshot: NetworkSnapshot): { actorId: number; scope: Scope } {
  const [id, scope] = key.split("|") as [string, string];
  const actorId = Number(id);
  if (scope === "national") return { actorId, scope: NATIONAL };
  if (scope.startsWith("ecosystem:")) return { actorId, scope: { kind: "ecosystem", ecosystemId: Number(scope.slice("ecosystem:".length)) } };
  const ecosystemId = snapshot.ecosystem[snapshot.indexOfActor.get(actorId) ?? -1] ?? -1;
  return { actorId, scope: ecosystemId >= 0 ? { kind: "ecosystem", ecosystemId } : NATIONAL };
}

/** Every actor asked in one request at once: each distinct scope and day is computed (or read from the cache) once. */
async function loadMetrics(keys: readonly string[], ctx: Context, options: SnapshotOptions): Promise<(ScopedActor | null)[]> {
  const snapshot = await ctx.graph.snapshot(options);
  const wanted = keys.map((key) => parseKey(key, snapshot));
  const scopes = new Map(wanted.map(({ scope }) => [scopeKey(scope), scope]));
  const analytics = new Map(await Promise.all([...scopes].map(async ([key, scope]) => [key, await scopeAnalytics(ctx.graph, scope, options)] as const)));
  return wanted.map(({ actorId, scope }) => {
    const a = analytics.get(scopeKey(scope))!;
    const i = a.metrics.localOf.get(a.snapshot.indexOfActor.get(actorId) ?? -1);
    return i === undefined ? null : { a, i };
  });
}

/** A national computation costs seconds when not cached; an ecosystem's, milliseconds. */
const NATIONAL_METRICS_COMPLEXITY = 200;
const ECOSYSTEM_METRICS_COMPLEXITY = 20;

builder.objectField(Actor, "metrics", (t) =>
  t.loadable({
    type: ActorMetricsRef,
    nullable: true,
    description:
      "The actor's position in a network: its own ecosystem's when no scope is given (the whole network for an actor outside every ecosystem), else the scope's (an empty scope means national). Null when the actor is not in the scope. Computed once per scope and network version.",
    args: { scope: t.arg({ type: AnalyticsScope }), asOf: t.arg(asOfArg) },
    complexity: (args) => (args.scope && !args.scope.ecosystem ? NATIONAL_METRICS_COMPLEXITY : ECOSYSTEM_METRICS_COMPLEXITY),
    load: (keys: string[], ctx) => loadByDay(keys, ctx.graph, (dayKeys, options) => loadMetrics(dayKeys, ctx, options)),
    resolve: (actor, args) => dayKey(args.asOf, keyOf(actor.id, args.scope ? resolveScope(args.scope) : null)),
  }),
);
