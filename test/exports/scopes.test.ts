import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { exportText, fetchExport, parseGraphml, sameNumber, tokensFor } from "./support.js";

/**
 * Scopes, filters and time travel: the actors an export holds are the API's for the same place and
 * filter, its ties are the pairs the record says cooperated (counted here in SQL, apart from the
 * engine), and a région's metrics are each actor's in the whole network (`Actor.metrics(scope: {})`).
 */
const CODE = "200071363";
const SCOPE = `territory:${CODE}`;

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await tokensFor(api)).RESEARCHER;
});
afterAll(() => api?.close());

type JgfNode = { label: string; metadata: Record<string, any> };
type JgfEdge = { source: string; target: string; metadata: Record<string, any> };
async function jgf(params: Record<string, string>): Promise<{ meta: Record<string, any>; nodes: Record<string, JgfNode>; edges: JgfEdge[] }> {
  const { text } = await exportText(api, { format: "jgf", ...params }, token);
  const { graph } = JSON.parse(text);
  return { meta: graph.metadata, nodes: graph.nodes, edges: graph.edges };
}

/** Pairs of actors under a territory path prefix that shared an alliance or an interaction (on or before a day), counted by the database. */
async function pairsInRecord(pathPrefix: string, asOf = "9999-12-31"): Promise<number> {
  const [{ count }] = await api.db.prisma.$queryRawUnsafe<[{ count: number }]>(
    `WITH inside AS (SELECT DISTINCT l."actorId" AS id FROM "ActorTerritory" l JOIN "Territory" t ON t.id = l."territoryId" WHERE t.path LIKE $1 || '%'),
     pairs AS (
       SELECT m1."actorId" AS a, m2."actorId" AS b FROM "AllianceMember" m1 JOIN "AllianceMember" m2 ON m2."allianceId" = m1."allianceId" AND m1."actorId" < m2."actorId"
         JOIN "Alliance" al ON al.id = m1."allianceId" WHERE al."startDate" <= $2::date
       UNION
       SELECT p1."actorId", p2."actorId" FROM "InteractionParticipant" p1 JOIN "InteractionParticipant" p2 ON p2."interactionId" = p1."interactionId" AND p1."actorId" < p2."actorId"
         JOIN "Interaction" i ON i.id = p1."interactionId" WHERE i.date <= $2::date)
     SELECT count(*)::int AS count FROM pairs WHERE a IN (SELECT id FROM inside) AND b IN (SELECT id FROM inside)`,
    pathPrefix,
    asOf,
  );
  return count;
}

const pathOf = async (level: "REGION" | "EPCI", code: string) =>
  (await api.db.prisma.territory.findUniqueOrThrow({ where: { level_code: { level, code } }, select: { path: true } })).path;

describe("a région", () => {
  it("holds the région's actors, the pairs of them the record ties, and each actor's metrics in the whole network", async () => {
    const { meta, nodes, edges } = await jgf({ scope: "region:84" });
    const api84 = await api.gql(
      `{ actors(filter: { regionCode: "84" }, first: 25) { totalCount nodes { id metrics(scope: {}) { degree betweenness bridgeScore constraint community } } } }`,
      {},
      "RESEARCHER",
    );
    expect(api84.errors).toBeUndefined();
    expect(Object.keys(nodes)).toHaveLength(api84.data.actors.totalCount);
    expect(edges).toHaveLength(await pairsInRecord(await pathOf("REGION", "84")));
    expect(meta).toMatchObject({ scope: "region:84", scopeLabel: "Auvergne-Rhône-Alpes (REGION 84)", metricsScope: "national" });
    for (const actor of api84.data.actors.nodes) {
      const { metadata } = nodes[actor.id]!;
      expect(metadata).toMatchObject({ degree: actor.metrics.degree, community: actor.metrics.community, regionCode: "84" });
      expect(
        sameNumber(metadata.betweenness, actor.metrics.betweenness) &&
          sameNumber(metadata.bridgeScore, actor.metrics.bridgeScore) &&
          sameNumber(metadata.constraint, actor.metrics.constraint),
      ).toBe(true);
    }
  });
});

describe("the national network", () => {
  it("streams every actor and every tie as well-formed GraphML, in several pieces", async () => {
    const response = await fetchExport(api, { format: "graphml", scope: "national", metrics: "false" }, token);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let pieces = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      pieces += 1;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(pieces).toBeGreaterThan(10);
    const graph = parseGraphml(text);
    const all = await api.gql(`{ actors { totalCount } }`, {}, "RESEARCHER");
    expect(graph.order).toBe(all.data.actors.totalCount);
    expect(graph.size).toBe(await pairsInRecord("/"));
    expect(graph.getAttribute("metricsScope")).toBe("none");
  });
});

const ECOSYSTEM = `query ($code: String!, $profiles: [Profile!]) {
  ecosystem(territoryCode: $code) {
    territory { id }
    actors(filter: { profiles: $profiles }) { totalCount }
    network { nodes { id profile } ties { source target confirmed firstDate lastDate } }
  }
}`;
type Tie = { source: string; target: string; confirmed: boolean; firstDate: string; lastDate: string };
let territoryId: string;
let network: { nodes: { id: string; profile: string }[]; ties: Tie[] };
const key = (t: { source: string; target: string }) => [t.source, t.target].sort().join(" ");

beforeAll(async () => {
  const result = await api.gql(ECOSYSTEM, { code: CODE });
  expect(result.errors).toBeUndefined();
  territoryId = result.data.ecosystem.territory.id;
  network = result.data.ecosystem.network;
});

/** The pairs of the ecosystem's actors that took part together in one of these (alliance members, interaction participants). */
function pairsAmong(groups: { id: string }[][]): Set<string> {
  const inside = new Set(network.nodes.map((n) => n.id));
  const pairs = new Set<string>();
  for (const group of groups) {
    const ids = group.map((a) => a.id).filter((id) => inside.has(id));
    for (const a of ids) for (const b of ids) if (a < b) pairs.add(`${a} ${b}`);
  }
  return pairs;
}

describe("filters", () => {
  it("by profile: the actors the API lists with the same filter, and only the ties among them", async () => {
    const profiles = ["PUBLIC", "ACADEMIC"];
    const { nodes, edges } = await jgf({ scope: SCOPE, profile: profiles.join(",") });
    const expected = (await api.gql(ECOSYSTEM, { code: CODE, profiles })).data.ecosystem.actors.totalCount;
    expect(Object.keys(nodes)).toHaveLength(expected);
    expect(Object.values(nodes).every((n) => profiles.includes(n.metadata.profile))).toBe(true);
    const kept = new Set(network.nodes.filter((n) => profiles.includes(n.profile)).map((n) => n.id));
    expect(edges.map(key).sort()).toEqual(
      network.ties
        .filter((t) => kept.has(t.source) && kept.has(t.target))
        .map(key)
        .sort(),
    );
  });

  it("confirmed ties only, and without the actors they leave alone", async () => {
    const { nodes, edges } = await jgf({ scope: SCOPE, confirmed: "true", isolates: "false" });
    const confirmed = network.ties.filter((t) => t.confirmed);
    expect(edges.map(key).sort()).toEqual(confirmed.map(key).sort());
    expect(new Set(Object.keys(nodes))).toEqual(new Set(confirmed.flatMap((t) => [t.source, t.target])));
  });

  it("by modality and lever: the pairs that share an alliance using them, as the API's alliance filter finds them", async () => {
    const { edges } = await jgf({ scope: SCOPE, modality: "INNOVATE_TOGETHER,EVALUATE", lever: "FINANCE" });
    const alliances = await api.gql(
      `query ($territory: ID!) { alliances(filter: { modalities: [INNOVATE_TOGETHER, EVALUATE], levers: [FINANCE], territory: $territory }, first: 500) { totalCount nodes { members { actor { id } } } } }`,
      { territory: territoryId },
    );
    expect(alliances.errors).toBeUndefined();
    expect(alliances.data.alliances.totalCount).toBeLessThanOrEqual(500);
    const pairs = pairsAmong(alliances.data.alliances.nodes.map((a: { members: { actor: { id: string } }[] }) => a.members.map((m) => m.actor)));
    expect(pairs.size).toBeGreaterThan(0);
    expect(pairs.size).toBeLessThan(network.ties.length);
    expect(new Set(edges.map(key))).toEqual(pairs);
  });

  it("by period: the pairs with an alliance running or an interaction dated in the window, as the API's filters find them", async () => {
    const [from, to] = ["2024-01-01", "2024-06-30"];
    const { edges } = await jgf({ scope: SCOPE, from, to });
    const active = await api.gql(
      `query ($territory: ID!, $from: Date!, $to: Date!) {
        alliances(filter: { territory: $territory, activeFrom: $from, activeTo: $to }, first: 500) { totalCount nodes { members { actor { id } } } }
        interactions(filter: { territory: $territory, from: $from, to: $to }, first: 500) { totalCount nodes { participants { id } } }
      }`,
      { territory: territoryId, from, to },
    );
    expect(active.errors).toBeUndefined();
    const { alliances, interactions } = active.data;
    expect(Math.max(alliances.totalCount, interactions.totalCount)).toBeLessThanOrEqual(500);
    const pairs = pairsAmong([
      ...alliances.nodes.map((a: { members: { actor: { id: string } }[] }) => a.members.map((m) => m.actor)),
      ...interactions.nodes.map((i: { participants: { id: string }[] }) => i.participants),
    ]);
    expect(pairs.size).toBeGreaterThan(0);
    expect(pairs.size).toBeLessThan(network.ties.length);
    expect(new Set(edges.map(key))).toEqual(pairs);
    for (const edge of edges) {
      const overlaps = edge.metadata.spells.some((s: { start: string; end: string | null }) => s.start <= to && (s.end === null || s.end >= from));
      expect(overlaps).toBe(true);
    }
  });
});

describe("as of a past day", () => {
  it("holds the ties the record had then, dated no later, cut at that day", async () => {
    const asOf = "2023-01-01";
    const { meta, nodes, edges } = await jgf({ scope: SCOPE, asOf });
    expect(meta).toMatchObject({ asOf, timeTravel: true });
    expect(Object.keys(nodes)).toHaveLength(network.nodes.length);
    expect(edges).toHaveLength(await pairsInRecord(await pathOf("EPCI", CODE), asOf));
    for (const edge of edges) {
      expect(edge.metadata.firstDate <= asOf && edge.metadata.lastDate <= asOf).toBe(true);
      for (const spell of edge.metadata.spells) expect(spell.end === null || spell.end <= asOf).toBe(true);
    }
    const now = await jgf({ scope: SCOPE });
    expect(edges.length).toBeLessThan(now.edges.length);
    expect(now.meta.timeTravel).toBe(false);
  });
});
