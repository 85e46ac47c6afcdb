import { describe, expect, it } from "vitest";
import { allShortestPaths } from "../../graph/algorithms/shortestPaths.js";
import { csrFromTies } from "../../graph/csr.js";
import { selectPaths } from "../../graph/engines/neo4j/queries.js";

// Pure: no Neo4j needed. Neo4j returns every shortest path, in no set order and once per hub
// joining two actors; the engine must keep the very paths the snapshot's search keeps.
describe("choosing introduction paths among Neo4j's shortest paths", () => {
  it("keeps the paths the predecessor walk keeps when there are more than the limit", () => {
    // 0 → {1..5} → {6..10} → 11, complete between layers: 25 shortest paths of 3 ties.
    const ties = [];
    for (let m = 1; m <= 5; m += 1) ties.push({ source: 0, target: m, weight: 1 });
    for (let m = 1; m <= 5; m += 1) for (let n = 6; n <= 10; n += 1) ties.push({ source: m, target: n, weight: 1 });
    for (let n = 6; n <= 10; n += 1) ties.push({ source: n, target: 11, weight: 1 });
    const graph = csrFromTies(12, ties);
    const every: number[][] = [];
    for (let m = 1; m <= 5; m += 1) for (let n = 6; n <= 10; n += 1) every.push([0, m, n, 11]);
    // Shuffled, and each path twice (two hubs between the same actors).
    const fromNeo4j = [...every, ...every].sort((a, b) => ((a[1]! * 7 + a[2]! * 13) % 11) - ((b[1]! * 7 + b[2]! * 13) % 11));
    for (const limit of [1, 3, 10, 25, 40]) expect(selectPaths(fromNeo4j, limit)).toEqual(allShortestPaths(graph, 0, 11, { maxLength: 3, limit }));
  });

  it("returns each actor sequence once", () => {
    expect(
      selectPaths(
        [
          [1, 5, 9],
          [1, 5, 9],
          [1, 4, 9],
        ],
        10,
      ),
    ).toEqual([
      [1, 4, 9],
      [1, 5, 9],
    ]);
  });
});
