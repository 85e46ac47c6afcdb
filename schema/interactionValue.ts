import { z } from "zod";
import { DEFAULT_VALUE_WEIGHTS, type InteractionValueWeights, type ValueComponent } from "../graph/ecosystem/interactionValue.js";
import { tieStructuralPositions } from "../graph/ecosystem/structuralPosition.js";
import { computeTieValues, rollUp, tiesAmong, tiesOfNode, VALUE_COMPONENTS, type TieValues, type ValueRollup } from "../graph/ecosystem/tieValues.js";
import type { Scope } from "../graph/scope.js";
import { scopeNodes } from "../graph/scope.js";
import type { NetworkSnapshot, SnapshotOptions } from "../graph/snapshot.js";
import type { Context } from "./context.js";
import { Actor } from "./actor.js";
import { Alliance } from "./alliance.js";
import { computedOn, ComputedOn, type ComputedOnShape } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { Ecosystem } from "./ecosystem.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

export const ValueComponentEnum = builder.enumType("ValueComponent", {
  description: "The components of an interaction's value; defaults and scales in graph/ecosystem/interactionValue.ts.",
  // GraphQL names in CONSTANT_CASE, carrying the component keys as their values.
  values: Object.fromEntries(VALUE_COMPONENTS.map((c) => [c.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase(), { value: c }])) as Record<string, { value: ValueComponent }>,
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

/** Tie values for the network (current, or as of a day) and these weights, computed once per version and day. */
export async function tieValuesFor(ctx: Pick<Context, "graph">, weights: InteractionValueWeights, options: SnapshotOptions = {}): Promise<{ snapshot: NetworkSnapshot; values: TieValues }> {
  const structural = await ctx.graph.cached("tie-structural-positions", tieStructuralPositions, options);
  return ctx.graph.cached(`tie-values:${JSON.stringify(weights)}`, (snapshot) => ({ snapshot, values: computeTieValues(snapshot, structural, weights) }), options);
}

const ContributionRef = builder.objectRef<{ component: ValueComponent; weight: number; contribution: number }>("ValueContribution").implement({
  fields: (t) => ({
    component: t.field({ type: ValueComponentEnum, resolve: (c) => c.component }),
    weight: t.exposeFloat("weight"),
    contribution: t.exposeFloat("contribution", { description: "Mean weighted contribution over the ties; the contributions sum to `mean`." }),
  }),
});

type RollupShape = ValueRollup & { weights: InteractionValueWeights; computedOn: ComputedOnShape };

export const InteractionValueRef = builder.objectRef<RollupShape>("InteractionValue").implement({
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

async function rollupOf(ctx: Context, args: { weights?: Parameters<typeof weightsFrom>[0]; asOf?: Date | null }, ties: (snapshot: NetworkSnapshot) => Iterable<number>): Promise<RollupShape> {
  const weights = weightsFrom(args.weights);
  const { snapshot, values } = await tieValuesFor(ctx, weights, await asOfOptions(ctx.graph, args.asOf));
  return { ...rollUp(values, ties(snapshot)), weights, computedOn: computedOn(snapshot) };
}


builder.objectField(Alliance, "value", (t) =>
  t.field({
    type: InteractionValueRef,
    description: "The value of the ties among the alliance's members.",
    args: { weights: t.arg({ type: InteractionValueWeightsInput }), asOf: t.arg(asOfArg) },
    resolve: (alliance, args, ctx) => rollupOf(ctx, args, (s) => tiesAmong(s, s.allianceMembers.get(alliance.id) ?? [])),
  }),
);

builder.objectField(Actor, "interactionValue", (t) =>
  t.field({
    type: InteractionValueRef,
    description: "The value of the actor's ties.",
    args: { weights: t.arg({ type: InteractionValueWeightsInput }), asOf: t.arg(asOfArg) },
    resolve: (actor, args, ctx) => rollupOf(ctx, args, (s) => (s.indexOfActor.has(actor.id) ? tiesOfNode(s, s.indexOfActor.get(actor.id)!) : [])),
  }),
);

builder.objectField(Ecosystem, "interactionValue", (t) =>
  t.field({
    type: InteractionValueRef,
    description: "The value of the ties among the ecosystem's actors.",
    args: { weights: t.arg({ type: InteractionValueWeightsInput }), asOf: t.arg(asOfArg) },
    resolve: (ecosystem, args, ctx) => {
      const scope: Scope = { kind: "ecosystem", ecosystemId: ecosystem.id };
      return rollupOf(ctx, args, (s) => tiesAmong(s, scopeNodes(s, scope)));
    },
  }),
);
