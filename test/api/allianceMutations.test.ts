import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRejected, globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { mutationDocuments } from "../support/mutationDocuments.js";

let api: TestApi;
let actors: string[];
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ actors(first: 4) { nodes { id } } }`);
  actors = result.data.actors.nodes.map((a: { id: string }) => a.id);
});
afterAll(() => api?.close());

const ALLIANCE = `id name purpose modalities levers impacts startDate endDate confirmed declaredBy { id } members { role confirmedAt actor { id } }`;
const { CREATE, UPDATE, DELETE } = mutationDocuments("Alliance", ALLIANCE);

const valid = () => ({
  name: "Pôle de coopération",
  purpose: "Mutualiser un atelier",
  startDate: "2024-03-01",
  modalities: ["DIALOGUE", "POOL_RESOURCES"],
  levers: ["FINANCE"],
  impacts: ["TRUST"],
  declaredBy: actors[0],
  members: [
    { actor: actors[0], role: "LEAD", confirmed: true },
    { actor: actors[1], role: "PARTNER", confirmed: true },
    { actor: actors[2], role: "FUNDER" },
  ],
});

describe("alliance mutations", () => {
  it("creates an n-ary alliance with roles, confirmed only once every member confirms", async () => {
    const result = await api.gql(CREATE, { input: valid() });
    const alliance = result.data.createAlliance.alliance;
    expect(alliance).toMatchObject({
      name: "Pôle de coopération",
      modalities: ["DIALOGUE", "POOL_RESOURCES"],
      confirmed: false,
      declaredBy: { id: actors[0] },
    });
    // Members come in actor order, as the actors were listed.
    expect(alliance.members.map((m: any) => [m.actor.id, m.role, m.confirmedAt !== null])).toEqual([
      [actors[0], "LEAD", true],
      [actors[1], "PARTNER", true],
      [actors[2], "FUNDER", false],
    ]);
    const confirmedAll = await api.gql(UPDATE, {
      id: alliance.id,
      input: { members: valid().members.map((m) => ({ ...m, confirmed: true })) },
    });
    expect(confirmedAll.data.updateAlliance.alliance.confirmed).toBe(true);
    const kept = confirmedAll.data.updateAlliance.alliance.members.find((m: any) => m.actor.id === actors[0]);
    expect(kept.confirmedAt).toBe(alliance.members.find((m: any) => m.actor.id === actors[0]).confirmedAt);
    const event = await api.db.prisma.outboxEvent.findFirst({ where: { aggregate: "ALLIANCE" }, orderBy: { position: "desc" } });
    expect(event).toMatchObject({ operation: "UPDATED" });
  });

  it("updates the period and deletes the alliance, leaving its interactions unlinked", async () => {
    const created = await api.gql(CREATE, { input: valid() });
    const id = created.data.createAlliance.alliance.id;
    const ended = await api.gql(UPDATE, { id, input: { endDate: "2025-06-30" } });
    expect(ended.data.updateAlliance.alliance).toMatchObject({ startDate: "2024-03-01", endDate: "2025-06-30" });
    await expectRejected(api, DELETE, { id }, "ForbiddenError", "EDITOR");
    expect((await api.gql(DELETE, { id }, "ADMIN")).data.deleteAlliance.deletedId).toBe(id);
    await expectRejected(api, DELETE, { id }, "NotFoundError", "ADMIN");
  });
});

describe("alliance mutations refuse bad input and change nothing", () => {
  it.each([
    ["a single member", { members: [{ actor: "" }] }, ["input", "members"]],
    ["the same actor twice", { members: [{ actor: "A" }, { actor: "A" }] }, ["input", "members"]],
    ["an end before the start", { endDate: "2020-01-01" }, ["input", "endDate"]],
    ["a modality twice", { modalities: ["SHARE", "SHARE"] }, ["input", "modalities"]],
    ["an empty name", { name: "" }, ["input", "name"]],
  ] as [string, Record<string, unknown>, string[]][])("%s", async (_label, change, path) => {
    const input: Record<string, unknown> = { ...valid(), ...change };
    // Actor ids are known only once the suite runs: "A" stands for the first, others for the second.
    if (Array.isArray(change.members)) input.members = change.members.map((m: { actor: string }) => ({ actor: m.actor === "A" ? actors[0] : actors[1] }));
    const payload = await expectRejected(api, CREATE, { input }, "InputValidationError");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("refuses a member that does not exist, and a declarer who is not a member", async () => {
    const ghost = globalId("Actor", 999999);
    await expectRejected(api, CREATE, { input: { ...valid(), members: [{ actor: actors[0] }, { actor: ghost }] } }, "NotFoundError");
    await expectRejected(api, CREATE, { input: { ...valid(), declaredBy: actors[3] } }, "ConflictError");
  });

  it("refuses an id of another type, and an impossible calendar day", async () => {
    const result = await api.gql(CREATE, { input: { ...valid(), startDate: "2024-13-01" } });
    expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    const wrongType = await api.gql(CREATE, { input: { ...valid(), members: [{ actor: globalId("Territory", 1) }, { actor: actors[1] }] } });
    expect(wrongType.errors?.[0]?.message ?? wrongType.data?.createAlliance?.__typename).toBeTruthy();
    expect(wrongType.data?.createAlliance?.__typename).not.toBe("CreateAllianceSuccess");
  });
});
