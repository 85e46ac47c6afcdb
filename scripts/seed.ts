// Empties the record and seeds the demo programme: official territories plus a synthetic,
// deterministic network. `SEED=<integer>` picks another demo; DATABASE_URL or DATA_DIR (default
// ./data) pick the database. The embedded data folder is locked while a server uses it: stop the
// server first, the lock error says so.
import path from "node:path";
import { openDatabase } from "../record/database.js";
import { DEFAULT_SEED, resetRecord, seedDemo } from "../server/seed/seedDemo.js";

const started = performance.now();
const seed = process.env.SEED ? Number.parseInt(process.env.SEED, 10) : DEFAULT_SEED;
if (!Number.isSafeInteger(seed)) throw new Error(`SEED must be an integer, got ${process.env.SEED}`);

const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: path.resolve(process.env.DATA_DIR ?? "./data") });
try {
  const opened = performance.now();
  await resetRecord(db.prisma);
  const summary = await seedDemo(db.prisma, { seed });
  const seeded = performance.now();
  console.log(JSON.stringify(summary, null, 2));
  console.log(`Seeded in ${((seeded - opened) / 1000).toFixed(1)} s (opening the database: ${((opened - started) / 1000).toFixed(1)} s).`);
} finally {
  await db.close();
}
console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s.`);
