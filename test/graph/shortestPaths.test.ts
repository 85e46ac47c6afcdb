import { describe, expect, it } from "vitest";
import { allShortestPaths } from "../../graph/algorithms/shortestPaths.js";
import { csrOf, fixtureGraphs, referenceValues } from "../support/fixtureGraphs.js";

type Case = { source: number; target: number; all: number[][]; strong: number[][] };
const reference = referenceValues<Case[]>("paths.json");

describe("graph/shortestPaths", () => {
  it.each(fixtureGraphs.map((g) => [g.name, g] as const))("matches networkx.all_shortest_paths up to three steps on %s", (_name, fixture) => {
    const graph = csrOf(fixture);
    const strongOnly = (tie: number) => graph.edgeWeight[tie]! >= 2;
    for (const { source, target, all, strong } of reference[fixture.name]!) {
      expect(allShortestPaths(graph, source, target, { limit: 1000 })).toEqual(all);
      expect(allShortestPaths(graph, source, target, { limit: 1000, usable: strongOnly })).toEqual(strong);
    }
  });

  it("returns the path to oneself, respects the limit, and names the module on a bad node", () => {
    const fixture = fixtureGraphs.find((g) => g.name === "karate")!;
    const graph = csrOf(fixture);
    expect(allShortestPaths(graph, 5, 5)).toEqual([[5]]);
    expect(allShortestPaths(graph, 0, 33, { limit: 2 })).toHaveLength(2);
    expect(allShortestPaths(graph, 0, 33, { maxLength: 1 })).toEqual([]);
    expect(() => allShortestPaths(graph, 0, 99)).toThrow(/^graph\/shortestPaths: target node 99/);
  });
});
