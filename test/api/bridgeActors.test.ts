import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bridgeScores, rankBridges } from "../../graph/ecosystem/bridges.js";
import { computeScopeMetrics } from "../../graph/ecosystem/scopeMetrics.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const BRIDGES = `query ($scope: AnalyticsScope, $first: Int) {
  bridgeActors(scope: $scope, first: $first) {
    rank score
    actor { id name profile territories { name } }
    breakdown { component weight score contribution }
    ifRemoved { componentsAfter disconnectedShare pieces }
    algorithm { betweenness pivots }
    computedOn { graphVersion }
  }
}`;

type Bridge = {
  rank: number;
  score: number;
  actor: { id: string };
  breakdown: { contribution: number }[];
  ifRemoved: { componentsAfter: number; disconnectedShare: number; pieces: number[] };
};

const idOf = (globalId: string) => Number(decodeGlobalID(globalId).id);

describe("Query.bridgeActors", () => {
  it("ranks the whole network's bridges, highest score first, each with its breakdown and what breaks without it", async () => {
    const result = await api.gql(BRIDGES, { first: 30 });
    expect(result.errors).toBeUndefined();
    const bridges: Bridge[] = result.data.bridgeActors;
    expect(bridges.map((b) => b.rank)).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
    for (let k = 1; k < bridges.length; k += 1) expect(bridges[k]!.score).toBeLessThanOrEqual(bridges[k - 1]!.score);
    expect(bridges[0]!.score).toBeGreaterThan(0.3);
    for (const bridge of bridges) {
      expect(bridge.breakdown.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(bridge.score, 12);
      const { pieces, componentsAfter, disconnectedShare } = bridge.ifRemoved;
      expect([...pieces].sort((a, b) => b - a)).toEqual(pieces);
      // An actor whose part splits in two or more pieces cuts pairs apart; one that leaves its part whole does not.
      expect(disconnectedShare > 0).toBe(pieces.length > 1);
      expect(componentsAfter).toBeGreaterThanOrEqual(pieces.length);
    }
    expect(new Set(bridges.map((b) => b.actor.id)).size).toBe(30);
    expect(result.data.bridgeActors[0].algorithm).toEqual({ betweenness: "EXACT", pivots: 3460 });
  });

  it("loads the ranked actors in one statement, however long the list", async () => {
    const short = await api.gql(BRIDGES, { first: 5 });
    const long = await api.gql(BRIDGES, { first: 200 });
    expect(long.errors).toBeUndefined();
    expect(long.data.bridgeActors).toHaveLength(200);
    expect(long.data.bridgeActors.every((b: { actor: { territories: unknown[] } }) => b.actor.territories.length > 0)).toBe(true);
    expect(long.extensions?.sqlStatements).toBe(short.extensions?.sqlStatements);
    expect(long.extensions?.sqlStatements).toBeLessThanOrEqual(3);
    const tooMany = await api.gql(BRIDGES, { first: 201 });
    expect(tooMany.errors?.[0]?.message).toMatch(/200/);
  });

  it("ranks an ecosystem's own actors, as the pure computation does", async () => {
    const ecosystems = await api.gql(`{ ecosystems(first: 2) { nodes { id } } }`);
    const id = ecosystems.data.ecosystems.nodes[1].id;
    const result = await api.gql(BRIDGES, { scope: { ecosystem: id }, first: 10 });
    expect(result.errors).toBeUndefined();
    const snapshot = await api.graph.snapshot();
    const metrics = computeScopeMetrics(snapshot, { kind: "ecosystem", ecosystemId: idOf(id) });
    const scores = bridgeScores(metrics);
    const expected = [...rankBridges(scores, 10)].map((i) => snapshot.actorIds[metrics.nodes[i]!]);
    expect(result.data.bridgeActors.map((b: Bridge) => idOf(b.actor.id))).toEqual(expected);
    expect(result.data.bridgeActors[0].score).toBeCloseTo(scores.score[rankBridges(scores, 1)[0]!]!, 12);
    for (const bridge of result.data.bridgeActors as Bridge[]) expect(snapshot.ecosystem[snapshot.indexOfActor.get(idOf(bridge.actor.id))!]).toBe(idOf(id));
  });
});
