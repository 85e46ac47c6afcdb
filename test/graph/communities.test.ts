import { describe, expect, it } from "vitest";
import { louvain, modularity } from "../../graph/algorithms/communities.js";
import { mulberry32 } from "../../graph/algorithms/random.js";
import { csrFromTies, type CsrGraph } from "../../graph/csr.js";
import { csrOf, fixtureGraphs, referenceValues, TOLERANCE } from "../support/fixtureGraphs.js";

interface CommunitiesReference {
  partitions: Record<string, number[]>;
  /** "<partition>|<weighted|unweighted>|<resolution>" -> nx modularity, null when nx cannot compute it. */
  modularity: Record<string, number | null>;
}

const reference = referenceValues<CommunitiesReference>("communities.json");

function ties(pairs: [number, number][]) {
  return pairs.map(([source, target]) => ({ source, target }));
}

/** Two triangles 0-1-2 and 3-4-5 joined by the tie 2-3. */
const twoTriangles = csrFromTies(
  6,
  ties([
    [0, 1],
    [1, 2],
    [0, 2],
    [3, 4],
    [4, 5],
    [3, 5],
    [2, 3],
  ]),
);

describe("graph/communities modularity", () => {
  for (const fixture of fixtureGraphs) {
    it(`matches networkx modularity on every partition of ${fixture.name}`, () => {
      const graph = csrOf(fixture);
      const { partitions, modularity: expected } = reference[fixture.name]!;
      for (const [key, value] of Object.entries(expected)) {
        const [partition, weighting, resolution] = key.split("|") as [string, string, string];
        const actual = modularity(graph, partitions[partition]!, { weighted: weighting === "weighted", resolution: Number(resolution) });
        if (value === null) expect(actual, key).toBeNaN();
        else expect(Math.abs(actual - value), key).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it("gives 5/14 for two triangles split at their bridge, and 0 for everything together", () => {
    expect(modularity(twoTriangles, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 15);
    expect(modularity(twoTriangles, [7, 7, 7, 7, 7, 7])).toBeCloseTo(0, 15);
    // Labels are any non-negative integers; only the grouping counts.
    expect(modularity(twoTriangles, [9, 9, 9, 2, 2, 2])).toBe(modularity(twoTriangles, [0, 0, 0, 1, 1, 1]));
  });

  it("ignores zero-weight ties when weighted and counts them when not", () => {
    const withZero = csrFromTies(6, [
      ...ties([
        [0, 1],
        [1, 2],
        [0, 2],
        [3, 4],
        [4, 5],
        [3, 5],
      ]),
      { source: 2, target: 3, weight: 0 },
    ]);
    const without = csrFromTies(
      6,
      ties([
        [0, 1],
        [1, 2],
        [0, 2],
        [3, 4],
        [4, 5],
        [3, 5],
      ]),
    );
    const split = [0, 0, 0, 1, 1, 1];
    expect(modularity(withZero, split)).toBe(modularity(without, split));
    expect(modularity(withZero, split, { weighted: false })).toBeCloseTo(5 / 14, 15);
  });

  it("is NaN without any tie weight", () => {
    expect(modularity(csrFromTies(0, []), [])).toBeNaN();
    expect(modularity(csrFromTies(2, []), [0, 1])).toBeNaN();
    expect(modularity(csrFromTies(2, [{ source: 0, target: 1, weight: 0 }]), [0, 0])).toBeNaN();
    expect(modularity(csrFromTies(2, [{ source: 0, target: 1, weight: 0 }]), [0, 0], { weighted: false })).toBe(0);
  });

  it("refuses bad partitions and options, naming the module", () => {
    expect(() => modularity(twoTriangles, [0, 0, 0])).toThrow(/^graph\/communities: expected one community per node/);
    expect(() => modularity(twoTriangles, [0, 0, 0, 1, 1, -1])).toThrow(/^graph\/communities: node 5 has invalid community -1$/);
    expect(() => modularity(twoTriangles, [0, 0, 0, 1, 1, 1.5])).toThrow(/^graph\/communities: /);
    expect(() => modularity(twoTriangles, [0, 0, 0, 1, 1, 1], { resolution: -1 })).toThrow(/^graph\/communities: resolution/);
    expect(() => modularity(twoTriangles, [0, 0, 0, 1, 1, 1], { resolution: Number.NaN })).toThrow(/^graph\/communities: resolution/);
    expect(() => modularity({} as CsrGraph, [])).toThrow(/^graph\/communities: expected a CsrGraph/);
  });
});

describe("graph/communities louvain", () => {
  it("splits two triangles at their bridge", () => {
    const result = louvain(twoTriangles, { rng: mulberry32(1) });
    expect([...result.communityOf]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.count).toBe(2);
    expect(result.modularity).toBeCloseTo(5 / 14, 15);
  });

  it("gives the same communities for the same seed, numbered by their smallest node", () => {
    for (const name of ["karate", "territorial-150"]) {
      const graph = csrOf(fixtureGraphs.find((f) => f.name === name)!);
      const first = louvain(graph, { rng: mulberry32(7) });
      const again = louvain(graph, { rng: mulberry32(7) });
      expect(again).toEqual(first);
      expect(louvain(graph)).toEqual(louvain(graph));
      const firstSeen: number[] = [];
      for (const c of first.communityOf) if (!firstSeen.includes(c)) firstSeen.push(c);
      expect(firstSeen).toEqual([...Array(first.count).keys()]);
    }
  });

  for (const fixture of fixtureGraphs) {
    it(`reports the modularity of its own partition of ${fixture.name}`, () => {
      const graph = csrOf(fixture);
      for (const weighted of [true, false]) {
        const result = louvain(graph, { rng: mulberry32(3), weighted });
        expect(result.communityOf.length).toBe(fixture.nodeCount);
        expect(Math.max(-1, ...result.communityOf) + 1).toBe(result.count);
        const recomputed = modularity(graph, result.communityOf, { weighted });
        if (Number.isNaN(recomputed)) expect(result.modularity).toBeNaN();
        else expect(result.modularity).toBe(recomputed);
      }
    });
  }

  // Louvain is a heuristic; both implementations reach local optima. 0.02 is the margin documented
  // in graph/algorithms/communities.ts.
  for (const name of ["karate", "territorial-150"]) {
    for (const weighted of [true, false]) {
      it(`reaches at least NetworkX's Louvain modularity minus 0.02 on ${name} (${weighted ? "weighted" : "unweighted"})`, () => {
        const graph = csrOf(fixtureGraphs.find((f) => f.name === name)!, weighted);
        const nx = reference[name]!.modularity[`nxLouvain${weighted ? "Weighted" : "Unweighted"}|${weighted ? "weighted" : "unweighted"}|1`]!;
        for (let seed = 1; seed <= 5; seed += 1) {
          expect(louvain(graph, { rng: mulberry32(seed), weighted }).modularity).toBeGreaterThanOrEqual(nx - 0.02);
        }
      });
    }
  }

  it("follows the resolution: one community per component at 0, every actor alone when very high", () => {
    const twoComponents = csrOf(fixtureGraphs.find((f) => f.name === "two-components")!);
    expect([...louvain(twoComponents, { resolution: 0, rng: mulberry32(1) }).communityOf]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(louvain(twoComponents, { resolution: 10, rng: mulberry32(1) }).count).toBe(6);
  });

  it("leaves every actor alone, with NaN modularity, when there is no tie weight", () => {
    expect(louvain(csrFromTies(0, []))).toEqual({ communityOf: new Int32Array(0), count: 0, modularity: NaN });
    expect(louvain(csrFromTies(1, []))).toEqual({ communityOf: new Int32Array([0]), count: 1, modularity: NaN });
    const zero = csrFromTies(3, [
      { source: 0, target: 1, weight: 0 },
      { source: 1, target: 2, weight: 0 },
    ]);
    expect(louvain(zero)).toEqual({ communityOf: new Int32Array([0, 1, 2]), count: 3, modularity: NaN });
    expect(louvain(zero, { weighted: false }).count).toBeLessThan(3);
  });

  it("places an isolated actor alone and keeps zero-weight ties out of the weighted optimum", () => {
    const graph = csrFromTies(7, [
      ...ties([
        [0, 1],
        [1, 2],
        [0, 2],
        [3, 4],
        [4, 5],
        [3, 5],
      ]),
      { source: 2, target: 3, weight: 0 },
    ]);
    const result = louvain(graph, { rng: mulberry32(2) });
    expect([...result.communityOf]).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(result.modularity).toBeCloseTo(0.5, 15);
  });

  it("refuses bad options, naming the module", () => {
    expect(() => louvain(twoTriangles, { rng: 3 as unknown as () => number })).toThrow(/^graph\/communities: rng/);
    expect(() => louvain(twoTriangles, { resolution: Infinity })).toThrow(/^graph\/communities: resolution/);
    expect(() => louvain(twoTriangles, { weighted: "yes" as unknown as boolean })).toThrow(/^graph\/communities: weighted/);
    expect(() => louvain([] as unknown as CsrGraph)).toThrow(/^graph\/communities: expected a CsrGraph/);
  });
});
