import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryGraphEngine } from "../../graph/engines/memory/memoryEngine.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const recordIdOf = (globalId: string) => Number(decodeGlobalID(globalId).id);

/** Where the running engine places each actor, and where an engine started afresh from the record does. */
async function placements(actorIds: number[]) {
  const running = await api.graph.snapshot();
  const restarted = new MemoryGraphEngine(api.db.prisma);
  await restarted.start();
  const fresh = await restarted.snapshot();
  await restarted.close();
  const place = (snapshot: typeof running, id: number) => {
    const v = snapshot.indexOfActor.get(id)!;
    return { ecosystem: snapshot.ecosystem[v], region: snapshot.region[v], territoryGroup: snapshot.territoryGroup[v] };
  };
  return { running: actorIds.map((id) => place(running, id)), restarted: actorIds.map((id) => place(fresh, id)) };
}

describe("an actor's place in the network", () => {
  it("is the same in the running engine and in one restarted from the record, whatever order the API was given its territories in", async () => {
    const ecosystems = await api.gql(`{ ecosystems(first: 2) { nodes { id territory { id } } } }`);
    const [first, second] = ecosystems.data.ecosystems.nodes as { id: string; territory: { id: string } }[];
    // Higher record id first: an engine that kept the order given would place the actor elsewhere than the record's order does.
    const territories = [first!.territory.id, second!.territory.id].sort((a, b) => recordIdOf(b) - recordIdOf(a));
    const created = await api.gql(
      `mutation ($input: CreateActorInput!) { createActor(input: $input) { ... on CreateActorSuccess { actor { id } } } }`,
      { input: { name: "Entre deux écosystèmes", kind: "ASSOCIATION", territories } },
      "EDITOR",
    );
    const actorId = recordIdOf(created.data.createActor.actor.id);
    const moved = await api.gql(
      `mutation ($input: CreateActorInput!) { createActor(input: $input) { ... on CreateActorSuccess { actor { id } } } }`,
      { input: { name: "Déplacé", kind: "COMPANY", territories: [first!.territory.id] } },
      "EDITOR",
    );
    const movedId = recordIdOf(moved.data.createActor.actor.id);
    await api.gql(
      `mutation ($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { __typename } }`,
      { id: moved.data.createActor.actor.id, input: { territories } },
      "EDITOR",
    );

    const { running, restarted } = await placements([actorId, movedId]);
    expect(running).toEqual(restarted);
    const lowest = recordIdOf(territories[1]!);
    const ecosystemOfLowest = recordIdOf([first!, second!].find((e) => recordIdOf(e.territory.id) === lowest)!.id);
    expect(running.map((p) => p.ecosystem)).toEqual([ecosystemOfLowest, ecosystemOfLowest]);
  });
});
