import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Test databases come from one template that is migrated and seeded once: on the embedded
 * database a data folder copied per test file, on PostgreSQL (TEST_DATABASE_URL) a database
 * created with `CREATE DATABASE ... TEMPLATE`. The embedded template is kept between runs and
 * rebuilt only when the migrations or the seed change.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEMPLATE_DATABASE = "maillage_test_template";

export function templateFingerprint(): string {
  const hash = crypto.createHash("sha256");
  // What the seeded template is made from: the migrations, the seed and the record's pieces it writes with.
  for (const entry of ["prisma/migrations", "server/seed", "record/vocabulary", "record/tables.ts", "record/bulkInsert.ts"]) {
    const files = fs.statSync(path.join(ROOT, entry)).isDirectory()
      ? fs
          .readdirSync(path.join(ROOT, entry), { recursive: true })
          .map(String)
          .sort()
          .map((file) => path.join(entry, file))
      : [entry];
    for (const file of files) {
      const full = path.join(ROOT, file);
      if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

export function embeddedTemplateDir(): string {
  return path.join(ROOT, ".tmp", `test-template-${templateFingerprint()}`);
}

/** A URL naming another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Identifiers cannot be parameters; these names are ours (a fixed prefix and random hex). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing database name ${name}`);
  return `"${name}"`;
}
