import { describe, expect, it } from "vitest";
import { keyOf, type AnalyticsKey } from "../../graph/analytics/cacheKeys.js";
import { DEFAULT_VALUE_WEIGHTS } from "../../graph/ecosystem/interactionValue.js";
import { NATIONAL } from "../../graph/scope.js";

const ecosystem = (ecosystemId: number) => ({ kind: "ecosystem", ecosystemId }) as const;

describe("the analytics service's cache keys", () => {
  it("tell apart every analytic and every parameter", () => {
    const keys: AnalyticsKey[] = [
      { analytic: "scope-metrics", scope: NATIONAL },
      { analytic: "scope-metrics", scope: ecosystem(1) },
      { analytic: "scope-metrics", scope: ecosystem(2) },
      { analytic: "network-stats", scope: ecosystem(1) },
      { analytic: "maturity" },
      { analytic: "ecosystem-network", ecosystemId: 1, includeOutside: false },
      { analytic: "ecosystem-network", ecosystemId: 1, includeOutside: true },
      { analytic: "peers", actorId: 1 },
      { analytic: "peers", actorId: 2 },
      { analytic: "tie-structural-positions" },
      { analytic: "tie-values", weights: { ...DEFAULT_VALUE_WEIGHTS } },
      { analytic: "tie-values", weights: { ...DEFAULT_VALUE_WEIGHTS, structural: 0 } },
      { analytic: "history:tie-values" },
      { analytic: "history:ecosystem-metrics", ecosystemId: 1 },
      { analytic: "report-history" },
    ];
    expect(new Set(keys.map(keyOf)).size).toBe(keys.length);
  });

  it("give the same key for the same parameters in any property order", () => {
    const reversed = Object.fromEntries(Object.entries(DEFAULT_VALUE_WEIGHTS).reverse()) as typeof DEFAULT_VALUE_WEIGHTS;
    expect(keyOf({ analytic: "tie-values", weights: reversed })).toBe(keyOf({ analytic: "tie-values", weights: { ...DEFAULT_VALUE_WEIGHTS } }));
    expect(keyOf({ includeOutside: true, ecosystemId: 3, analytic: "ecosystem-network" })).toBe(
      keyOf({ analytic: "ecosystem-network", ecosystemId: 3, includeOutside: true }),
    );
    expect(keyOf({ analytic: "scope-metrics", scope: { ecosystemId: 3, kind: "ecosystem" } })).toBe(keyOf({ analytic: "scope-metrics", scope: ecosystem(3) }));
  });

  it("name an analytic without parameters by its name alone", () => {
    expect(keyOf({ analytic: "maturity" })).toBe("maturity");
    expect(keyOf({ analytic: "scope-metrics", scope: NATIONAL }).startsWith("scope-metrics:")).toBe(true);
  });
});
