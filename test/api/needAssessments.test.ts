import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { expectRejected as rejected, globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { mutationDocuments } from "../support/mutationDocuments.js";

let api: TestApi;
let territories: string[];
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystems(first: 2) { nodes { territory { id } } } }`);
  territories = result.data.ecosystems.nodes.map((e: { territory: { id: string } }) => e.territory.id);
});
afterAll(() => api?.close());

const NEED = `id date level levelName assessedBy notes source territory { id }`;
const LIST = `query ($filter: NeedAssessmentFilter) {
  needAssessments(filter: $filter, first: 500) { totalCount nodes { id date level territory { id region { id } } } }
}`;
const { CREATE, UPDATE } = mutationDocuments("NeedAssessment", NEED);

interface Listed {
  id: string;
  date: string;
  level: number;
  territory: { id: string; region: { id: string } | null };
}

const expectRejected = (query: string, variables: Record<string, unknown>, typename: string, as?: Role | "ANONYMOUS") =>
  rejected(api, query, variables, typename, as);

async function list(filter?: Record<string, unknown>): Promise<{ totalCount: number; nodes: Listed[] }> {
  const result = await api.gql(LIST, { filter });
  expect(result.errors).toBeUndefined();
  return result.data.needAssessments;
}

const valid = () => ({ territory: territories[0], date: "2025-04-15", level: 2, assessedBy: "Équipe test" });

async function create(input: Record<string, unknown> = valid()) {
  const result = await api.gql(CREATE, { input }, "EDITOR");
  expect(result.data.createNeedAssessment.__typename).toBe("CreateNeedAssessmentSuccess");
  return result.data.createNeedAssessment.needAssessment;
}

describe("needAssessments query", () => {
  it("gives each of the 81 ecosystems' territories one to three assessments", async () => {
    const ecosystems = await api.gql(`{ ecosystems(first: 100) { nodes { territory { id } } } }`);
    const perTerritory = new Map<string, number>();
    for (const n of (await list()).nodes) perTerritory.set(n.territory.id, (perTerritory.get(n.territory.id) ?? 0) + 1);
    const ecosystemTerritories = ecosystems.data.ecosystems.nodes.map((e: { territory: { id: string } }) => e.territory.id);
    expect(ecosystemTerritories).toHaveLength(81);
    expect(new Set(perTerritory.keys())).toEqual(new Set(ecosystemTerritories));
    expect([...perTerritory.values()].every((count) => count >= 1 && count <= 3)).toBe(true);
  });

  it("narrows to the levels asked for", async () => {
    const all = await list();
    const high = await list({ levels: [3, 4] });
    expect(high.totalCount).toBe(all.nodes.filter((n) => n.level >= 3).length);
    expect(high.totalCount).toBeGreaterThan(0);
    expect(high.nodes.every((n) => n.level === 3 || n.level === 4)).toBe(true);
  });

  it("narrows to a territory, or to everything under its région", async () => {
    const all = await list();
    const own = await list({ territory: territories[0] });
    expect(own.totalCount).toBe(all.nodes.filter((n) => n.territory.id === territories[0]).length);
    expect(own.nodes.every((n) => n.territory.id === territories[0])).toBe(true);

    const region = own.nodes[0]!.territory.region!.id;
    const inRegion = await list({ territory: region });
    expect(inRegion.totalCount).toBe(all.nodes.filter((n) => n.territory.region?.id === region).length);
    expect(inRegion.totalCount).toBeGreaterThanOrEqual(own.totalCount);
  });

  it("answers a territory that does not exist with an empty list", async () => {
    expect(await list({ territory: globalId("Territory", 999999) })).toEqual({ totalCount: 0, nodes: [] });
  });

  it("refuses a level outside 1 to 4 in the filter", async () => {
    const result = await api.gql(LIST, { filter: { levels: [5] } });
    expect(result.errors?.[0]?.message).toMatch(/need levels run from 1 to 4/);
  });

  it("names each seeded level after the study's four natures of need", async () => {
    const result = await api.gql(`{ needAssessments(first: 500) { nodes { level levelName } } }`);
    const names = new Map(result.data.needAssessments.nodes.map((n: { level: number; levelName: string }) => [n.level, n.levelName]));
    expect(Object.fromEntries(names)).toEqual({ 1: "ACCOMPANY", 2: "CONSOLIDATE", 3: "INVEST", 4: "INVENT" });
  });
});

describe("need assessment mutations", () => {
  it("creates an assessment for an editor, trims its text, and reads it back by id", async () => {
    const created = await create({ ...valid(), level: 4, assessedBy: "  Équipe test ", notes: "  À revoir  " });
    expect(created).toMatchObject({
      date: "2025-04-15",
      level: 4,
      levelName: "INVENT",
      assessedBy: "Équipe test",
      notes: "À revoir",
      source: "api",
      territory: { id: territories[0] },
    });
    const read = await api.gql(`query ($id: ID!) { node(id: $id) { ... on NeedAssessment { ${NEED} } } }`, { id: created.id });
    expect(read.data.node).toEqual(created);
    expect((await list({ territory: territories[0] })).nodes.map((n) => n.id)).toContain(created.id);
  });

  it("stores an empty note as no note", async () => {
    expect((await create({ ...valid(), notes: "   " })).notes).toBeNull();
  });

  it("accepts the first and the last day of the allowed range", async () => {
    expect((await create({ ...valid(), date: "1900-01-01" })).date).toBe("1900-01-01");
    expect((await create({ ...valid(), date: "2100-12-31" })).date).toBe("2100-12-31");
  });

  it("updates only the fields given, clears notes with null, and moves an assessment to another territory", async () => {
    const { id } = await create({ ...valid(), notes: "Premier diagnostic" });
    const raised = await api.gql(UPDATE, { id, input: { level: 3 } }, "EDITOR");
    expect(raised.data.updateNeedAssessment.needAssessment).toMatchObject({
      level: 3,
      levelName: "INVEST",
      date: "2025-04-15",
      assessedBy: "Équipe test",
      notes: "Premier diagnostic",
      territory: { id: territories[0] },
    });
    const cleared = await api.gql(UPDATE, { id, input: { notes: null, date: "2025-05-02" } }, "EDITOR");
    expect(cleared.data.updateNeedAssessment.needAssessment).toMatchObject({ notes: null, date: "2025-05-02", level: 3 });
    const moved = await api.gql(UPDATE, { id, input: { territory: territories[1] } }, "EDITOR");
    expect(moved.data.updateNeedAssessment.needAssessment).toMatchObject({ territory: { id: territories[1] }, level: 3, date: "2025-05-02" });
  });
});

describe("need assessment mutations refuse bad input and change nothing", () => {
  it.each([
    ["a level of 0", { level: 0 }, ["input", "level"]],
    ["a level of 5", { level: 5 }, ["input", "level"]],
    ["a blank assessor", { assessedBy: "   " }, ["input", "assessedBy"]],
    ["a 201-character assessor", { assessedBy: "x".repeat(201) }, ["input", "assessedBy"]],
    ["a 5,001-character note", { notes: "x".repeat(5001) }, ["input", "notes"]],
    ["a date before 1900", { date: "1899-12-31" }, ["input", "date"]],
    ["a date after 2100", { date: "2101-01-01" }, ["input", "date"]],
  ] as [string, Record<string, unknown>, string[]][])("on create: %s", async (_label, change, path) => {
    const payload = await expectRejected(CREATE, { input: { ...valid(), ...change } }, "InputValidationError");
    expect(payload.code).toBe("input/invalid");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it.each([
    ["a null territory", { territory: null }, ["input", "territory"]],
    ["a null date", { date: null }, ["input", "date"]],
    ["a null level", { level: null }, ["input", "level"]],
    ["a null assessor", { assessedBy: null }, ["input", "assessedBy"]],
    ["a level of 9", { level: 9 }, ["input", "level"]],
    ["a blank assessor", { assessedBy: "" }, ["input", "assessedBy"]],
  ] as [string, Record<string, unknown>, string[]][])("on update: %s", async (_label, input, path) => {
    const [seeded] = (await list()).nodes;
    const payload = await expectRejected(UPDATE, { id: seeded!.id, input }, "InputValidationError");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("answers an unknown territory with NotFoundError naming it, on create and on update", async () => {
    const ghost = globalId("Territory", 999999);
    expect((await expectRejected(CREATE, { input: { ...valid(), territory: ghost } }, "NotFoundError")).message).toContain(ghost);
    const [seeded] = (await list()).nodes;
    expect((await expectRejected(UPDATE, { id: seeded!.id, input: { territory: ghost } }, "NotFoundError")).message).toContain(ghost);
  });
});
