import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { lockDataDir } from "./dataDirLock.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { applyMigrations, type MigrationTarget } from "./migrations.js";
import { withQueryCounting } from "./queryCounter.js";

export interface Database {
  prisma: PrismaClient;
  kind: "embedded" | "postgresql";
  /** Migrations applied while opening. */
  applied: string[];
  /** Answers when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgresql://... or undefined for the embedded database in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  poolMax?: number;
}

/**
 * Opens the record and brings its schema up to date. Both paths reach Prisma through
 * `@prisma/adapter-pg`: the embedded PGlite is served on a private Unix socket so that what runs
 * in development and tests is the driver path production uses.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolMax ?? 10) : openEmbedded(options.dataDir);
}

async function openEmbedded(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let pglite: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-pglite-"));
  try {
    pglite = await PGlite.create(path.join(dataDir, "pgdata"));
    const applied = await applyMigrations(pgliteTarget(pglite));
    // PGlite is a single backend: one pooled connection, and socket headroom because pg-pool
    // reconnects after a query error before the server has let go of the old connection.
    server = new PGLiteSocketServer({ db: pglite, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 4 });
    await server.start();
    const adapter = new PrismaPg({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
    const prisma = new PrismaClient({ adapter: withQueryCounting(adapter) });
    const db = pglite;
    const socket = server;
    return {
      prisma,
      kind: "embedded",
      applied,
      ping: async () => void (await prisma.$queryRaw`SELECT 1`),
      close: async () => {
        await prisma.$disconnect();
        await socket.stop();
        await db.close(); // checkpoints and releases the data folder
        fs.rmSync(socketDir, { recursive: true, force: true });
        release();
      },
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    await pglite?.close().catch(() => {});
    fs.rmSync(socketDir, { recursive: true, force: true });
    release();
    throw error;
  }
}

async function openPostgres(url: string, poolMax: number): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let applied: string[];
  try {
    // Several instances may start at once against one server: one migrates, the others wait.
    await client.query("SELECT pg_advisory_lock(72657361)");
    applied = await applyMigrations(pgTarget(client));
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: withQueryCounting(new PrismaPg({ connectionString: url, max: poolMax })) });
  return {
    prisma,
    kind: "postgresql",
    applied,
    ping: async () => void (await prisma.$queryRaw`SELECT 1`),
    close: () => prisma.$disconnect(),
  };
}

function pgliteTarget(db: PGlite): MigrationTarget {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    transaction: async (run) => {
      await db.transaction(async (tx) => run({ exec: async (sql) => void (await tx.exec(sql)), query: (sql, params) => tx.query(sql, params) }));
    },
  };
}

function pgTarget(client: pg.Client): MigrationTarget {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
    transaction: async (run) => {
      await client.query("BEGIN");
      try {
        await run({ exec: async (sql) => void (await client.query(sql)), query: (sql, params) => client.query(sql, params) });
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}
