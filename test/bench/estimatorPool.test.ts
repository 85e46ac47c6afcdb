import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sumLinearDependencies } from "../../bench/estimators/betweennessScaled.js";
import { createEstimatorPool, type EstimatorPool } from "../../bench/estimators/estimatorPool.js";
import { closeArrays, csrOf, fixtureGraphs } from "../support/fixtureGraphs.js";

const graphNamed = (name: string) => csrOf(fixtureGraphs.find((f) => f.name === name)!);

describe("bench/estimatorPool", () => {
  let pool: EstimatorPool;
  beforeAll(async () => {
    pool = createEstimatorPool({ workers: 2 });
    await pool.ready();
  });
  afterAll(() => pool.close());

  it("sums the linear kernel over a chosen list of sources, in the caller's labels, repeats allowed", async () => {
    const graph = graphNamed("territorial-150");
    const sources = [5, 149, 0, 77, 5, 31];
    for (const weighted of [false, true]) {
      const linear = await pool.sumDependencies(graph, { kernel: "linear", weighted, sources: Int32Array.from(sources) });
      expect(closeArrays(linear, sumLinearDependencies(graph, sources, weighted))).toBeNull();
    }
  });

  it("refuses group labels on other kernels than Brandes'", async () => {
    const fixture = fixtureGraphs.find((f) => f.name === "territorial-150")!;
    const graph = csrOf(fixture);
    const groups = Int32Array.from(fixture.territory);
    await expect(pool.sumDependencies(graph, { kernel: "linear", weighted: false, sources: null, groups })).rejects.toThrow(
      /groups apply to the brandes kernel only/,
    );
  });
});
