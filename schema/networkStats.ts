import { networkStats, type NetworkStatsShape } from "../graph/analytics/scopeAnalytics.js";
import type { NetworkStats } from "../graph/ecosystem/networkStats.js";
import { AlgorithmInfo, finite } from "./actorMetrics.js";
import { AnalyticsScope, ComputedOn, resolveScope } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

const HelixSynergyRef = builder.objectRef<NetworkStats["helix"]>("HelixSynergy").implement({
  description: "Quadruple-helix synergy over the scope's ties, each a unit of its two ends' profiles (Leydesdorff 2003), in bits.",
  fields: (t) => ({
    units: t.exposeInt("units"),
    mutualInformation: t.float({ nullable: true, description: "T_1234, the four-profile mutual information.", resolve: (h) => finite(h.mutualInformation4) }),
    redundancy: t.float({
      nullable: true,
      description: "R_1234 = -T_1234, Leydesdorff & Ivanova's mutual redundancy: negative means synergy.",
      resolve: (h) => finite(h.redundancy),
    }),
  }),
});

const CommunityStructureRef = builder.objectRef<NetworkStats["communities"]>("CommunityStructure").implement({
  description: "Louvain communities on tie strengths, seeded so the same network gives the same communities.",
  fields: (t) => ({
    count: t.exposeInt("count"),
    modularity: t.float({ nullable: true, description: "Newman-Girvan modularity; null without ties.", resolve: (c) => finite(c.modularity) }),
    seed: t.exposeInt("seed"),
  }),
});

export const NetworkStatsRef = builder.objectRef<NetworkStatsShape>("NetworkStats").implement({
  description: "A scope's whole network at a glance (graph/ecosystem/networkStats.ts); its growth stage is read in Ecosystem.maturity.",
  fields: (t) => {
    // Undefined ratios (0/0) are NaN in graph/, null here.
    const maybe = (description: string, pick: (s: NetworkStatsShape) => number | null) =>
      t.float({ nullable: true, description, resolve: (s) => finite(pick(s) ?? Number.NaN) });
    return {
      nodes: t.exposeInt("nodes", { description: "Actors." }),
      ties: t.exposeInt("ties"),
      density: t.exposeFloat("density"),
      meanDegree: t.exposeFloat("meanDegree"),
      components: t.exposeInt("components", { description: "Connected components." }),
      largestComponentShare: t.exposeFloat("largestComponentShare"),
      degreeCentralization: t.exposeFloat("degreeCentralization", { description: "Freeman's, 1 for a star." }),
      betweennessCentralization: t.exposeFloat("betweennessCentralization", { description: "Freeman's, on normalized betweenness, 1 for a star." }),
      degeneracy: t.exposeInt("degeneracy", { description: "The largest core number." }),
      articulationPoints: t.exposeInt("articulationPoints"),
      bridges: t.exposeInt("bridges", { description: "Ties whose removal disconnects their component." }),
      profileAssortativity: maybe("Newman's assortativity by profile: 1 when ties stay inside profiles.", (s) => s.profileAssortativity),
      eiIndexByProfile: maybe("Krackhardt's E-I index of the ties by profile, -1 to +1.", (s) => s.eiIndexByProfile),
      eiIndexByTerritory: maybe("The E-I index by territory; null in an ecosystem, whose actors share one.", (s) => s.eiIndexByTerritory),
      helixSynergy: t.field({ type: HelixSynergyRef, resolve: (s) => s.helix }),
      communities: t.field({ type: CommunityStructureRef, resolve: (s) => s.communities }),
      algorithm: t.field({ type: AlgorithmInfo, resolve: (s) => s.algorithm }),
      computedOn: t.field({ type: ComputedOn, resolve: (s) => s.computedOn }),
    };
  },
});

builder.queryField("networkStats", (t) =>
  t.field({
    type: NetworkStatsRef,
    description: "Statistics of a scope's network: an ecosystem's, or the whole network's by default.",
    args: { scope: t.arg({ type: AnalyticsScope }), asOf: t.arg(asOfArg) },
    complexity: (args) => (args.scope?.ecosystem ? 20 : 200),
    resolve: async (_root, args, ctx) => networkStats(ctx.graph, resolveScope(args.scope), await asOfOptions(ctx.graph, args.asOf)),
  }),
);
