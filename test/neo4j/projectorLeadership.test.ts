import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Neo4jGraphEngine } from "../../graph/engines/neo4j/neo4jEngine.js";
import { AdvisoryLockLeadership, PROJECTOR_LOCK_KEY } from "../../graph/engines/neo4j/projectorLeadership.js";
import { databaseUrl } from "../support/templateDatabase.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { NEO4J_URI, PrivateNeo4j, tieTable, writeEverything } from "./support.js";

// Several service processes on one PostgreSQL record elect one projector with an advisory lock.
// PGlite is a single session (every connection shares it, and with it any lock), so this needs
// a PostgreSQL server: TEST_DATABASE_URL (.ci/run passes it in its PostgreSQL phase). It runs a
// Neo4j of its own, as the fault suite does, so as not to clash with suites on the shared one.
const SERVER_URL = process.env.TEST_DATABASE_URL || undefined;
const REASON = "needs NEO4J_URI and a PostgreSQL server (TEST_DATABASE_URL)";
if (NEO4J_URI && !SERVER_URL) process.stderr.write(`test/neo4j/projectorLeadership.test.ts: skipped, ${REASON}\n`);

const RETRY_MS = 200;
let api: TestApi;
let neo4j: PrivateNeo4j;
let recordUrl: string;
let admin: pg.Client;
const engines: Neo4jGraphEngine[] = [];
const timings: Record<string, number> = {};
let mark = performance.now();
/** Records how long the phase that just ended took. */
const lap = (name: string) => {
  const now = performance.now();
  timings[name] = Math.round(now - mark);
  mark = now;
};

/** One service process's engine: its own Neo4j driver, and its own lock connection. */
async function startEngine(): Promise<Neo4jGraphEngine> {
  const engine = new Neo4jGraphEngine(api.db.prisma, {
    connection: { uri: neo4j.uri },
    leadership: new AdvisoryLockLeadership(recordUrl, { retryMs: RETRY_MS }),
    followerWaitMs: 60_000,
  });
  engines.push(engine);
  await engine.start();
  return engine;
}

const role = async (engine: Neo4jGraphEngine) => (await engine.readiness()).projector;
const latest = async () => (await api.db.prisma.outboxEvent.aggregate({ _max: { position: true } }))._max.position ?? 0n;

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The server process holding the projector's lock in this record's database (bigint keys are split in two halves). */
async function lockHolder(): Promise<number | null> {
  const key = BigInt(PROJECTOR_LOCK_KEY);
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
     WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database() AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1`,
    [String(key >> 32n), String(key & 0xffffffffn)],
  );
  return rows[0]?.pid ?? null;
}

beforeAll(async () => {
  if (!NEO4J_URI || !SERVER_URL) return;
  neo4j = new PrivateNeo4j(fs.mkdtempSync(path.join(os.tmpdir(), "maillage-neo4j-leader-")));
  const [testApi] = await Promise.all([startTestApi(), neo4j.start(0)]);
  api = testApi;
  const [{ name }] = await api.db.prisma.$queryRaw<[{ name: string }]>`SELECT current_database() AS name`;
  recordUrl = databaseUrl(SERVER_URL, name);
  admin = new pg.Client({ connectionString: recordUrl });
  await admin.connect();
  lap("test API and private Neo4j started");
}, 600_000);

afterAll(async () => {
  for (const engine of engines) await engine.close().catch(() => {});
  await admin?.end();
  await neo4j?.stop({ clean: true });
  await api?.close();
  if (Object.keys(timings).length > 1) console.info(`projector leadership timings (ms): ${JSON.stringify(timings)}`);
});

describe.skipIf(!NEO4J_URI || !SERVER_URL)(`one projector among processes sharing a record (${REASON})`, () => {
  it("elects one projector; the others only read; another takes over when it closes or loses its connection", async () => {
    // The first to start takes the lock and builds the projection; the second follows.
    const first = await startEngine();
    lap("first engine started (rebuild)");
    const second = await startEngine();
    lap("second engine started");
    expect([await role(first), await role(second)]).toEqual(["leader", "follower"]);
    expect(first.version()).toBe(await latest());
    expect(second.version()).toBe(first.version());

    // A write made on the follower: its catch-up nudges the leader, which projects; the follower
    // reads it back, having written nothing to Neo4j itself.
    const snapshot = await api.graph.snapshot();
    const pick = (offset: number) => [0, 1, 2, 3].map((k) => snapshot.actorIds[(offset + k * 89) % snapshot.actorIds.length]!);
    await writeEverything(api.gql, pick(3), "leadership, first leader");
    lap("writes");
    await second.catchUp();
    lap("follower catch-up (leader nudged)");
    expect(second.version()).toBe(await latest());
    expect(first.projector.eventsProjected).toBeGreaterThan(10);
    expect(second.projector.eventsProjected).toBe(0);
    await api.graph.catchUp();
    expect(tieTable(await second.snapshot())).toEqual(tieTable(await api.graph.snapshot()));

    // The leader closes (its session ends, and the lock with it): the follower takes over within a retry.
    const firstProjected = first.projector.eventsProjected;
    await first.close();
    lap("tie table compared, first closed");
    await until("the follower to take over", async () => (await role(second)) === "leader");
    lap("follower took over");
    await writeEverything(api.gql, pick(7), "leadership, second leader");
    lap("writes");
    await second.catchUp();
    lap("new leader's catch-up");
    expect(second.version()).toBe(await latest());
    expect(second.projector.eventsProjected).toBeGreaterThan(10);
    expect(first.projector.eventsProjected).toBe(firstProjected);

    // A third process joins as a follower; the leader's lock connection is cut by the server.
    const third = await startEngine();
    lap("third engine started");
    expect(await role(third)).toBe("follower");
    const cut = await lockHolder();
    expect(cut).not.toBeNull();
    await admin.query("SELECT pg_terminate_backend($1)", [cut]);
    // Exactly one leads again, on a new session (the old leader may win the lock back on a new connection).
    await until("a new lock holder", async () => {
      const holder = await lockHolder();
      return holder !== null && holder !== cut;
    });
    await until("one leader among the two", async () => [await role(second), await role(third)].filter((r) => r === "leader").length === 1);
    const [leader, follower] = (await role(second)) === "leader" ? [second, third] : [third, second];
    lap("lock connection cut, new leader elected");
    const before = { leader: leader.projector.eventsProjected, follower: follower.projector.eventsProjected };
    await writeEverything(api.gql, pick(13), "leadership, after the cut");
    await follower.catchUp();
    await leader.catchUp();
    lap("writes and catch-ups");
    expect([leader.version(), follower.version()]).toEqual([await latest(), await latest()]);
    expect(leader.projector.eventsProjected).toBeGreaterThan(before.leader);
    expect(follower.projector.eventsProjected).toBe(before.follower);
    await api.graph.catchUp();
    expect(tieTable(await follower.snapshot())).toEqual(tieTable(await api.graph.snapshot()));
  }, 600_000);
});
