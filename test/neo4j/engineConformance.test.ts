import { afterAll, beforeAll, expect, it } from "vitest";
import { Neo4jExecutor } from "../../graph/engines/neo4j/executor.js";
import { Neo4jGraphEngine } from "../../graph/engines/neo4j/neo4jEngine.js";
import { batchStatements } from "../../graph/engines/neo4j/projector.js";
import { parseEvent } from "../../record/events.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { describeWithNeo4j, expectSameAnswers, NEO4J_URI, SKIP_REASON, wipe, writeEverything } from "./support.js";

// The one suite on the shared Neo4j (NEO4J_URI): Community has a single database, so suites on
// it must not run side by side; the fault suite runs a Neo4j of its own.
let api: TestApi;
let neo: Neo4jGraphEngine;
const timings: Record<string, number> = {};

const time = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await run();
  } finally {
    timings[name] = Math.round(performance.now() - started);
  }
};

beforeAll(async () => {
  if (!NEO4J_URI) return;
  api = await startTestApi();
  await wipe(NEO4J_URI);
  neo = new Neo4jGraphEngine(api.db.prisma, { connection: { uri: NEO4J_URI } });
  // On an empty Neo4j, start() builds the projection from the record, then reads it back.
  await time("first start (schema, rebuild, read back)", () => neo.start());
}, 600_000);

afterAll(async () => {
  await neo?.close();
  await api?.close();
  if (Object.keys(timings).length > 0) console.info(`neo4j timings (ms): ${JSON.stringify(timings)}`);
});

describeWithNeo4j(`the Neo4j engine answers as the memory engine does (${SKIP_REASON})`, () => {
  it("builds the projection of the demo and reads back the very network the memory engine loaded", async () => {
    const summary = await time("rebuild of the demo", () => neo.rebuild());
    expect(summary.version).toBe(api.graph.version());
    expect(summary.actors).toBe(await api.db.prisma.actor.count());
    await expectSameAnswers(api.graph, neo);
  }, 300_000);

  it("starts on an existing projection without rebuilding it", async () => {
    const again = new Neo4jGraphEngine(api.db.prisma, { connection: { uri: NEO4J_URI! } });
    await time("engine start on an up-to-date projection", () => again.start());
    expect(again.version()).toBe(neo.version());
    expect([...(await again.snapshot()).actorIds]).toEqual([...(await neo.snapshot()).actorIds]);
    await again.close();
  }, 120_000);

  it("follows creations, updates and deletions of every record through the outbox", async () => {
    const snapshot = await api.graph.snapshot();
    const picked = [0, 1, 2, 3].map((k) => snapshot.actorIds[Math.floor(((k + 1) * snapshot.actorIds.length) / 5)]!);
    const before = neo.version();
    await writeEverything(api.gql, picked, "conformance");
    expect(api.graph.version()).toBeGreaterThan(before);
    const applied = await time("catch-up of the whole write sequence", () => neo.catchUp());
    expect(applied).toBe(Number(api.graph.version() - before));
    expect(await neo.backlog()).toBe(0);
    await expectSameAnswers(api.graph, neo);
  }, 300_000);

  it("applies one write in one catch-up, and serves it from a new version", async () => {
    const snapshot = await api.graph.snapshot();
    const [a, b] = [snapshot.actorIds[10]!, snapshot.actorIds[20]!];
    const result = await api.gql(`mutation ($i: CreateInteractionInput!) { createInteraction(input: $i) { __typename } }`, {
      i: { kind: "MEETING", date: "2026-04-01", participants: [a, b].map((id) => Buffer.from(`Actor:${id}`).toString("base64")) },
    });
    expect(result.data.createInteraction.__typename).toBe("CreateInteractionSuccess");
    let runs = 0;
    await neo.cached("count", () => ++runs);
    expect(await time("catch-up of one write (project + read back)", () => neo.catchUp())).toBe(1);
    await neo.cached("count", () => ++runs);
    expect(runs).toBe(2);
    expect(neo.version()).toBe(api.graph.version());
    const tie = (await neo.snapshot()).ties.find((t) => t.a === Math.min(a, b) && t.b === Math.max(a, b));
    expect(tie?.interactions).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("replays the whole outbox over the projection without changing the graph", async () => {
    const events = (await api.db.prisma.outboxEvent.findMany({ orderBy: { position: "asc" } })).map(parseEvent);
    expect(events.length).toBeGreaterThan(10);
    const executor = new Neo4jExecutor({ uri: NEO4J_URI! });
    await executor.write("test.replay", async (tx) => {
      for (const statement of batchStatements(events)) await tx.rows(statement);
    });
    await executor.close();
    const fresh = new Neo4jGraphEngine(api.db.prisma, { connection: { uri: NEO4J_URI! } });
    await fresh.start();
    await expectSameAnswers(api.graph, fresh);
    await fresh.close();
  }, 300_000);
});
