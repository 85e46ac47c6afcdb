import { maturitiesOf, type MaturityShape } from "../graph/analytics/maturities.js";
import type { Maturity, MaturityComponent } from "../graph/ecosystem/maturity.js";
import { MATURITY_COMPONENTS, type MaturityComponentKey } from "../graph/ecosystem/maturityModel.js";
import type { Offer } from "../graph/ecosystem/offers.js";
import { ComputedOn } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { Ecosystem } from "./ecosystem.js";
import { inLanguage, LanguageEnum } from "./language.js";
import { NeedLevelEnum } from "./needAssessment.js";
import { asOfArg, dayKey, loadByDay } from "./timeTravel.js";

export const LEVEL_NAMES = ["ACCOMPANY", "CONSOLIDATE", "INVEST", "INVENT"] as const;
export const GROWTH_STAGES = ["SCATTERED_FRAGMENTS", "HUB_AND_SPOKE", "MULTI_HUB_SMALL_WORLD", "CORE_PERIPHERY"] as const;

export const GrowthStageEnum = builder.enumType("GrowthStage", {
  description: "How a network grows (Krebs & Holley, network weaving).",
  values: GROWTH_STAGES,
});
export const ComponentKeyEnum = builder.enumType("MaturityComponentKey", {
  values: Object.fromEntries(
    (Object.keys(MATURITY_COMPONENTS) as MaturityComponentKey[]).map((key) => [key, { description: MATURITY_COMPONENTS[key].description.en }]),
  ) as Record<MaturityComponentKey, { description: string }>,
});

const ComponentRef = builder.objectRef<MaturityComponent>("MaturityComponent").implement({
  description: "One measure of the composite: its value, the value at which it counts as met, and what it adds.",
  fields: (t) => ({
    key: t.field({ type: ComponentKeyEnum, resolve: (c) => c.key }),
    label: t.string({
      args: { language: t.arg({ type: LanguageEnum }) },
      resolve: (c, { language }) => inLanguage(MATURITY_COMPONENTS[c.key].description, language),
    }),
    value: t.exposeFloat("value", { nullable: true, description: "The measure in its own unit; null when there is nothing to measure." }),
    target: t.exposeFloat("target"),
    score: t.exposeFloat("score", { description: "min(1, value / target)." }),
    weight: t.exposeFloat("weight"),
    contribution: t.exposeFloat("contribution", { description: "weight × score." }),
  }),
});

const OfferRef = builder.objectRef<Offer>("Offer").implement({
  description: "One of the programme's offers for a need level.",
  fields: (t) => ({ text: t.string({ args: { language: t.arg({ type: LanguageEnum }) }, resolve: (o, { language }) => inLanguage(o, language) }) }),
});

const NextStepRef = builder.objectRef<Maturity["nextStep"]>("MaturityNextStep").implement({
  fields: (t) => ({
    towardsLevel: t.exposeInt("towardsLevel", { nullable: true, description: "The level to reach next; null at level 4." }),
    weakest: t.field({ type: [ComponentRef], description: "The components whose shortfall weighs most.", resolve: (s) => s.weakest }),
    offers: t.field({ type: [OfferRef], description: "The programme's offers for the next level.", resolve: (s) => [...s.offers] }),
  }),
});

const MaturityRef = builder.objectRef<MaturityShape>("Maturity").implement({
  description:
    "An ecosystem's maturity computed from its network, practices and alliances, with its evidence. Weights and thresholds: graph/ecosystem/maturityModel.ts.",
  fields: (t) => ({
    level: t.exposeInt("level"),
    levelName: t.field({ type: NeedLevelEnum, resolve: (m) => LEVEL_NAMES[m.level - 1]! }),
    composite: t.exposeFloat("composite", { description: "Σ contributions, in [0, 1]." }),
    growthStage: t.field({ type: GrowthStageEnum, resolve: (m) => GROWTH_STAGES[m.growthStage - 1]! }),
    components: t.field({ type: [ComponentRef], resolve: (m) => m.components }),
    nextStep: t.field({ type: NextStepRef, resolve: (m) => m.nextStep }),
    computedOn: t.field({ type: ComputedOn, resolve: (m) => m.computedOn }),
  }),
});

builder.objectField(Ecosystem, "maturity", (t) =>
  t.loadable({
    type: MaturityRef,
    description: "Computed once per version of the network and day, for every ecosystem at once.",
    args: { asOf: t.arg(asOfArg) },
    load: (keys: string[], ctx) => loadByDay(keys, ctx.graph, (ids, options) => maturitiesOf(ctx.graph, ids.map(Number), options)),
    resolve: (ecosystem, args) => dayKey(args.asOf, ecosystem.id),
  }),
);
