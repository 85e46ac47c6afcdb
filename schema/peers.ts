import { z } from "zod";
import type { ComputedOnShape } from "../graph/analytics/computedOn.js";
import { MAX_PEERS, peerRanking } from "../graph/analytics/peerRanking.js";
import {
  PEER_COMPONENT_DESCRIPTIONS,
  PEER_WEIGHTS,
  type Peer,
  type PeerComponent,
  type PeerComponentKey,
  type PeerReason,
  type PeerReasonCode,
} from "../graph/ecosystem/peers.js";
import { Actor } from "./actor.js";
import { ComputedOn } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { byId } from "./loadById.js";
import { inLanguage, LanguageEnum, type Language } from "./language.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

const REASON_CODES: readonly PeerReasonCode[] = [
  "SAME_PROFILE",
  "SAME_KIND",
  "SIMILAR_PRACTICES",
  "COMPLEMENTARY_PRACTICES",
  "SAME_MATURITY_LEVEL",
  "NEXT_MATURITY_LEVEL",
  "CATALYST",
];

const PeerComponentKeyEnum = builder.enumType("PeerComponentKey", {
  values: Object.fromEntries(
    (Object.keys(PEER_WEIGHTS) as PeerComponentKey[]).map((key) => [key, { description: PEER_COMPONENT_DESCRIPTIONS[key].en }]),
  ) as Record<PeerComponentKey, { description: string }>,
});
const PeerReasonCodeEnum = builder.enumType("PeerReasonCode", { values: REASON_CODES });

type Localised<T> = T & { language: Language | null };
type PeerShape = Omit<Peer, "components" | "reasons"> & {
  actorId: number;
  components: Localised<PeerComponent>[];
  reasons: Localised<PeerReason>[];
  computedOn: ComputedOnShape;
};

const PeerComponentRef = builder.objectRef<Localised<PeerComponent>>("PeerComponent").implement({
  description: "One term of a peer's score: value in [0, 1], its weight, and weight × value.",
  fields: (t) => ({
    key: t.field({ type: PeerComponentKeyEnum, resolve: (c) => c.key }),
    label: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      resolve: (c, { language }) => inLanguage(PEER_COMPONENT_DESCRIPTIONS[c.key], language ?? c.language),
    }),
    value: t.exposeFloat("value"),
    weight: t.exposeFloat("weight"),
    contribution: t.exposeFloat("contribution"),
  }),
});

const PeerReasonRef = builder.objectRef<Localised<PeerReason>>("PeerReason").implement({
  fields: (t) => ({
    code: t.field({ type: PeerReasonCodeEnum, resolve: (r) => r.code }),
    text: t.string({ args: { language: t.arg({ type: LanguageEnum }) }, resolve: (r, { language }) => inLanguage(r.text, language ?? r.language) }),
  }),
});

const PeerRef = builder.objectRef<PeerShape>("Peer").implement({
  description: "An actor of another ecosystem worth knowing, with its score and the reasons for it. Weights: graph/ecosystem/peers.ts.",
  fields: (t) => ({
    actor: t.prismaField({
      type: "Actor",
      resolve: (query, peer, _args, ctx) => byId(ctx, "actor", query, peer.actorId, (args) => ctx.prisma.actor.findMany(args)),
    }),
    ecosystem: t.prismaField({
      type: "Ecosystem",
      nullable: true,
      resolve: (query, peer, _args, ctx) => byId(ctx, "ecosystem", query, peer.ecosystemId, (args) => ctx.prisma.ecosystem.findMany(args)),
    }),
    score: t.exposeFloat("score", { description: "Σ contributions, in [0, 1]." }),
    level: t.exposeInt("level", { nullable: true, description: "The computed maturity level of the peer's ecosystem." }),
    components: t.field({ type: [PeerComponentRef], resolve: (p) => p.components }),
    reasons: t.field({ type: [PeerReasonRef], resolve: (p) => p.reasons }),
    computedOn: t.field({ type: ComputedOn, resolve: (p) => p.computedOn }),
  }),
});

builder.objectField(Actor, "peers", (t) =>
  t.field({
    type: [PeerRef],
    description:
      "Actors of other ecosystems with a similar profile and kind, similar or complementary practices, and an ecosystem at the same or the next maturity level; best first.",
    args: {
      first: t.arg.int({ defaultValue: 10, description: `How many peers, 1 to ${MAX_PEERS}.`, validate: z.number().int().min(1).max(MAX_PEERS) }),
      language: t.arg({ type: LanguageEnum, description: "The language of labels and reasons below, unless they name their own." }),
      asOf: t.arg(asOfArg),
    },
    resolve: async (actor, { first, language, asOf }, ctx) => {
      const ranking = await peerRanking(ctx.graph, actor.id, await asOfOptions(ctx.graph, asOf));
      return ranking.slice(0, first ?? 10).map((peer) => ({
        ...peer,
        components: peer.components.map((c) => ({ ...c, language: language ?? null })),
        reasons: peer.reasons.map((r) => ({ ...r, language: language ?? null })),
      }));
    },
  }),
);
