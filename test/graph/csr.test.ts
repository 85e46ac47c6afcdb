import { describe, expect, it } from "vitest";
import { csrFromTies, degreeOf } from "../../graph/csr.js";

describe("graph/csr", () => {
  it("stores each tie from both ends with sorted neighbours and shared tie indices", () => {
    const graph = csrFromTies(4, [
      { source: 2, target: 0, weight: 2 },
      { source: 0, target: 1 },
      { source: 3, target: 0, weight: 0.5 },
    ]);
    expect(graph.edgeCount).toBe(3);
    expect([...graph.offsets]).toEqual([0, 3, 4, 5, 6]);
    expect([...graph.targets.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect([...graph.weights.subarray(0, 3)]).toEqual([1, 2, 0.5]);
    const tieOfTwo = graph.edgeOf[graph.offsets[2]!]!;
    expect(tieOfTwo).toBe(graph.edgeOf[1]);
    expect([graph.edgeSource[tieOfTwo], graph.edgeTarget[tieOfTwo]]).toEqual([0, 2]);
    expect(degreeOf(graph, 0)).toBe(3);
  });

  it("merges parallel ties by summing weights and drops self-loops", () => {
    const graph = csrFromTies(2, [
      { source: 0, target: 1, weight: 2 },
      { source: 1, target: 0, weight: 3 },
      { source: 1, target: 1 },
    ]);
    expect(graph.edgeCount).toBe(1);
    expect([...graph.weights]).toEqual([5, 5]);
  });

  it("refuses ties outside the node range and negative weights, naming the module", () => {
    expect(() => csrFromTies(2, [{ source: 0, target: 2 }])).toThrow(/^graph\/csr: /);
    expect(() => csrFromTies(2, [{ source: 0, target: 1, weight: -1 }])).toThrow(/weight/);
  });

  it("holds an empty graph", () => {
    const graph = csrFromTies(0, []);
    expect([graph.nodeCount, graph.edgeCount, graph.offsets.length]).toEqual([0, 0, 1]);
  });
});

describe("graph/subgraph", () => {
  it("renumbers the kept nodes in the order given and maps each tie back to its parent", async () => {
    const { inducedSubgraph } = await import("../../graph/subgraph.js");
    const parent = csrFromTies(5, [
      { source: 0, target: 1, weight: 1 },
      { source: 1, target: 2, weight: 2 },
      { source: 2, target: 3, weight: 3 },
      { source: 3, target: 4, weight: 4 },
      { source: 1, target: 3, weight: 5 },
    ]);
    const sub = inducedSubgraph(parent, [3, 1, 2]);
    expect(sub.graph.edgeCount).toBe(3);
    for (let e = 0; e < sub.graph.edgeCount; e += 1) {
      const p = sub.parentTie[e]!;
      const ends = [sub.nodes[sub.graph.edgeSource[e]!], sub.nodes[sub.graph.edgeTarget[e]!]].sort();
      expect(ends).toEqual([parent.edgeSource[p], parent.edgeTarget[p]]);
      expect(sub.graph.edgeWeight[e]).toBe(parent.edgeWeight[p]);
    }
    expect(() => inducedSubgraph(parent, [1, 1])).toThrow(/^graph\/subgraph: /);
  });
});
