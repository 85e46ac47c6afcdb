import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { closeSharedBetweennessPool } from "../../graph/workers/sharedBetweennessPool.js";
import { MemoryGraphEngine } from "../../graph/engines/memory/memoryEngine.js";
import { Neo4jGraphEngine } from "../../graph/engines/neo4j/neo4jEngine.js";
import { createToken } from "../../server/auth.js";
import { openDatabase, type Database } from "../../record/database.js";
import type { Role } from "../../record/generated/prisma/enums.js";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { createLogger } from "../../server/logger.js";
import { createServer, type MaillageYoga } from "../../server/yoga.js";
import { databaseUrl, onServer, quoteIdent, TEMPLATE_DATABASE } from "./templateDatabase.js";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: { sqlStatements?: number };
}

export interface TestApi {
  yoga: MaillageYoga;
  db: Database;
  graph: MemoryGraphEngine | Neo4jGraphEngine;
  /** Runs an operation as `as` (a role's token, or anonymous). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: Role | "ANONYMOUS"): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * A private copy of the seeded template database behind a Yoga instance, for one test file.
 * Requests go through `yoga.fetch`: no port, no shared state between files.
 */
export async function startTestApi(): Promise<TestApi> {
  const { db, drop } = await openCopy();
  // TEST_GRAPH_ENGINE=neo4j: the API over a real Neo4j, rebuilt from this file's copy (files then
  // run one at a time, see vitest.config.ts: Community has one database).
  const neo4jUri =
    process.env.TEST_GRAPH_ENGINE === "neo4j" ? process.env.NEO4J_URI || fail("TEST_GRAPH_ENGINE=neo4j needs NEO4J_URI (npm run neo4j:dev)") : undefined;
  const graph = neo4jUri ? new Neo4jGraphEngine(db.prisma, { connection: { uri: neo4jUri }, rebuildOnStart: true }) : new MemoryGraphEngine(db.prisma);
  await graph.start();
  // Rate limits and timeouts are tested on their own (test/server/limits.test.ts); here they would
  // only trip suites that run many requests, or cold national analytics on a busy machine.
  const limits = { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 1_000_000, anonymousRequestsPerMinute: 1_000_000, requestTimeoutMs: 300_000 };
  const yoga = createServer({ db, graph, logger: createLogger("silent"), exposeQueryCount: true, limits });
  const tokens = new Map<Role, string>();
  // The catalyst's token speaks for the first catalyst of the demo.
  const catalyst = await db.prisma.actor.findFirst({ where: { isCatalyst: true }, orderBy: { id: "asc" }, select: { id: true } });
  for (const role of ["CATALYST", "RESEARCHER", "EDITOR", "ADMIN"] as const) {
    tokens.set(role, (await createToken(db.prisma, role, `test ${role}`, role === "CATALYST" ? catalyst!.id : null)).token);
  }
  return {
    yoga,
    db,
    graph,
    gql: async (query, variables, as = "ADMIN") => {
      const token = as === "ANONYMOUS" ? undefined : tokens.get(as);
      const response = await yoga.fetch("http://maillage.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    close: async () => {
      await graph.close();
      await closeSharedBetweennessPool();
      await db.close();
      await drop();
    },
  };
}

async function openCopy(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = `maillage_test_${crypto.randomBytes(6).toString("hex")}`;
  if (serverUrl) {
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(TEMPLATE_DATABASE)}`));
    const db = await openDatabase({ url: databaseUrl(serverUrl, name), dataDir: "", poolMax: 4 });
    return { db, drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`)).then(() => {}) };
  }
  const dir = path.join(os.tmpdir(), name);
  fs.cpSync(inject("templateDir"), dir, { recursive: true });
  fs.rmSync(path.join(dir, "maillage.lock"), { force: true });
  const db = await openDatabase({ dataDir: dir });
  return { db, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function fail(message: string): never {
  throw new Error(`test/support/testApi: ${message}`);
}
