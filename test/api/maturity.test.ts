import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const MATURITY = `{
  ecosystems(first: 100) {
    nodes {
      needLevel
      maturity {
        level levelName composite growthStage
        components { key label value target score weight contribution }
        nextStep { towardsLevel weakest { key label(language: EN) } offers { text(language: EN) } }
        computedOn { graphVersion asOf }
      }
    }
  }
}`;

describe("Ecosystem.maturity", () => {
  it("answers for all 81 ecosystems in one request, with its evidence and next step", async () => {
    const result = await api.gql(MATURITY);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.ecosystems.nodes;
    expect(nodes).toHaveLength(81);
    for (const { maturity } of nodes) {
      expect(maturity.level).toBeGreaterThanOrEqual(1);
      expect(maturity.components).toHaveLength(10);
      const sum = maturity.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(maturity.composite, 10);
      expect(maturity.nextStep.weakest).toHaveLength(3);
      expect(maturity.nextStep.offers.length).toBe(3);
      expect(maturity.computedOn.graphVersion).toBe(String(api.graph.version()));
    }
    const agreeing = nodes.filter((n: any) => n.maturity.level === n.needLevel).length;
    expect(agreeing).toBe(72);
    expect(nodes[0].maturity.components[0].label).toMatch(/Profils/);
  });

  it("is computed once per version of the network, not once per request", async () => {
    let computations = 0;
    const cached = api.graph.cached.bind(api.graph);
    api.graph.cached = ((key: string, compute: any, options?: any) =>
      cached(
        key,
        (snapshot) => {
          computations += 1;
          return compute(snapshot);
        },
        options,
      )) as typeof api.graph.cached;
    await api.gql(MATURITY);
    await api.gql(MATURITY);
    api.graph.cached = cached;
    expect(computations).toBe(0);
  });
});
