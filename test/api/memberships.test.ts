import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryGraphEngine } from "../../graph/engines/memory/memoryEngine.js";
import { createToken } from "../../server/auth.js";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { createLogger } from "../../server/logger.js";
import { createServer } from "../../server/yoga.js";
import { mutationDocuments } from "../support/mutationDocuments.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

// A second instance over the same record, with an engine that follows it only when told: what
// another process of a deployment sees between two polls of the outbox.
let api: TestApi;
let other: { engine: MemoryGraphEngine; gql: (query: string, variables?: Record<string, unknown>) => Promise<any> };
beforeAll(async () => {
  api = await startTestApi();
  const engine = new MemoryGraphEngine(api.db.prisma);
  await engine.start();
  const yoga = createServer({
    db: api.db,
    graph: engine,
    logger: createLogger("silent"),
    exposeQueryCount: true,
    limits: { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 1_000_000 },
  });
  const { token } = await createToken(api.db.prisma, "ADMIN", "second instance");
  other = {
    engine,
    gql: async (query, variables) => {
      const response = await yoga.fetch("http://maillage.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
  };
});
afterAll(async () => {
  await other?.engine.close();
  await api?.close();
});

/** Asks only for what the engine holds: answered from memory when the engine is current. */
const NESTED = `{
  actors(first: 40, filter: { isCatalyst: true }) {
    nodes { id name memberships(first: 10) { totalCount nodes { role confirmedAt alliance { id modalities levers impacts startDate endDate members { role actor { id name profile kind isCatalyst } } } } } }
  }
}`;

/** The same walk, asking the ends for fields only the record has. */
const NESTED_WITH_RECORD_FIELDS = `{
  actors(first: 40, filter: { isCatalyst: true }) {
    nodes { id memberships(first: 10) { nodes { alliance { id name confirmed members { actor { id website territories { code } } } } } } }
  }
}`;

const RENAME = `mutation ($id: ID!, $name: String!) { updateActor(id: $id, input: { name: $name }) { __typename } }`;
const { CREATE } = mutationDocuments("Alliance", "id");

describe("nested memberships", () => {
  it("walks memberships in the engine's memory when it is current, and answers as the record does", async () => {
    const fromMemory = await api.gql(NESTED);
    expect(fromMemory.errors).toBeUndefined();
    // The actors' page and the check that the engine is current: nothing else is read.
    expect(fromMemory.extensions?.sqlStatements).toBe(2);
    const nodes = fromMemory.data.actors.nodes;
    expect(nodes.filter((a: any) => a.memberships.totalCount > 10).length).toBeGreaterThan(0);

    // The second instance's engine has not seen this write: it must read the record.
    const renamed = nodes[0];
    expect((await api.gql(RENAME, { id: renamed.id, name: renamed.name })).data.updateActor.__typename).toBe("UpdateActorSuccess");
    const fromRecord = await other.gql(NESTED);
    expect(fromRecord.errors).toBeUndefined();
    expect(fromRecord.extensions.sqlStatements).toBeGreaterThan(2);
    expect(fromRecord.data).toEqual(fromMemory.data);
  });

  it("shows another instance's new alliance at once, from the record, then from memory once followed", async () => {
    const before = await api.gql(NESTED);
    const [first, second] = before.data.actors.nodes;
    const created = await api.gql(CREATE, {
      input: {
        name: "Alliance nouvelle",
        startDate: "2025-01-15",
        modalities: ["DIALOGUE"],
        members: [{ actor: first.id, role: "LEAD" }, { actor: second.id }],
      },
    });
    expect(created.data.createAlliance.__typename).toBe("CreateAllianceSuccess");
    const allianceId = created.data.createAlliance.alliance.id;

    const stale = await other.gql(NESTED);
    const followed = async () => {
      await other.engine.catchUp();
      return other.gql(NESTED);
    };
    const current = await followed();
    for (const answer of [stale, current]) {
      const actor = answer.data.actors.nodes.find((a: any) => a.id === first.id);
      expect(actor.memberships.totalCount).toBe(first.memberships.totalCount + 1);
      const all = await other.gql(
        `query ($id: ID!) { node(id: $id) { ... on Actor { memberships(first: 500) { nodes { role alliance { id members { actor { id } } } } } } } }`,
        { id: first.id },
      );
      const membership = all.data.node.memberships.nodes.find((m: any) => m.alliance.id === allianceId);
      expect(membership.role).toBe("LEAD");
      expect(membership.alliance.members.map((m: any) => m.actor.id).sort()).toEqual([first.id, second.id].sort());
    }
    expect(stale.extensions.sqlStatements).toBeGreaterThan(current.extensions.sqlStatements);
    expect(stale.data).toEqual(current.data);
  });

  it("reads from the record the fields the engine does not hold, one statement per level", async () => {
    const result = await api.gql(NESTED_WITH_RECORD_FIELDS);
    expect(result.errors).toBeUndefined();
    const alliances = result.data.actors.nodes.flatMap((a: any) => a.memberships.nodes.map((m: any) => m.alliance));
    const ids = [...new Set(alliances.map((a: any) => Number(Buffer.from(a.id, "base64").toString().split(":")[1])))] as number[];
    const rows = await api.db.prisma.alliance.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        members: {
          orderBy: { actorId: "asc" },
          select: { confirmedAt: true, actor: { select: { website: true, territories: { select: { territory: { select: { code: true } } } } } } },
        },
      },
    });
    const expected = new Map(rows.map((row) => [row.id, row]));
    for (const alliance of alliances) {
      const row = expected.get(Number(Buffer.from(alliance.id, "base64").toString().split(":")[1]))!;
      expect(alliance.name).toBe(row.name);
      expect(alliance.confirmed).toBe(row.members.every((m) => m.confirmedAt !== null));
      expect(alliance.members.map((m: any) => m.actor.website)).toEqual(row.members.map((m) => m.actor.website));
      expect(alliance.members.map((m: any) => m.actor.territories.map((t: any) => t.code).sort())).toEqual(
        row.members.map((m) => m.actor.territories.map((t) => t.territory.code).sort()),
      );
    }
    // However many alliances and members: a bounded number of statements.
    expect(result.extensions?.sqlStatements).toBeLessThanOrEqual(8);
  });

  it("pages an actor's memberships in alliance order, with cursors", async () => {
    const { data } = await api.gql(`{ actors(first: 200) { nodes { id memberships(first: 500) { totalCount nodes { alliance { id } } } } } }`);
    const busy = data.actors.nodes.find((a: any) => a.memberships.totalCount >= 5);
    const all = busy.memberships.nodes.map((m: any) => m.alliance.id);
    const page = `query ($id: ID!, $after: String) { node(id: $id) { ... on Actor { memberships(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { alliance { id } } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await api.gql(page, { id: busy.id, after });
      const memberships = result.data.node.memberships;
      expect(memberships.totalCount).toBe(all.length);
      seen.push(...memberships.nodes.map((m: any) => m.alliance.id));
      if (!memberships.pageInfo.hasNextPage) break;
      after = memberships.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const recordOrder = await api.db.prisma.allianceMember.findMany({
      where: { actorId: Number(Buffer.from(busy.id, "base64").toString().split(":")[1]) },
      orderBy: { allianceId: "asc" },
      select: { allianceId: true },
    });
    expect(seen.map((id) => Number(Buffer.from(id, "base64").toString().split(":")[1]))).toEqual(recordOrder.map((m) => m.allianceId));
  });
});
