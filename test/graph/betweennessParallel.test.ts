import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrFromTies, type Tie } from "../../graph/csr.js";
import { accumulateFromSource, betweenness, createScratch } from "../../graph/algorithms/betweenness.js";
import { createBetweennessPool, relabelBreadthFirst, type BetweennessPool } from "../../graph/workers/betweennessParallel.js";
import { closeArrays, csrOf, fixtureGraphs } from "../support/fixtureGraphs.js";

const graphNamed = (name: string) => csrOf(fixtureGraphs.find((f) => f.name === name)!);
const ties = (pairs: [number, number][]): Tie[] => pairs.map(([source, target]) => ({ source, target }));
const variants = [
  ["unweighted", "raw"],
  ["unweighted", "normalized"],
  ["weighted", "raw"],
  ["weighted", "normalized"],
] as const;

describe("graph/betweennessParallel", () => {
  let pool: BetweennessPool;
  beforeAll(async () => {
    pool = createBetweennessPool({ workers: 2 });
    await pool.ready();
  });
  afterAll(() => pool.close());

  describe.each(fixtureGraphs)("equals the single-thread computation on $name", (fixture) => {
    it.each(variants)("%s, %s", async (mode, scale) => {
      const graph = csrOf(fixture);
      const options = { weighted: mode === "weighted", normalized: scale === "normalized" };
      expect(closeArrays(await pool.betweenness(graph, options), betweenness(graph, options))).toBeNull();
    });
  });

  it("sums Brandes' dependencies over a chosen list of sources, in the caller's labels, repeats allowed", async () => {
    const graph = graphNamed("territorial-150");
    const sources = [5, 149, 0, 77, 5, 31];
    for (const weighted of [false, true]) {
      const brandes = new Float64Array(graph.nodeCount);
      const scratch = createScratch(graph, { weighted });
      for (const s of sources) accumulateFromSource(graph, s, scratch, { nodes: brandes, ties: null }, { weighted, groups: null });
      expect(closeArrays(await pool.sumDependencies(graph, { kernel: "brandes", weighted, sources }), brandes)).toBeNull();
    }
    expect(await pool.sumDependencies(graph, { kernel: "brandes", weighted: false, sources: [] })).toEqual(new Float64Array(150));
  });

  it("sums cross-group dependencies when given group labels, in the caller's labels", async () => {
    const fixture = fixtureGraphs.find((f) => f.name === "territorial-150")!;
    const graph = csrOf(fixture);
    const groups = Int32Array.from(fixture.territory);
    for (const sources of [null, [5, 149, 0, 77]]) {
      const expected = new Float64Array(graph.nodeCount);
      const scratch = createScratch(graph, { weighted: false });
      for (const s of sources ?? graph.offsets.subarray(1).map((_, v) => v)) {
        accumulateFromSource(graph, s, scratch, { nodes: expected, ties: null }, { weighted: false, groups });
      }
      expect(closeArrays(await pool.sumDependencies(graph, { kernel: "brandes", weighted: false, sources, groups }), expected)).toBeNull();
    }
    await expect(pool.sumDependencies(graph, { kernel: "brandes", weighted: false, sources: null, groups: [1, 2] })).rejects.toThrow(
      /groups must hold one label per node/,
    );
  });

  it("gives the same bits whatever the number of workers, and on every call", async () => {
    const graph = graphNamed("territorial-150");
    const single = createBetweennessPool({ workers: 1 });
    try {
      const one = await single.betweenness(graph);
      expect(await pool.betweenness(graph)).toEqual(one);
      expect(await pool.betweenness(graph)).toEqual(one);
    } finally {
      await single.close();
    }
  });

  it("is reused across graphs and queued calls, and refuses work once closed", async () => {
    const own = createBetweennessPool({ workers: 2 });
    const karate = graphNamed("karate");
    const path = csrFromTies(
      3,
      ties([
        [0, 1],
        [1, 2],
      ]),
    );
    const results = await Promise.all([own.betweenness(karate), own.betweenness(path, { normalized: false }), own.betweenness(karate, { weighted: true })]);
    expect(closeArrays(results[0]!, betweenness(karate))).toBeNull();
    expect([...results[1]!]).toEqual([0, 1, 0]);
    expect(closeArrays(results[2]!, betweenness(karate, { weighted: true }))).toBeNull();
    expect(own.closed).toBe(false);
    await own.close();
    await own.close();
    expect(own.closed).toBe(true);
    await expect(own.betweenness(karate)).rejects.toThrow(/^graph\/betweennessParallel: the pool is closed/);
    await expect(own.ready()).rejects.toThrow(/closed/);
  });

  it("lets the process exit with an idle pool that was never closed", () => {
    const module = new URL("../../graph/workers/betweennessParallel.ts", import.meta.url).href;
    const code = [
      `import { createBetweennessPool } from ${JSON.stringify(module)};`,
      `const pool = createBetweennessPool({ workers: 2 });`,
      `const graph = { nodeCount: 3, edgeCount: 2, offsets: Int32Array.of(0, 1, 3, 4), targets: Int32Array.of(1, 0, 2, 1),`,
      `  edgeOf: Int32Array.of(0, 0, 1, 1), weights: Float64Array.of(1, 1, 1, 1), edgeSource: Int32Array.of(0, 1), edgeTarget: Int32Array.of(1, 2), edgeWeight: Float64Array.of(1, 1) };`,
      `console.log(JSON.stringify([...(await pool.betweenness(graph))]));`,
    ].join("\n");
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", code], { encoding: "utf8", timeout: 30_000 });
    expect(output.trim()).toBe("[0,1,0]");
  });

  it("relabels in breadth-first order, every component from its lowest label, rows sorted", () => {
    const graph = csrFromTies(
      6,
      ties([
        [0, 4],
        [4, 2],
        [0, 3],
        [1, 5],
      ]),
    );
    const { newLabel, offsets, targets } = relabelBreadthFirst(graph);
    // Order: 0, 3, 4 (0's neighbours ascending), 2, then 1, 5.
    expect([...newLabel]).toEqual([0, 4, 3, 1, 2, 5]);
    expect([...offsets]).toEqual([0, 2, 3, 5, 6, 7, 8]);
    expect([...targets]).toEqual([1, 2, 0, 0, 3, 2, 5, 4]);
  });

  it("refuses bad input, naming the module", async () => {
    const graph = graphNamed("triangle");
    expect(() => createBetweennessPool({ workers: 0 })).toThrow(/^graph\/betweennessParallel: workers must be a positive integer/);
    await expect(pool.sumDependencies(graph, { kernel: "other" as "brandes", weighted: false, sources: null })).rejects.toThrow(/unknown kernel other/);
    await expect(pool.sumDependencies(graph, { kernel: "brandes", weighted: false, sources: [3] })).rejects.toThrow(
      /^graph\/betweennessParallel: source 3 does not exist/,
    );
    await expect(pool.sumDependencies(graph, { kernel: "brandes", weighted: false, sources: [0.5] })).rejects.toThrow(/source 0.5/);
    await expect(pool.betweenness(graph, { k: 2 } as object)).rejects.toThrow(/^graph\/betweennessParallel: unknown option k/);
    const negative = { ...graph, weights: Float64Array.from(graph.weights, () => -1) };
    await expect(pool.betweenness(negative, { weighted: true })).rejects.toThrow(/has length -1/);
    // The pool is still usable after refusing.
    expect(closeArrays(await pool.betweenness(graph), [0, 0, 0])).toBeNull();
  });
});
