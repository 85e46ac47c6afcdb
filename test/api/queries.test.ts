import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const count = async (query: string, variables?: Record<string, unknown>) => {
  const result = await api.gql(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
};

describe("territories", () => {
  it("holds the real French régions, départements and EPCI with official codes and populations", async () => {
    const data = await count(`{
      regions: territories(filter: { levels: [REGION] }) { totalCount }
      departements: territories(filter: { levels: [DEPARTEMENT] }) { totalCount }
      epci: territories(filter: { levels: [EPCI] }) { totalCount }
      lyon: territory(level: DEPARTEMENT, code: "69") { name population region { code name } parent { code } }
    }`);
    expect(data.regions.totalCount).toBe(18);
    expect(data.departements.totalCount).toBeGreaterThanOrEqual(100);
    expect(data.epci.totalCount).toBeGreaterThan(1200);
    expect(data.lyon).toMatchObject({ name: "Rhône", region: { code: "84" }, parent: { code: "84" } });
    expect(data.lyon.population).toBeGreaterThan(1_000_000);
  });

  it("finds territories by name, region, size segment and programme membership", async () => {
    const data = await count(`{
      byName: territories(filter: { search: "lyon" }) { nodes { name } }
      rural: territories(filter: { levels: [EPCI], sizeSegments: [RURAL], regionCode: "84" }, first: 500) { nodes { sizeSegment population } }
      accompanied: territories(filter: { accompanied: true }) { totalCount }
    }`);
    expect(data.byName.nodes.some((t: { name: string }) => t.name.includes("Lyon"))).toBe(true);
    expect(data.rural.nodes.length).toBeGreaterThan(0);
    expect(data.rural.nodes.every((t: any) => t.sizeSegment === "RURAL" && t.population < 20000)).toBe(true);
    expect(data.accompanied.totalCount).toBe(81);
  });
});

describe("actors", () => {
  it("counts 350 catalysts over the four profiles and a few thousand actors", async () => {
    const data = await count(`{
      all: actors { totalCount }
      catalysts: actors(filter: { isCatalyst: true }) { totalCount }
      economic: actors(filter: { isCatalyst: true, profiles: [ECONOMIC] }) { totalCount }
      general: actors(filter: { isCatalyst: true, profiles: [GENERAL_INTEREST] }) { totalCount }
      public: actors(filter: { isCatalyst: true, profiles: [PUBLIC] }) { totalCount }
      academic: actors(filter: { isCatalyst: true, profiles: [ACADEMIC] }) { totalCount }
    }`);
    expect(data.catalysts.totalCount).toBe(350);
    expect(data.economic.totalCount + data.general.totalCount + data.public.totalCount + data.academic.totalCount).toBe(350);
    expect(data.all.totalCount).toBeGreaterThan(2000);
  });

  it("filters by kind, text and territory, including everything under a territory", async () => {
    const eco = await count(`{ ecosystems(first: 1) { nodes { territory { id region { id code } } } } }`);
    const { id: territory, region } = eco.ecosystems.nodes[0].territory;
    const data = await count(
      `query ($territory: ID!, $region: ID!, $regionCode: String!) {
        inTerritory: actors(filter: { territory: $territory }) { totalCount }
        underRegion: actors(filter: { territory: $region }) { totalCount }
        byRegionCode: actors(filter: { regionCode: $regionCode }) { totalCount }
        ess: actors(filter: { kinds: [ESS], territory: $region }, first: 500) { nodes { kind profile } }
      }`,
      { territory, region: region.id, regionCode: region.code },
    );
    expect(data.inTerritory.totalCount).toBeGreaterThan(0);
    expect(data.underRegion.totalCount).toBeGreaterThanOrEqual(data.inTerritory.totalCount);
    expect(data.byRegionCode.totalCount).toBe(data.underRegion.totalCount);
    expect(data.ess.nodes.every((a: any) => a.kind === "ESS" && a.profile === "ECONOMIC")).toBe(true);

    const named = await count(`{ actors(first: 1) { nodes { name } } }`);
    const word = named.actors.nodes[0].name.split(" ").at(-1).toUpperCase();
    const found = await count(`query ($q: String!) { actors(filter: { search: $q }, first: 500) { nodes { name } } }`, { q: word });
    expect(found.actors.nodes.length).toBeGreaterThan(0);
    expect(found.actors.nodes.every((a: { name: string }) => a.name.toUpperCase().includes(word))).toBe(true);
  });

  it("pages forward and backward with cursors, and never serves more than the largest page", async () => {
    const first = await count(`{ actors(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`);
    const next = await count(`query ($after: String!) { actors(first: 3, after: $after) { pageInfo { hasPreviousPage startCursor } nodes { id } } }`, {
      after: first.actors.pageInfo.endCursor,
    });
    expect(first.actors.pageInfo.hasNextPage).toBe(true);
    expect(next.actors.nodes.map((n: { id: string }) => n.id)).not.toContain(first.actors.nodes[2].id);
    const back = await count(`query ($before: String!) { actors(last: 3, before: $before) { nodes { id } } }`, { before: next.actors.pageInfo.startCursor });
    expect(back.actors.nodes).toEqual(first.actors.nodes);
    const huge = await api.gql(`{ actors(first: 100000) { nodes { id } } }`);
    expect(huge.data?.actors?.nodes.length ?? 0).toBeLessThanOrEqual(500);
  });

  it("resolves a nested actors → alliances → members query in a bounded number of statements", async () => {
    const result = await api.gql(`{
      actors(first: 50, filter: { isCatalyst: true }) {
        nodes {
          name territories { name region { name } }
          memberships(first: 10) { totalCount nodes { role alliance { name modalities members { role actor { name profile } } } } }
          interactions(first: 5) { nodes { interaction { date kind participants { name } } } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const withAlliances = result.data.actors.nodes.filter((a: any) => a.memberships.totalCount > 0);
    expect(withAlliances.length).toBeGreaterThan(10);
    // Independent of the 50 actors and their alliances: the Prisma plugin loads each level at once.
    expect(result.extensions?.sqlStatements).toBeLessThanOrEqual(25);
  });

  it("answers null for a well-formed id of a record that does not exist", async () => {
    const ghost = Buffer.from("Actor:999999").toString("base64");
    const result = await api.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: ghost });
    expect(result).toEqual({ data: { node: null }, extensions: expect.anything() });
  });

  it("refetches any record by its global id", async () => {
    const data = await count(`{ actors(first: 1) { nodes { id name } } }`);
    const [actor] = data.actors.nodes;
    const node = await count(`query ($id: ID!) { node(id: $id) { id ... on Actor { name } } }`, { id: actor.id });
    expect(node.node).toEqual(actor);
  });
});

describe("alliances and interactions", () => {
  it("filters alliances by modality, lever, member, territory and period", async () => {
    const data = await count(`{
      all: alliances { totalCount }
      pooling: alliances(filter: { modalities: [POOL_RESOURCES] }, first: 100) { totalCount nodes { modalities } }
      finance: alliances(filter: { levers: [FINANCE] }, first: 100) { nodes { levers } }
      active2020: alliances(filter: { activeFrom: "2020-01-01", activeTo: "2020-12-31" }, first: 100) { totalCount nodes { startDate endDate } }
      sample: alliances(first: 1) { nodes { id members { actor { id } } } }
    }`);
    expect(data.pooling.totalCount).toBeGreaterThan(0);
    expect(data.pooling.totalCount).toBeLessThan(data.all.totalCount);
    expect(data.pooling.nodes.every((a: any) => a.modalities.includes("POOL_RESOURCES"))).toBe(true);
    expect(data.finance.nodes.every((a: any) => a.levers.includes("FINANCE"))).toBe(true);
    for (const a of data.active2020.nodes) {
      expect(a.startDate <= "2020-12-31").toBe(true);
      expect(a.endDate === null || a.endDate >= "2020-01-01").toBe(true);
    }
    const member = data.sample.nodes[0].members[0].actor.id;
    const byMember = await count(`query ($m: ID!) { alliances(filter: { member: $m }) { nodes { members { actor { id } } } } }`, { m: member });
    expect(byMember.alliances.nodes.every((a: any) => a.members.some((m: any) => m.actor.id === member))).toBe(true);
  });

  it("filters interactions by kind, date range, participant and alliance", async () => {
    const data = await count(`{
      all: interactions { totalCount }
      funding2024: interactions(filter: { kinds: [FUNDING], from: "2024-01-01", to: "2024-12-31" }, first: 100) { nodes { kind date amountEuros } }
      linked: interactions(first: 1, filter: { kinds: [JOINT_PROJECT] }) { nodes { alliance { id } participants { id } } }
    }`);
    expect(data.all.totalCount).toBeGreaterThan(1000);
    for (const i of data.funding2024.nodes) {
      expect(i.kind).toBe("FUNDING");
      expect(i.date >= "2024-01-01" && i.date <= "2024-12-31").toBe(true);
    }
    const [sample] = data.linked.nodes;
    const byParticipant = await count(`query ($p: ID!) { interactions(filter: { participant: $p }, first: 50) { nodes { participants { id } } } }`, {
      p: sample.participants[0].id,
    });
    expect(byParticipant.interactions.nodes.every((i: any) => i.participants.some((p: any) => p.id === sample.participants[0].id))).toBe(true);
  });

  it("answers a malformed date or id with a clear error, not a crash", async () => {
    const badDate = await api.gql(`{ interactions(filter: { from: "2024-02-30" }) { totalCount } }`);
    expect(badDate.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    const badId = await api.gql(`{ actors(filter: { territory: "not-an-id" }) { totalCount } }`);
    expect(badId.errors?.[0]?.message).toMatch(/global ID/i);
  });
});

describe("query limits", () => {
  it("refuses a query nested deeper than the limit before running it", async () => {
    const deep = `{ alliances(first: 1) { nodes { members { actor { memberships { nodes { alliance { members { actor { memberships { nodes { alliance { members { actor { name } } } } } } } } } } } } } } }`;
    const result = await api.gql(deep);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.extensions?.sqlStatements ?? 0).toBe(0);
  });
});
