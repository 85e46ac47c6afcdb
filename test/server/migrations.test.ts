import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrations, type MigrationTarget } from "../../record/migrations.js";

let db: PGlite;
let target: MigrationTarget;
beforeEach(async () => {
  db = await PGlite.create();
  target = {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    transaction: (run) => db.transaction((tx) => run({ exec: async (sql) => void (await tx.exec(sql)), query: (sql, params) => tx.query(sql, params) })),
  };
});
afterEach(() => db.close());

const migration = (name: string, sql: string) => ({ name, sql, checksum: name + sql.length });

describe("migrations", () => {
  it("applies the project's migrations once, recorded as Prisma records them", async () => {
    const all = readMigrations();
    expect(await applyMigrations(target, all)).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(target, all)).toEqual([]);
    const rows = await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
    expect(rows.rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
  });

  it("leaves nothing of a migration that fails halfway", async () => {
    const broken = migration("2_broken", `CREATE TABLE half (id int); INSERT INTO nowhere VALUES (1);`);
    await expect(applyMigrations(target, [migration("1_ok", "CREATE TABLE ok (id int);"), broken])).rejects.toThrow(/nowhere/);
    const tables = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(["_prisma_migrations", "ok"]);
  });

  it("refuses a database changed by a migration edited after it ran, or by a newer version", async () => {
    await applyMigrations(target, [migration("1_a", "CREATE TABLE a (id int);")]);
    await expect(applyMigrations(target, [migration("1_a", "CREATE TABLE a (id bigint);")])).rejects.toThrow(MigrationError);
    await expect(applyMigrations(target, [])).rejects.toThrow(/does not know/);
  });
});
