import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRejected, globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { mutationDocuments } from "../support/mutationDocuments.js";

let api: TestApi;
let actors: string[];
let alliance: string;
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ actors(first: 3) { nodes { id } } alliances(first: 1) { nodes { id } } }`);
  actors = result.data.actors.nodes.map((a: { id: string }) => a.id);
  alliance = result.data.alliances.nodes[0].id;
});
afterAll(() => api?.close());

const INTERACTION = `id kind date intensity amountEuros description alliance { id } participants { id }`;
const { CREATE, UPDATE, DELETE } = mutationDocuments("Interaction", INTERACTION);

describe("interaction mutations", () => {
  it("creates, updates and deletes an interaction, each change in the outbox", async () => {
    const created = await api.gql(CREATE, {
      input: { kind: "FUNDING", date: "2025-05-12", participants: [actors[0], actors[1]], alliance, intensity: 4, amountEuros: 12000 },
    });
    const interaction = created.data.createInteraction.interaction;
    expect(interaction).toMatchObject({ kind: "FUNDING", date: "2025-05-12", intensity: 4, amountEuros: 12000, alliance: { id: alliance } });
    expect(interaction.participants.map((p: { id: string }) => p.id)).toEqual([actors[0], actors[1]]);

    const updated = await api.gql(UPDATE, { id: interaction.id, input: { participants: actors, alliance: null, description: "Tour de table" } });
    expect(updated.data.updateInteraction.interaction).toMatchObject({ alliance: null, description: "Tour de table", amountEuros: 12000 });
    expect(updated.data.updateInteraction.interaction.participants).toHaveLength(3);

    expect((await api.gql(DELETE, { id: interaction.id }, "ADMIN")).data.deleteInteraction.deletedId).toBe(interaction.id);
    const events = await api.db.prisma.outboxEvent.findMany({ where: { aggregate: "INTERACTION" }, orderBy: { position: "asc" } });
    expect(events.map((e) => e.operation)).toEqual(["CREATED", "UPDATED", "DELETED"]);
  });
});

describe("interaction mutations refuse bad input and change nothing", () => {
  it.each([
    ["one participant", { participants: ["0"] }, ["input", "participants"]],
    ["an intensity of 9", { intensity: 9 }, ["input", "intensity"]],
    ["a negative amount", { kind: "FUNDING", amountEuros: -5 }, ["input", "amountEuros"]],
    ["a date in the year 3000", { date: "3000-01-01" }, ["input", "date"]],
  ] as [string, Record<string, unknown>, string[]][])("%s", async (_label, change, path) => {
    const input: Record<string, unknown> = { kind: "MEETING", date: "2025-01-10", participants: [actors[0], actors[1]], ...change };
    if (change.participants) input.participants = [actors[0]];
    const payload = await expectRejected(api, CREATE, { input }, "InputValidationError");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("refuses an amount on a meeting, an unknown participant and an unknown alliance", async () => {
    const base = { kind: "MEETING", date: "2025-01-10", participants: [actors[0], actors[1]] };
    const amount = await expectRejected(api, CREATE, { input: { ...base, amountEuros: 100 } }, "InvalidInputError");
    expect(amount.path).toEqual(["input", "amountEuros"]);
    await expectRejected(api, CREATE, { input: { ...base, participants: [actors[0], globalId("Actor", 999999)] } }, "NotFoundError");
    await expectRejected(api, CREATE, { input: { ...base, alliance: globalId("Alliance", 999999) } }, "NotFoundError");
  });
});
