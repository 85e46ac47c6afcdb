import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Applies prisma/migrations in order, each in one transaction, and records them in Prisma's own
 * `_prisma_migrations` table (same checksum), so a stock `prisma migrate deploy` agrees on what
 * was applied. Done here rather than through the schema engine because `adapter-pg` would split a
 * migration into statements and could leave half of one behind; PostgreSQL runs DDL in a
 * transaction, so a failed migration leaves nothing.
 */
export interface MigrationTarget {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `run` in one transaction; `exec` may hold several statements. */
  transaction(run: (tx: { exec(sql: string): Promise<void>; query(sql: string, params?: unknown[]): Promise<unknown> }) => Promise<void>): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Returns the names of the migrations it applied. */
export async function applyMigrations(db: MigrationTarget, migrations = readMigrations()): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  const rows = await db.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MigrationError(`The database has migrations this version does not know (${unknown.join(", ")}): is it newer than the code?`);
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    const checksum = done.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) throw new MigrationError(`Migration ${migration.name} was modified after it was applied.`);
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [
        crypto.randomUUID(),
        migration.checksum,
        migration.name,
      ]);
    });
    applied.push(migration.name);
  }
  return applied;
}
