// Offline stand-in for `prisma migrate dev --create-only` and `prisma migrate diff`: the
// WebAssembly schema engine (@prisma/schema-engine-wasm, pinned to the Prisma version: its JS API
// is internal, re-test it on every Prisma upgrade) diffs the last migration's schema snapshot
// against prisma/schema.prisma. Applying migrations is record/migrations.ts's job.
//   npm run db:diff -- create <name>   writes prisma/migrations/<timestamp>_<name>/
//   npm run db:diff -- check           exits 2 when the schema has changes with no migration
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { MIGRATIONS_DIR } from "../record/migrations.js";

const SCHEMA = "prisma/schema.prisma";
const SNAPSHOT = "schema.prisma"; // the schema each migration was generated from
const filters = { externalTables: [], externalEnums: [] };

function loadEngineClass() {
  const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmUrl)), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

const schemaText = fs.readFileSync(SCHEMA, "utf8");
const container = (text: string) => ({ files: [{ path: SCHEMA, content: text }] });
const migrationDirs = () =>
  fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR)
        .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, "migration.sql")))
        .sort()
    : [];

// The engine wants a connection even to diff two schema files: a throwaway in-memory PGlite.
const pglite = await PGlite.create();
const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-migrate-"));
const server = new PGLiteSocketServer({ db: pglite, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 4 });
await server.start();
const adapter = new PrismaPg({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
const engine = await loadEngineClass().new(
  { datamodels: [[SCHEMA, schemaText]] },
  (log: string) => process.env.DEBUG_SCHEMA_ENGINE && console.error(log),
  bindMigrationAwareSqlAdapterFactory(adapter),
);

async function pendingDiff(): Promise<string> {
  const last = migrationDirs().at(-1);
  const snapshot = last && path.join(MIGRATIONS_DIR, last, SNAPSHOT);
  if (snapshot && !fs.existsSync(snapshot)) throw new Error(`${snapshot} missing: cannot diff without the previous schema`);
  const from: { tag: "schemaDatamodel"; files: { path: string; content: string }[] } | { tag: "empty" } = snapshot
    ? { tag: "schemaDatamodel" as const, ...container(fs.readFileSync(snapshot, "utf8")) }
    : { tag: "empty" as const };
  const result = await engine.diff({ from, to: { tag: "schemaDatamodel" as const, ...container(schemaText) }, script: true, exitCode: null, filters });
  const sql: string = result.stdout ?? "";
  return /^\s*(--.*\n?|\s)*$/.test(sql) || sql.includes("This is an empty migration.") ? "" : sql;
}

const [command, name] = process.argv.slice(2);
if (command === "create") {
  if (!name || !/^\w+$/.test(name)) throw new Error("usage: create <name>");
  const sql = await pendingDiff();
  if (!sql) {
    console.log("No schema changes, no migration created.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.writeFileSync(path.join(dir, SNAPSHOT), schemaText);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "postgresql"\n`);
    console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} else if (command === "check") {
  const sql = await pendingDiff();
  if (sql) {
    console.log(`prisma/schema.prisma has changes without a migration (npm run db:diff -- create <name>):\n${sql}`);
    process.exitCode = 2;
  } else {
    console.log("Migrations match prisma/schema.prisma.");
  }
} else {
  console.error("usage: npm run db:diff -- create <name> | check");
  process.exitCode = 1;
}

await server.stop();
await pglite.close();
fs.rmSync(socketDir, { recursive: true, force: true });
process.exit(); // the pg pool would otherwise keep the process alive
