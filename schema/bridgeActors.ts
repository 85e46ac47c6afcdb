import { z } from "zod";
import { scopeAnalytics } from "../graph/analytics/scopeAnalytics.js";
import { bridgeBreakdown, rankBridges } from "../graph/ecosystem/bridges.js";
import { AlgorithmInfo, BREAKDOWN_COMPLEXITY, BridgeContributionRef, RemovalImpactRef, type ScopedActor } from "./actorMetrics.js";
import { AnalyticsScope, ComputedOn, resolveScope } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { byId } from "./loadById.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

/** The longest ranking one request may ask for. */
export const MAX_BRIDGE_ACTORS = 200;

type BridgeActorShape = ScopedActor & { rank: number };

const BridgeActorRef = builder.objectRef<BridgeActorShape>("BridgeActor").implement({
  description: "An actor that joins parts of a network, ranked by its bridge score (graph/ecosystem/bridgeModel.ts).",
  fields: (t) => ({
    actor: t.prismaField({
      type: "Actor",
      description: "Loaded for the whole ranking in one statement.",
      resolve: (query, { a, i }, _args, ctx) => byId(ctx, "actor", query, a.snapshot.actorIds[a.metrics.nodes[i]!]!, (args) => ctx.prisma.actor.findMany(args)),
    }),
    rank: t.exposeInt("rank", { description: "1 for the highest score; equal scores in record id order." }),
    score: t.float({ description: "The bridge score in [0, 1].", resolve: ({ a, i }) => a.bridges.score[i]! }),
    breakdown: t.field({ type: [BridgeContributionRef], complexity: BREAKDOWN_COMPLEXITY, resolve: ({ a, i }) => bridgeBreakdown(a.bridges, i) }),
    ifRemoved: t.field({ type: RemovalImpactRef, description: "What breaks if the actor leaves.", resolve: (s) => s }),
    algorithm: t.field({ type: AlgorithmInfo, resolve: ({ a }) => a.metrics.algorithm }),
    computedOn: t.field({ type: ComputedOn, resolve: ({ a }) => a.computedOn }),
  }),
});

builder.queryField("bridgeActors", (t) =>
  t.field({
    type: [BridgeActorRef],
    description: "The actors that bridge a scope's network (an ecosystem's, or the whole network's by default), highest bridge score first.",
    args: {
      scope: t.arg({ type: AnalyticsScope }),
      first: t.arg.int({ defaultValue: 20, description: `How many, 1 to ${MAX_BRIDGE_ACTORS}.`, validate: z.number().int().min(1).max(MAX_BRIDGE_ACTORS) }),
      asOf: t.arg(asOfArg),
    },
    // The scores come from one cached computation per scope; what grows with `first` is the list.
    complexity: (args) => ({ field: 20, multiplier: args.first ?? 20 }),
    resolve: async (_root, args, ctx) => {
      const a = await scopeAnalytics(ctx.graph, resolveScope(args.scope), await asOfOptions(ctx.graph, args.asOf));
      return Array.from(rankBridges(a.bridges, args.first ?? 20), (i, k) => ({ a, i, rank: k + 1 }));
    },
  }),
);
