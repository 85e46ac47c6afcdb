// Applies pending migrations to the database DATABASE_URL (or the embedded one in DATA_DIR) and
// exits; the server does the same at start-up.
import path from "node:path";
import { openDatabase } from "../record/database.js";

const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: path.resolve(process.env.DATA_DIR ?? "./data") });
console.log(db.applied.length ? `Applied: ${db.applied.join(", ")}` : "No pending migrations.");
await db.close();
