import { describe, expect, it } from "vitest";
import type { NetworkNode, NetworkTie } from "../../web/src/api/queries.ts";
import { buildGraph } from "../../web/src/graph/networkGraph.ts";
import { components, packComponents } from "../../web/src/graph/pack.ts";

const node = (id: string): NetworkNode => ({
  id,
  name: id,
  profile: "PUBLIC",
  kind: "INSTITUTION",
  isCatalyst: false,
  inEcosystem: true,
  ecosystem: null,
  betweenness: 0,
  bridgeScore: 0,
  community: 0,
  constraint: null,
  degree: 0,
  isArticulationPoint: false,
});
const tie = (source: string, target: string): NetworkTie => ({
  source,
  target,
  confirmed: true,
  crossesProfiles: false,
  firstDate: "2024-01-01",
  lastDate: "2024-12-31",
  isBridge: false,
  kinds: ["MEETING"],
  strength: 1,
  value: 1,
});

describe("web packing of small parts", () => {
  it("brings a far-away lone actor under the main part, leaving the main part as it was", () => {
    const graph = buildGraph([node("a"), node("b"), node("c"), node("far")], [tie("a", "b"), tie("b", "c")]);
    graph.mergeNodeAttributes("a", { x: 0, y: 0 });
    graph.mergeNodeAttributes("b", { x: 10, y: 10 });
    graph.mergeNodeAttributes("c", { x: 20, y: 0 });
    graph.mergeNodeAttributes("far", { x: 5000, y: 5000 });
    packComponents(graph);
    expect(graph.getNodeAttributes("a")).toMatchObject({ x: 0, y: 0 });
    const far = graph.getNodeAttributes("far");
    expect(far.x).toBeGreaterThanOrEqual(0);
    expect(far.x).toBeLessThanOrEqual(20);
    expect(far.y).toBeLessThan(0);
  });

  it("lists connected parts largest first", () => {
    const graph = buildGraph([node("a"), node("b"), node("c"), node("d")], [tie("a", "b"), tie("b", "c")]);
    expect(components(graph).map((p) => p.length)).toEqual([3, 1]);
  });
});
