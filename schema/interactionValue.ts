import { z } from "zod";
import { valueRollup, type TieSet, type ValueRollupShape } from "../graph/analytics/tieValues.js";
import { DEFAULT_VALUE_WEIGHTS, type InteractionValueWeights, type ValueComponent } from "../graph/ecosystem/interactionValue.js";
import { VALUE_COMPONENTS } from "../graph/ecosystem/tieValues.js";
import type { Context } from "./context.js";
import { Actor } from "./actor.js";
import { Alliance } from "./alliance.js";
import { ComputedOn } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { Ecosystem } from "./ecosystem.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

export const ValueComponentEnum = builder.enumType("ValueComponent", {
  description: "The components of an interaction's value; defaults and scales in graph/ecosystem/interactionValue.ts.",
  // GraphQL names in CONSTANT_CASE, carrying the component keys as their values.
  values: Object.fromEntries(VALUE_COMPONENTS.map((c) => [c.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase(), { value: c }])) as Record<
    string,
    { value: ValueComponent }
  >,
});

export const InteractionValueWeightsInput = builder.inputType("InteractionValueWeights", {
  description: `Weights of the value's components; each left out keeps its default (${VALUE_COMPONENTS.map((c) => `${c} ${DEFAULT_VALUE_WEIGHTS[c]}`).join(", ")}).`,
  fields: (t) => Object.fromEntries(VALUE_COMPONENTS.map((c) => [c, t.float({ validate: z.number().min(0, "weights are not negative").max(100) })])) as never,
});

/** The weights a query asked for, merged over the defaults. */
export function weightsFrom(input: Partial<Record<ValueComponent, number | null>> | null | undefined): InteractionValueWeights {
  const weights = { ...DEFAULT_VALUE_WEIGHTS };
  for (const c of VALUE_COMPONENTS) {
    const w = input?.[c];
    if (w != null) weights[c] = w;
  }
  return weights;
}

const ContributionRef = builder.objectRef<{ component: ValueComponent; weight: number; contribution: number }>("ValueContribution").implement({
  fields: (t) => ({
    component: t.field({ type: ValueComponentEnum, resolve: (c) => c.component }),
    weight: t.exposeFloat("weight"),
    contribution: t.exposeFloat("contribution", { description: "Mean weighted contribution over the ties; the contributions sum to `mean`." }),
  }),
});

export const InteractionValueRef = builder.objectRef<ValueRollupShape>("InteractionValue").implement({
  description: "The value of a set of ties (an alliance's, an actor's, an ecosystem's): their total, their mean, and what each component contributes.",
  fields: (t) => ({
    ties: t.exposeInt("ties"),
    total: t.exposeFloat("total"),
    mean: t.exposeFloat("mean"),
    breakdown: t.field({
      type: [ContributionRef],
      resolve: (r) => VALUE_COMPONENTS.map((component) => ({ component, weight: r.weights[component], contribution: r.breakdown[component] })),
    }),
    computedOn: t.field({ type: ComputedOn, resolve: (r) => r.computedOn }),
  }),
});

async function rollupOf(ctx: Context, args: { weights?: Parameters<typeof weightsFrom>[0]; asOf?: Date | null }, set: TieSet): Promise<ValueRollupShape> {
  return valueRollup(ctx.graph, set, weightsFrom(args.weights), await asOfOptions(ctx.graph, args.asOf));
}

builder.objectField(Alliance, "value", (t) =>
  t.field({
    type: InteractionValueRef,
    description: "The value of the ties among the alliance's members.",
    args: { weights: t.arg({ type: InteractionValueWeightsInput }), asOf: t.arg(asOfArg) },
    resolve: (alliance, args, ctx) => rollupOf(ctx, args, { of: "alliance", allianceId: alliance.id }),
  }),
);

builder.objectField(Actor, "interactionValue", (t) =>
  t.field({
    type: InteractionValueRef,
    description: "The value of the actor's ties.",
    args: { weights: t.arg({ type: InteractionValueWeightsInput }), asOf: t.arg(asOfArg) },
    resolve: (actor, args, ctx) => rollupOf(ctx, args, { of: "actor", actorId: actor.id }),
  }),
);

builder.objectField(Ecosystem, "interactionValue", (t) =>
  t.field({
    type: InteractionValueRef,
    description: "The value of the ties among the ecosystem's actors.",
    args: { weights: t.arg({ type: InteractionValueWeightsInput }), asOf: t.arg(asOfArg) },
    resolve: (ecosystem, args, ctx) => rollupOf(ctx, args, { of: "ecosystem", ecosystemId: ecosystem.id }),
  }),
);
