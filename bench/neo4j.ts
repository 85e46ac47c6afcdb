// npm run bench -- --only neo4j   (or: npx tsx bench/neo4j.ts): the same GraphQL queries against
// this service with the in-process engine and with the Neo4j engine, on one seeded demo record,
// and, for the nested actor → alliances → members query, against the Neo4j GraphQL Library
// (@neo4j/graphql) over the same Neo4j database. Every server is a graphql-yoga instance driven
// in process through `yoga.fetch` by the same loop at a fixed concurrency, so the comparison is
// of the servers, not of HTTP stacks. Reports median and p99 latency and throughput, as ratios.
//
// Needs a Neo4j whose content may be replaced: BENCH_NEO4J_URI (or NEO4J_URI; npm run neo4j:dev).
// BENCH_NEO4J_SECONDS (default 10 per measure), BENCH_NEO4J_CONCURRENCY (8), BENCH_NEO4J_WARMUP_SECONDS (2).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";
import { MemoryGraphEngine } from "../graph/engines/memory/memoryEngine.js";
import { Neo4jExecutor } from "../graph/engines/neo4j/executor.js";
import { Neo4jGraphEngine } from "../graph/engines/neo4j/neo4jEngine.js";
import { DELETE_STATE } from "../graph/engines/neo4j/projection.js";
import type { NetworkSnapshot } from "../graph/snapshot.js";
import { createToken } from "../server/auth.js";
import { openDatabase } from "../record/database.js";
import { DEFAULT_LIMITS } from "../schema/limits.js";
import { createLogger } from "../server/logger.js";
import { seedDemo } from "../server/seed/seedDemo.js";
import { createServer } from "../server/yoga.js";
import { ECOSYSTEM_NETWORK, PATHS, PEERS } from "../web/src/api/queries.ts";
import { postgres, type Backend } from "./loadTargets.js";
import { median } from "./stats.js";

const SECONDS = setting("BENCH_NEO4J_SECONDS", 10);
const WARMUP_SECONDS = setting("BENCH_NEO4J_WARMUP_SECONDS", 2);
const CONCURRENCY = setting("BENCH_NEO4J_CONCURRENCY", 8);

function setting(name: string, fallback: number): number {
  const value = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${process.env[name]}`);
  return value;
}

/**
 * The projection (graph/engines/neo4j/projection.ts) as the Neo4j GraphQL Library sees it: the
 * labels, relationship type and properties the projector writes, nothing more.
 */
const NEO4J_GRAPHQL_TYPES = `#graphql
type Actor @node {
  id: Int!
  name: String!
  profile: String!
  kind: String!
  isCatalyst: Boolean!
  alliances: [Alliance!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "MemberOf")
}
type Alliance @node {
  id: Int!
  modalities: [String!]!
  levers: [String!]!
  members: [Actor!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "MemberOf")
}
type MemberOf @relationshipProperties {
  role: String!
}`;

/** The nested query, as this service's schema asks it: the first 50 catalysts, ten alliances each, every member. */
const NESTED_MAILLAGE = `{
  actors(first: 50, filter: { isCatalyst: true }) {
    nodes { name memberships(first: 10) { nodes { role alliance { modalities members { role actor { name profile } } } } } }
  }
}`;

/** The same question in the Neo4j GraphQL Library's schema: same order (by record id), same fields. */
const NESTED_NEO4J_GRAPHQL = `{
  actors(where: { isCatalyst: { eq: true } }, limit: 50, sort: [{ id: ASC }]) {
    name
    alliancesConnection(first: 10, sort: [{ node: { id: ASC } }]) {
      edges { properties { role } node { modalities membersConnection { edges { properties { role } node { name profile } } } } }
    }
  }
}`;

type Fetcher = (query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface LoadResult {
  medianMs: number;
  p99Ms: number;
  perSecond: number;
  requests: number;
}

/**
 * Each contender served by `concurrency` loops for `seconds` in all (after a warm-up not
 * counted), in `slices` turns that alternate the contenders' order, so that a machine whose load
 * drifts during the run weighs on all of them alike. Every request must answer without errors.
 */
export async function compare(
  contenders: (() => Promise<unknown>)[],
  { seconds = SECONDS, concurrency = CONCURRENCY, slices = 4 } = {},
): Promise<LoadResult[]> {
  const run = async (request: () => Promise<unknown>, until: number, latencies: number[] | null) => {
    while (performance.now() < until) {
      const started = performance.now();
      await request();
      latencies?.push(performance.now() - started);
    }
  };
  const spread = async (request: () => Promise<unknown>, ms: number, latencies: number[] | null) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, () => run(request, started + ms, latencies)));
    return performance.now() - started;
  };
  for (const request of contenders) await spread(request, WARMUP_SECONDS * 1000, null);
  const latencies = contenders.map(() => [] as number[]);
  const elapsed = contenders.map(() => 0);
  for (let slice = 0; slice < slices; slice += 1) {
    const order = contenders.map((_, k) => k);
    if (slice % 2 === 1) order.reverse();
    for (const k of order) elapsed[k]! += await spread(contenders[k]!, (seconds * 1000) / slices, latencies[k]!);
  }
  return latencies.map((values, k) => {
    const sorted = values.sort((a, b) => a - b);
    return {
      medianMs: median(sorted),
      p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!,
      perSecond: (sorted.length * 1000) / elapsed[k]!,
      requests: sorted.length,
    };
  });
}

function fetcherOf(yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> }, token?: string): Fetcher {
  return async (query, variables) => {
    const response = await yoga.fetch("http://bench.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`bench/neo4j: ${body.errors[0]!.message}`);
    return body.data;
  };
}

/** Two actors three ties apart in one ecosystem, found on the snapshot: an introduction path to look for. */
function pathPair(snapshot: NetworkSnapshot): [number, number] {
  const { graph, actorIds, ecosystem } = snapshot;
  for (let v = 0; v < graph.nodeCount; v += 1) {
    if (ecosystem[v]! < 0) continue;
    const distance = new Map([[v, 0]]);
    let frontier = [v];
    for (let d = 1; d <= 3; d += 1) {
      const next: number[] = [];
      for (const u of frontier) {
        for (let i = graph.offsets[u]!; i < graph.offsets[u + 1]!; i += 1) {
          const w = graph.targets[i]!;
          if (distance.has(w)) continue;
          distance.set(w, d);
          next.push(w);
          if (d === 3 && ecosystem[w] === ecosystem[v]) return [actorIds[v]!, actorIds[w]!];
        }
      }
      frontier = next;
    }
  }
  throw new Error("bench/neo4j: no two actors three ties apart");
}

/** Both answers to the nested query, reduced to the same shape, so the comparison is of equal work. */
function nestedShapes(ours: any, theirs: any): [string, string] {
  const members = (list: { role: string; name: string; profile: string }[]) => list.map((m) => `${m.name}/${m.profile}/${m.role}`).sort();
  const a = ours.actors.nodes.map((actor: any) => ({
    name: actor.name,
    alliances: actor.memberships.nodes.map((m: any) => ({
      role: m.role,
      modalities: [...m.alliance.modalities].sort(),
      members: members(m.alliance.members.map((x: any) => ({ role: x.role, ...x.actor }))),
    })),
  }));
  const b = theirs.actors.map((actor: any) => ({
    name: actor.name,
    alliances: actor.alliancesConnection.edges.map((e: any) => ({
      role: e.properties.role,
      modalities: [...e.node.modalities].sort(),
      members: members(e.node.membersConnection.edges.map((x: any) => ({ role: x.properties.role, ...x.node }))),
    })),
  }));
  return [JSON.stringify(a), JSON.stringify(b)];
}

export interface Neo4jBenchRow {
  query: string;
  server: string;
  result: LoadResult;
  /** Against which row the ratios are taken. */
  reference?: LoadResult;
}

/** Runs the comparison; null (after one line on stderr) when no Neo4j is configured. */
export async function benchNeo4j(): Promise<Neo4jBenchRow[] | null> {
  const uri = process.env.BENCH_NEO4J_URI || process.env.NEO4J_URI;
  if (!uri) {
    console.error("neo4j: skipped, set BENCH_NEO4J_URI (or NEO4J_URI) to a Neo4j whose content may be replaced (npm run neo4j:dev)");
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-bench-neo4j-"));
  const db = await openDatabase({ dataDir: dir });
  const memory = new MemoryGraphEngine(db.prisma);
  const graph = new Neo4jGraphEngine(db.prisma, { connection: { uri }, rebuildOnStart: true });
  const driver = neo4j.driver(uri, undefined, { userAgent: "maillage bench" });
  try {
    console.error(`neo4j: seeding the demo and projecting it into ${uri} (its content is replaced)`);
    await seedDemo(db.prisma);
    await memory.start();
    await graph.start();
    const { token } = await createToken(db.prisma, "ADMIN", "neo4j benchmark");
    const limits = { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 1_000_000_000, anonymousRequestsPerMinute: 1_000_000_000, requestTimeoutMs: 300_000 };
    const logger = createLogger("silent");
    const onMemory = fetcherOf(createServer({ db, graph: memory, logger, limits }), token);
    const onNeo4j = fetcherOf(createServer({ db, graph, logger, limits }), token);
    const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPES, driver }).getSchema();
    const library = fetcherOf(createYoga({ schema, logging: false }));

    // The questions: the largest ecosystem's network, the peers of its first catalyst, a path three ties long.
    const snapshot = await memory.snapshot();
    const largest = await db.prisma.ecosystem.findMany({ select: { id: true, territory: { select: { code: true, level: true } } } });
    const sizes = new Map<number, number>();
    for (const e of snapshot.ecosystem) if (e >= 0) sizes.set(e, (sizes.get(e) ?? 0) + 1);
    const ecosystem = largest.sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0]!;
    const peerOf = snapshot.actorIds[snapshot.ecosystem.findIndex((e, v) => e === ecosystem.id && snapshot.catalyst[v] === 1)]!;
    const [from, to] = pathPair(snapshot);
    const actor = (id: number) => Buffer.from(`Actor:${id}`).toString("base64");
    const questions: [string, string, Record<string, unknown>][] = [
      [
        `ecosystem network with metrics (${sizes.get(ecosystem.id)} actors)`,
        ECOSYSTEM_NETWORK.text,
        { code: ecosystem.territory.code, level: ecosystem.territory.level },
      ],
      ["actor's peers (10)", PEERS.text, { id: actor(peerOf), first: 10 }],
      ["introduction paths (3 ties, up to 4)", PATHS.text, { from: actor(from), to: actor(to), confirmedOnly: false, maxLength: 4 }],
    ];

    const rows: Neo4jBenchRow[] = [];
    for (const [name, query, variables] of questions) {
      const [a, b] = [await onMemory(query, variables), await onNeo4j(query, variables)];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`bench/neo4j: the engines answer "${name}" differently`);
      console.error(`neo4j: ${name}`);
      const [reference, result] = await compare([() => onMemory(query, variables), () => onNeo4j(query, variables)]);
      rows.push({ query: name, server: "maillage, memory engine", result: reference! });
      rows.push({ query: name, server: "maillage, Neo4j engine", result: result!, reference: reference! });
    }

    // A write, then the network read again: the one place the engines differ (the Neo4j engine
    // projects the write and reads back what it touched). One client, as an editor would.
    const renamed = `mutation ($id: ID!, $name: String!) { updateActor(id: $id, input: { name: $name }) { __typename } }`;
    const [networkName, networkQuery, networkVariables] = questions[0]!;
    let round = 0;
    const writeThenRead = (fetch: Fetcher) => async () => {
      round += 1;
      await fetch(renamed, { id: actor(peerOf), name: `Bench actor ${round}` });
      await fetch(networkQuery, networkVariables);
    };
    console.error("neo4j: a write, then the network read again");
    const [writeReference, writeResult] = await compare([writeThenRead(onMemory), writeThenRead(onNeo4j)], { concurrency: 1 });
    const written = `update an actor, then read the ${networkName.replace(/ \(.*/, "")}`;
    rows.push({ query: written, server: "maillage, memory engine", result: writeReference! });
    rows.push({ query: written, server: "maillage, Neo4j engine", result: writeResult!, reference: writeReference! });
    // The library reads Neo4j directly: the projection must hold the last rename before its turn.
    await graph.catchUp();

    const [ours, theirs] = [await onNeo4j(NESTED_MAILLAGE), await library(NESTED_NEO4J_GRAPHQL)];
    const [oursShape, theirsShape] = nestedShapes(ours, theirs);
    if (oursShape !== theirsShape) throw new Error("bench/neo4j: this service and @neo4j/graphql answer the nested query differently");
    const nested = "nested: 50 catalysts → 10 alliances → members";
    console.error(`neo4j: ${nested}`);
    // A deployment with Neo4j keeps its record on a PostgreSQL server (docker-compose.yml): the
    // nested query is also asked of that, on the same demo, when a server can be had.
    const server = await postgres();
    const onServer = server ? await recordOnServer(server) : null;
    try {
      if (onServer) {
        // The same demo, but without the renames of the write measure above: the last one, again.
        await onServer.fetch(renamed, { id: actor(peerOf), name: `Bench actor ${round}` });
        const [a, b] = nestedShapes(await onServer.fetch(NESTED_MAILLAGE), theirs);
        if (a !== b) throw new Error("bench/neo4j: the record on PostgreSQL answers the nested query differently");
      }
      const contenders = [() => onNeo4j(NESTED_MAILLAGE), () => library(NESTED_NEO4J_GRAPHQL), ...(onServer ? [() => onServer.fetch(NESTED_MAILLAGE)] : [])];
      const [oursResult, libraryResult, serverResult] = await compare(contenders);
      rows.push({ query: nested, server: "maillage, Neo4j engine (record: embedded PostgreSQL)", result: oursResult! });
      rows.push({ query: nested, server: "@neo4j/graphql 7 over the same Neo4j", result: libraryResult!, reference: oursResult! });
      if (serverResult)
        rows.push({ query: nested, server: `maillage, memory engine (record: ${server!.label} server)`, result: serverResult, reference: oursResult! });
    } finally {
      await onServer?.close();
      await server?.close();
    }
    return rows;
  } finally {
    await graph.close();
    await memory.close();
    await driver.close();
    // The demo must not pass for another record's projection: without its state node, the next
    // engine to start on this Neo4j rebuilds from its own record.
    const executor = new Neo4jExecutor({ uri });
    await executor.write("bench.forget", (tx) => tx.rows(DELETE_STATE)).finally(() => executor.close());
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** This service over a record on a PostgreSQL server (seeded by bench/loadTargets), in process like the others. */
async function recordOnServer(server: Backend): Promise<{ fetch: Fetcher; close(): Promise<void> }> {
  const db = await openDatabase({ url: server.env.DATABASE_URL!, dataDir: "" });
  const memory = new MemoryGraphEngine(db.prisma);
  await memory.start();
  const limits = { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 1_000_000_000, anonymousRequestsPerMinute: 1_000_000_000, requestTimeoutMs: 300_000 };
  const fetch = fetcherOf(createServer({ db, graph: memory, logger: createLogger("silent"), limits }), server.editorToken);
  return { fetch, close: async () => (await memory.close(), await db.close()) };
}

/** Rows for bench/run.ts's table: median seconds, and the ratios in the note. */
export function neo4jRows(rows: Neo4jBenchRow[]): string[][] {
  return rows.map(({ query, server, result, reference }) => [
    "demo programme",
    query,
    server,
    (result.medianMs / 1000).toFixed(4),
    reference ? (result.medianMs / reference.medianMs).toFixed(2) : "",
    `p99 ${result.p99Ms.toFixed(1)} ms, ${result.perSecond.toFixed(1)} req/s at concurrency ${query.startsWith("update") ? 1 : CONCURRENCY}` +
      (reference
        ? `; ratios to the row above: p99 ${(result.p99Ms / reference.p99Ms).toFixed(2)}, throughput ${(result.perSecond / reference.perSecond).toFixed(2)}`
        : ""),
  ]);
}

/** The same rows as a table of their own, with ratios to the row above (this service's, with the memory engine or from the record). */
export function neo4jTable(rows: Neo4jBenchRow[]): string {
  const header = ["query", "server", "median ms", "p99 ms", "req/s", "median ratio", "p99 ratio", "throughput ratio"];
  const lines = rows.map(({ query, server, result, reference }) => [
    query,
    server,
    result.medianMs.toFixed(1),
    result.p99Ms.toFixed(1),
    result.perSecond.toFixed(1),
    reference ? (result.medianMs / reference.medianMs).toFixed(2) : "1",
    reference ? (result.p99Ms / reference.p99Ms).toFixed(2) : "1",
    reference ? (result.perSecond / reference.perSecond).toFixed(2) : "1",
  ]);
  return [header, header.map(() => "---"), ...lines].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await benchNeo4j();
  if (rows) {
    const report = `# bench/neo4j.ts, ${new Date().toISOString()}\n\n${neo4jTable(rows)}\n\n${SECONDS} s per measure (in 4 alternating slices) after ${WARMUP_SECONDS} s of warm-up, concurrency ${CONCURRENCY} (1 for writes); load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")} on ${os.availableParallelism()} cores.\n`;
    console.log(report);
    const out = path.resolve(import.meta.dirname, "results");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "latest-neo4j.md"), report);
  }
  process.exit(0);
}
