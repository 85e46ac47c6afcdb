import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryGraphEngine } from "../../graph/engines/memory/memoryEngine.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** Every tie as "a-b:facts", so two snapshots can be compared whole. */
function tieTable(snapshot: NetworkSnapshot): string[] {
  return snapshot.ties.map((t) => JSON.stringify(t)).sort();
}

describe("the in-process graph engine", () => {
  it("loads the demo network from the record with every actor and a tie per related pair", async () => {
    const snapshot = await api.graph.snapshot();
    expect(snapshot.graph.nodeCount).toBe(await api.db.prisma.actor.count());
    expect(snapshot.graph.edgeCount).toBeGreaterThan(10_000);
    expect([...snapshot.graph.weights].every((w) => w > 0 && w <= 1)).toBe(true);
    expect(new Set(snapshot.profile)).toEqual(new Set([0, 1, 2, 3]));
    expect(snapshot.ecosystem.filter((e) => e >= 0).length).toBeGreaterThan(3000);
  });

  it("applies each write before the mutation answers, and moves its version", async () => {
    const before = api.graph.version();
    const snapshotBefore = await api.graph.snapshot();
    const [a, b] = [snapshotBefore.actorIds[0]!, snapshotBefore.actorIds[snapshotBefore.actorIds.length - 1]!];
    const created = await api.gql(`mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) { __typename } }`, {
      input: {
        name: "Lien neuf",
        startDate: "2026-01-05",
        modalities: ["EXPERIMENT"],
        members: [
          { actor: globalId("Actor", a), confirmed: true },
          { actor: globalId("Actor", b), confirmed: true },
        ],
      },
    });
    expect(created.data.createAlliance.__typename).toBe("CreateAllianceSuccess");
    expect(api.graph.version()).toBeGreaterThan(before);
    const after = await api.graph.snapshot();
    const ia = after.indexOfActor.get(a)!;
    const ib = after.indexOfActor.get(b)!;
    const tie = after.ties.find((t) => t.a === Math.min(a, b) && t.b === Math.max(a, b));
    expect(tie).toMatchObject({ alliances: 1, confirmed: true, modalityDepth: 3 });
    expect([...after.graph.targets.subarray(after.graph.offsets[ia]!, after.graph.offsets[ia + 1]!)]).toContain(ib);
  });

  it("ends, after writes and deletions, with the network a fresh load from the record gives", async () => {
    const actors = await api.gql(`{ actors(first: 3, filter: { isCatalyst: true }) { nodes { id } } }`);
    const [x, y, z] = actors.data.actors.nodes.map((n: { id: string }) => n.id);
    await api.gql(`mutation ($i: CreateInteractionInput!) { createInteraction(input: $i) { __typename } }`, {
      i: { kind: "FUNDING", date: "2026-02-01", participants: [x, y, z], amountEuros: 5000 },
    });
    const alliance = await api.gql(`{ alliances(first: 1, filter: { member: "${x}" }) { nodes { id } } }`);
    await api.gql(`mutation ($id: ID!) { deleteAlliance(id: $id) { __typename } }`, { id: alliance.data.alliances.nodes[0].id });
    const lone = await api.gql(`mutation ($i: CreateActorInput!) { createActor(input: $i) { ... on CreateActorSuccess { actor { id } } } }`, {
      i: { name: "De passage", kind: "COMPANY", territories: [globalId("Territory", 1)] },
    });
    await api.gql(`mutation ($id: ID!) { deleteActor(id: $id) { __typename } }`, { id: lone.data.createActor.actor.id });

    const fresh = new MemoryGraphEngine(api.db.prisma);
    await fresh.start();
    expect(fresh.version()).toBe(api.graph.version());
    expect(tieTable(await api.graph.snapshot())).toEqual(tieTable(await fresh.snapshot()));
    expect([...(await api.graph.snapshot()).actorIds]).toEqual([...(await fresh.snapshot()).actorIds]);
    await fresh.close();
  });

  it("computes a cached analytic once per version", async () => {
    let runs = 0;
    const compute = () => ++runs;
    await Promise.all([api.graph.cached("count", compute), api.graph.cached("count", compute)]);
    expect(runs).toBe(1);
    await api.gql(`mutation ($i: CreateInteractionInput!) { createInteraction(input: $i) { __typename } }`, {
      i: { kind: "MEETING", date: "2026-03-01", participants: [globalId("Actor", 1), globalId("Actor", 2)] },
    });
    await api.graph.cached("count", compute);
    expect(runs).toBe(2);
  });
});
