import { encodeGlobalID } from "@pothos/plugin-relay";
import { ecosystemNetwork, type EcosystemNetwork } from "../graph/analytics/ecosystemNetwork.js";
import { networkStats, type ScopeAnalytics } from "../graph/analytics/scopeAnalytics.js";
import { tieValueOf } from "../graph/analytics/tieValues.js";
import type { InteractionValueWeights } from "../graph/ecosystem/interactionValue.js";
import { PROFILES } from "../record/vocabulary/lists.js";
import type { SnapshotOptions } from "../graph/snapshot.js";
import { ALLIANCE_BIT, KIND_BITS } from "../graph/tieFeatures.js";
import { finite } from "./actorMetrics.js";
import { ComputedOn } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { Ecosystem } from "./ecosystem.js";
import { ActorKindEnum, ProfileEnum } from "./enums.js";
import { InteractionValueWeightsInput, weightsFrom } from "./interactionValue.js";
import { NetworkStatsRef } from "./networkStats.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

/**
 * An ecosystem's network as a map draws it (graph/analytics/ecosystemNetwork.ts): actors and ties
 * from the snapshot (no query per node), with the scope's metrics on each.
 */
interface NetworkShape extends EcosystemNetwork {
  weights: InteractionValueWeights;
  /** The day the network is taken on, shared by the ties' values and the statistics. */
  options: SnapshotOptions;
}

type NodeShape = { n: NetworkShape; v: number; i: number | undefined };
type TieShape = { n: NetworkShape; e: number; isBridge: boolean | null };

const TIE_KINDS = { ALLIANCE: ALLIANCE_BIT, ...KIND_BITS } as const;
const TieKindEnum = builder.enumType("TieKind", {
  description: "What a tie is made of: an alliance shared, or interactions of a kind.",
  values: Object.keys(TIE_KINDS) as (keyof typeof TIE_KINDS)[],
});
const day = (d: number) => new Date(d * 86_400_000);

const actorId = (s: ScopeAnalytics, v: number) => encodeGlobalID("Actor", s.snapshot.actorIds[v]!);

const NetworkNodeRef = builder.objectRef<NodeShape>("NetworkNode").implement({
  description: "An actor on the map, from the network snapshot. Metrics are the ecosystem's, null for an actor outside it.",
  fields: (t) => {
    const metric =
      <T>(pick: (a: ScopeAnalytics, i: number) => T) =>
      ({ n, i }: NodeShape) =>
        i === undefined ? null : pick(n.a, i);
    return {
      id: t.id({ description: "The Actor's global id.", resolve: ({ n, v }) => actorId(n.a, v) }),
      name: t.string({ resolve: ({ n, v }) => n.a.snapshot.names[v]! }),
      profile: t.field({ type: ProfileEnum, resolve: ({ n, v }) => PROFILES[n.a.snapshot.profile[v]!]! }),
      kind: t.field({ type: ActorKindEnum, resolve: ({ n, v }) => n.a.snapshot.kind[v]! }),
      isCatalyst: t.boolean({ resolve: ({ n, v }) => n.a.snapshot.catalyst[v] === 1 }),
      ecosystem: t.id({
        nullable: true,
        description: "The global id of the actor's ecosystem; null outside every ecosystem.",
        resolve: ({ n, v }) => (n.a.snapshot.ecosystem[v]! >= 0 ? encodeGlobalID("Ecosystem", n.a.snapshot.ecosystem[v]!) : null),
      }),
      inEcosystem: t.boolean({ description: "False for an actor of another territory, shown with includeOutside.", resolve: ({ i }) => i !== undefined }),
      community: t.int({ nullable: true, resolve: metric((a, i) => a.metrics.community[i]!) }),
      degree: t.int({ nullable: true, resolve: metric((a, i) => a.metrics.degree[i]!) }),
      betweenness: t.float({ nullable: true, resolve: metric((a, i) => a.metrics.betweenness[i]!) }),
      bridgeScore: t.float({ nullable: true, resolve: metric((a, i) => a.bridges.score[i]!) }),
      constraint: t.float({ nullable: true, resolve: metric((a, i) => finite(a.metrics.constraint[i]!)) }),
      isArticulationPoint: t.boolean({ nullable: true, resolve: metric((a, i) => a.metrics.isArticulationPoint[i] === 1) }),
    };
  },
});

const NetworkTieRef = builder.objectRef<TieShape>("NetworkTie").implement({
  description: "A tie on the map: a pair of actors with an alliance or interactions in common.",
  fields: (t) => ({
    source: t.id({
      description: "The global id of the actor with the smaller record id.",
      resolve: ({ n, e }) => actorId(n.a, n.a.snapshot.graph.edgeSource[e]!),
    }),
    target: t.id({ resolve: ({ n, e }) => actorId(n.a, n.a.snapshot.graph.edgeTarget[e]!) }),
    strength: t.float({
      description: "The weight the network algorithms use (the value without its structural component).",
      resolve: ({ n, e }) => n.a.snapshot.graph.edgeWeight[e]!,
    }),
    value: t.float({
      description: "The tie's interaction value with the weights given to `network`.",
      resolve: ({ n, e }, _args, ctx) => tieValueOf(ctx.graph, n.a.snapshot, e, n.weights, n.options),
    }),
    kinds: t.field({
      type: [TieKindEnum],
      resolve: ({ n, e }) => (Object.keys(TIE_KINDS) as (keyof typeof TIE_KINDS)[]).filter((k) => (n.a.snapshot.ties[e]!.kinds & TIE_KINDS[k]) !== 0),
    }),
    confirmed: t.boolean({ description: "Both ends confirmed an alliance they share.", resolve: ({ n, e }) => n.a.snapshot.ties[e]!.confirmed }),
    crossesProfiles: t.boolean({
      resolve: ({ n, e }) => n.a.snapshot.profile[n.a.snapshot.graph.edgeSource[e]!] !== n.a.snapshot.profile[n.a.snapshot.graph.edgeTarget[e]!],
    }),
    isBridge: t.boolean({
      nullable: true,
      description: "Removing the tie disconnects the ecosystem's network; null for a tie leaving the ecosystem.",
      resolve: ({ isBridge }) => isBridge,
    }),
    firstDate: t.field({ type: "Date", resolve: ({ n, e }) => day(n.a.snapshot.ties[e]!.firstDay) }),
    lastDate: t.field({ type: "Date", resolve: ({ n, e }) => day(n.a.snapshot.ties[e]!.lastDay) }),
  }),
});

const EcosystemNetworkRef = builder.objectRef<NetworkShape>("EcosystemNetwork").implement({
  fields: (t) => ({
    nodes: t.field({ type: [NetworkNodeRef], resolve: (n) => n.nodes.map((v) => ({ n, v, i: n.a.metrics.localOf.get(v) })) }),
    ties: t.field({ type: [NetworkTieRef], resolve: (n) => n.ties.map(({ e, isBridge }) => ({ n, e, isBridge })) }),
    stats: t.field({
      type: NetworkStatsRef,
      description: "Statistics of the ecosystem's own network (outside actors left out).",
      resolve: (n, _args, ctx) => networkStats(ctx.graph, { kind: "ecosystem", ecosystemId: n.ecosystemId }, n.options),
    }),
    computedOn: t.field({ type: ComputedOn, resolve: (n) => n.a.computedOn }),
  }),
});

builder.objectField(Ecosystem, "network", (t) =>
  t.field({
    type: EcosystemNetworkRef,
    description: "Everything a map needs in one request: the ecosystem's actors and ties with their metrics, and its statistics.",
    args: {
      includeOutside: t.arg.boolean({
        defaultValue: false,
        description: "Also the actors of other territories tied to the ecosystem's actors, and those ties.",
      }),
      weights: t.arg({ type: InteractionValueWeightsInput, description: "Weights of the ties' `value`." }),
      asOf: t.arg(asOfArg),
    },
    complexity: 50,
    resolve: async (ecosystem, args, ctx) => {
      const includeOutside = args.includeOutside ?? false;
      const options = await asOfOptions(ctx.graph, args.asOf);
      const shape = await ecosystemNetwork(ctx.graph, ecosystem.id, includeOutside, options);
      return { ...shape, weights: weightsFrom(args.weights), options };
    },
  }),
);
