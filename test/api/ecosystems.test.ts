import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("ecosystems", () => {
  it("lists the 81 demo ecosystems with their actors counted by profile, in a bounded number of statements", async () => {
    const result = await api.gql(`{
      ecosystems(first: 100) {
        totalCount
        nodes { name source needLevel territory { code level overseas region { code } } actorsByProfile { profile count } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.ecosystems;
    expect(totalCount).toBe(81);
    expect(nodes).toHaveLength(81);
    for (const ecosystem of nodes) {
      expect(ecosystem.source).toBe("demo");
      expect(ecosystem.actorsByProfile.map((c: { profile: string }) => c.profile)).toEqual(["ECONOMIC", "GENERAL_INTEREST", "PUBLIC", "ACADEMIC"]);
      expect(ecosystem.actorsByProfile.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBeGreaterThan(0);
    }
    const levels = nodes.map((e: { needLevel: number }) => e.needLevel);
    expect([1, 2, 3, 4].map((level) => levels.filter((l: number) => l === level).length)).toEqual([51, 20, 7, 3]);
    expect(new Set(nodes.filter((e: any) => e.territory.overseas).map((e: any) => e.territory.region.code)).size).toBe(3);
    expect(new Set(nodes.filter((e: any) => !e.territory.overseas).map((e: any) => e.territory.region.code)).size).toBe(12);
    // One statement per level of nesting, plus the batched profile count: never one per ecosystem.
    expect(result.extensions?.sqlStatements).toBeLessThanOrEqual(8);
  });

  it("counts an ecosystem's actors by profile as its actor connection does", async () => {
    const first = await api.gql(
      `{ ecosystems(first: 1) { nodes { id actorsByProfile { profile count } actors(filter: { profiles: [PUBLIC] }) { totalCount } } } }`,
    );
    const [ecosystem] = first.data.ecosystems.nodes;
    const publicCount = ecosystem.actorsByProfile.find((c: { profile: string }) => c.profile === "PUBLIC").count;
    expect(ecosystem.actors.totalCount).toBe(publicCount);
  });

  it("opens an ecosystem from its territory's official code, the entry point of a map", async () => {
    const listed = await api.gql(`{ ecosystems(first: 1) { nodes { id territory { code level } } } }`);
    const [{ id, territory }] = listed.data.ecosystems.nodes;
    const found = await api.gql(`query ($code: String!, $level: TerritoryLevel) { ecosystem(territoryCode: $code, level: $level) { id name } }`, {
      code: territory.code,
      level: territory.level,
    });
    expect(found.data.ecosystem.id).toBe(id);
    const missing = await api.gql(`{ ecosystem(territoryCode: "00000") { id } }`);
    expect(missing).toEqual({ data: { ecosystem: null }, extensions: expect.anything() });
  });

  it("filters ecosystems by région, overseas and need level", async () => {
    const result = await api.gql(`{
      overseas: ecosystems(filter: { overseas: true }) { totalCount }
      inventing: ecosystems(filter: { needLevels: [4] }) { totalCount nodes { needLevel } }
      unknownRegion: ecosystems(filter: { regionCode: "99" }) { totalCount }
    }`);
    expect(result.data.overseas.totalCount).toBeGreaterThanOrEqual(3);
    expect(result.data.inventing.totalCount).toBe(3);
    expect(result.data.inventing.nodes.every((e: { needLevel: number }) => e.needLevel === 4)).toBe(true);
    expect(result.data.unknownRegion.totalCount).toBe(0);
    const region = await api.gql(`{ ecosystems(first: 1) { nodes { territory { region { code } } } } }`);
    const code = region.data.ecosystems.nodes[0].territory.region.code;
    const inRegion = await api.gql(
      `query ($code: String!) { ecosystems(filter: { regionCode: $code }, first: 100) { nodes { territory { region { code } } } } }`,
      { code },
    );
    expect(inRegion.data.ecosystems.nodes.length).toBeGreaterThan(0);
    expect(inRegion.data.ecosystems.nodes.every((e: any) => e.territory.region.code === code)).toBe(true);
  });

  it("shows need assessments, fundings and evaluations of an ecosystem", async () => {
    const result = await api.gql(
      `{ ecosystems(first: 5) { nodes { needLevel needAssessments { level date } fundings { fund amountEuros } evaluations { phase } pivotActor { name } } } }`,
    );
    for (const e of result.data.ecosystems.nodes) {
      expect(e.needAssessments.length).toBeGreaterThan(0);
      expect(e.needAssessments.at(-1).level).toBe(e.needLevel);
      expect(e.fundings.some((f: { fund: string; amountEuros: number }) => f.fund === "TERRITORIAL_ENGINEERING" && f.amountEuros === 15000)).toBe(true);
    }
  });
});
