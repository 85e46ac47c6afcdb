import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ecosystemMaturity } from "../graph/ecosystem/maturity.js";
import { MemoryGraphEngine } from "../graph/engines/memory/memoryEngine.js";
import { openDatabase } from "../record/database.js";
import { seedDemo } from "../server/seed/seedDemo.js";
import { median, timeRuns } from "./stats.js";

/** Seconds (median of 5) to compute the maturity of every demo ecosystem on a warm snapshot. */
export async function benchMaturity(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-bench-"));
  const db = await openDatabase({ dataDir: dir });
  try {
    await seedDemo(db.prisma);
    const engine = new MemoryGraphEngine(db.prisma);
    await engine.start();
    const snapshot = await engine.snapshot();
    const ecosystems = await db.prisma.ecosystem.findMany({ select: { id: true } });
    const all = () => ecosystems.map((e) => ecosystemMaturity(snapshot, e.id));
    all();
    await engine.close();
    return median(await timeRuns(5, all));
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
