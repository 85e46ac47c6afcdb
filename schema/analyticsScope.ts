import type { ComputedOnShape } from "../graph/analytics/computedOn.js";
import { NATIONAL, type Scope } from "../graph/scope.js";
import { builder } from "./builder.js";
import { Ecosystem } from "./ecosystem.js";
import { recordId } from "./ids.js";

export const AnalyticsScope = builder.inputType("AnalyticsScope", {
  description: "Where an analytic runs: one ecosystem's network, or, when no ecosystem is given, the whole network.",
  fields: (t) => ({ ecosystem: t.globalID({ for: [Ecosystem] }) }),
});

export function resolveScope(input: { ecosystem?: { typename: string; id?: unknown } | null } | null | undefined): Scope {
  return input?.ecosystem ? { kind: "ecosystem", ecosystemId: recordId(input.ecosystem) } : NATIONAL;
}

export const ComputedOn = builder.objectRef<ComputedOnShape>("ComputedOn").implement({
  description: "The version of the network an analytic was computed on.",
  fields: (t) => ({
    graphVersion: t.string({ description: "The outbox position the network reflects.", resolve: (c) => String(c.graphVersion) }),
    asOf: t.field({
      type: "Date",
      description: "The day the network is taken on and recency measured from: the `asOf` asked for, or the record's latest event for the current network.",
      resolve: (c) => new Date(c.today * 86_400_000),
    }),
  }),
});
