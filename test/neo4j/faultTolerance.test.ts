import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Neo4jExecutor } from "../../graph/engines/neo4j/executor.js";
import { Neo4jGraphEngine } from "../../graph/engines/neo4j/neo4jEngine.js";
import { createToken } from "../../server/auth.js";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { createLogger } from "../../server/logger.js";
import { createServer, type MaillageYoga } from "../../server/yoga.js";
import type { GraphQLResponse } from "../support/testApi.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { describeWithNeo4j, expectSameAnswers, NEO4J_URI, PrivateNeo4j, SKIP_REASON, writeEverything, type Gql } from "./support.js";

// This suite stops and restarts Neo4j, so it runs one of its own (scripts/neo4j/start.sh in the
// background, on a free port, in a temporary run directory) and leaves the shared one alone.
let api: TestApi;
let neo4j: PrivateNeo4j;
let engine: Neo4jGraphEngine;
let gql: Gql;
const timings: Record<string, number> = {};
let mark = performance.now();
/** Records how long the phase that just ended took. */
const lap = (name: string) => {
  const now = performance.now();
  timings[name] = Math.round(now - mark);
  mark = now;
};

beforeAll(async () => {
  if (!NEO4J_URI) return;
  neo4j = new PrivateNeo4j(fs.mkdtempSync(path.join(os.tmpdir(), "maillage-neo4j-fault-")));
  mark = performance.now();
  const [testApi] = await Promise.all([startTestApi(), neo4j.start(0)]);
  api = testApi;
  lap("test API and private Neo4j started");
  engine = new Neo4jGraphEngine(api.db.prisma, { connection: { uri: neo4j.uri }, projector: { initialDelayMs: 200, maxDelayMs: 1_000 } });
  await engine.start();
  lap("engine start with rebuild");
  // The API wired to the Neo4j engine, as server/index.ts does with GRAPH_ENGINE=neo4j.
  const limits = { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 1_000_000, requestTimeoutMs: 300_000 };
  const yoga: MaillageYoga = createServer({ db: api.db, graph: engine, logger: createLogger("silent"), limits });
  const { token } = await createToken(api.db.prisma, "ADMIN", "fault test");
  gql = async (query, variables) => {
    const response = await yoga.fetch("http://maillage.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
}, 600_000);

afterAll(async () => {
  await engine?.close();
  await neo4j?.stop({ clean: true });
  await api?.close();
});

/** Every node and relationship with its properties, one line each, sorted. */
async function dump(uri: string): Promise<string[]> {
  const executor = new Neo4jExecutor({ uri });
  try {
    const rows = await executor.read("test.dump", async (tx) => [
      ...(await tx.rows<{ key: string; props: Record<string, unknown> }>({
        cypher: "MATCH (n) WHERE NOT n:ProjectionState RETURN labels(n)[0] + ' ' + n.id AS key, properties(n) AS props",
        params: {},
      })),
      ...(await tx.rows<{ key: string; props: Record<string, unknown> }>({
        cypher: "MATCH (a)-[r]->(b) RETURN type(r) + ' ' + a.id + '->' + b.id AS key, properties(r) AS props",
        params: {},
      })),
    ]);
    // A mean to 12 digits: the record's avg() and an event's division may differ in the last bit.
    const text = (key: string, value: unknown) => (key === "mean" ? (value as number).toPrecision(12) : String(value));
    return rows
      .map(
        ({ key, props }) =>
          `${key} ${Object.keys(props)
            .sort()
            .map((k) => `${k}=${text(k, props[k])}`)
            .join(";")}`,
      )
      .sort();
  } finally {
    await executor.close();
  }
}

describeWithNeo4j(`the Neo4j projection survives Neo4j going away (${SKIP_REASON})`, () => {
  it("keeps accepting writes while Neo4j is down, then projects the backlog and loses nothing", async () => {
    const snapshot = await engine.snapshot();
    const pick = (offset: number) => [0, 1, 2, 3].map((k) => snapshot.actorIds[(offset + k * 97) % snapshot.actorIds.length]!);
    const latest = async () => (await api.db.prisma.outboxEvent.aggregate({ _max: { position: true } }))._max.position ?? 0n;

    mark = performance.now();
    await writeEverything(gql, pick(5), "before the outage");
    lap("writes before the outage");
    expect(engine.version()).toBe(await latest());
    expect(await engine.readiness()).toMatchObject({ status: "ok", neo4j: "ok", backlog: 0 });

    const pid = neo4j.pid!;
    const port = neo4j.port;
    await neo4j.stop();
    lap("Neo4j stopped");
    expect(() => process.kill(pid, 0)).toThrow();
    const versionDuringOutage = engine.version();

    const started = performance.now();
    const written = await writeEverything(gql, pick(11), "during the outage");
    const outageWritesMs = performance.now() - started;
    lap("writes during the outage");
    const backlog = await engine.backlog();
    const eventsDuringOutage = Number((await latest()) - versionDuringOutage);
    expect(backlog).toBe(eventsDuringOutage);
    expect(backlog).toBeGreaterThan(10);
    expect(await engine.readiness()).toMatchObject({ status: "degraded", neo4j: "unreachable", backlog });
    // Analytics keep being served, from the last network read.
    expect(engine.version()).toBe(versionDuringOutage);

    await neo4j.start(port);
    lap("Neo4j restarted on the same store");
    await engine.recovered();
    lap("backlog drained and read back");
    expect(await engine.backlog()).toBe(0);
    expect(engine.version()).toBe(await latest());
    expect(await engine.readiness()).toMatchObject({ status: "ok", neo4j: "ok", backlog: 0 });
    const ids = Object.fromEntries(Object.entries(written).map(([k, id]) => [k, Number(Buffer.from(id, "base64").toString().split(":")[1])]));
    const model = (await engine.snapshot()).indexOfActor;
    expect(model.has(ids.actor!)).toBe(true);

    // The graph the outbox drained into equals the graph rebuilt from the record.
    const drained = await dump(neo4j.uri);
    await engine.rebuild();
    const rebuilt = await dump(neo4j.uri);
    lap("dump, rebuild, dump");
    const [drainedSet, rebuiltSet] = [new Set(drained), new Set(rebuilt)];
    const lost = rebuilt.filter((line) => !drainedSet.has(line));
    const extra = drained.filter((line) => !rebuiltSet.has(line));
    expect({ lost: lost.length, extra: extra.length }).toEqual({ lost: 0, extra: 0 });
    expect(drained.length).toBeGreaterThan(50_000);

    await api.graph.catchUp();
    await expectSameAnswers(api.graph, engine, { queries: false });
    lap("same answers as the memory engine");
    console.info(
      `neo4j fault test: ${backlog} events written during the outage in ${Math.round(outageWritesMs)} ms, all projected after the restart, 0 lost; timings (ms): ${JSON.stringify(timings)}`,
    );
  }, 600_000);
});
