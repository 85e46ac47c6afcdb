// Import throughput: 100,000 generated interactions (seeded) into an embedded database holding the
// official territories and 1,000 actors, first as new rows, then the same file again (every row
// unchanged). Part of `npm run bench`; on its own: npx tsx bench/imports.ts [--interactions N]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../record/database.js";
import { DEFAULT_BATCH_SIZE, importRecords } from "../record/imports/importRecords.js";
import { bulkInsert } from "../record/bulkInsert.js";
import { resetSequences } from "../server/seed/store.js";
import { Random } from "../server/seed/random.js";
import * as T from "../record/tables.js";
import { buildOfficialTerritories } from "../server/seed/territories.js";

const KINDS = ["MEETING", "JOINT_PROJECT", "RESOURCE_EXCHANGE", "FUNDING"] as const;
const ACTOR_KINDS = ["COMPANY", "ESS", "ASSOCIATION", "LOCAL_AUTHORITY", "ACADEMIC"] as const;

/** A seeded bundle: actors spread over 50 EPCI, interactions between two or three of them. */
function generate(actorCount: number, interactionCount: number, seed: number, epcis: string[]) {
  const rng = new Random(seed);
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    id: `bench-a${i}`,
    name: `Acteur de banc ${i}`,
    kind: ACTOR_KINDS[i % ACTOR_KINDS.length],
    territories: [`EPCI:${epcis[i % epcis.length]}`],
  }));
  const interactions = Array.from({ length: interactionCount }, (_, i) => {
    const size = rng.chance(0.2) ? 3 : 2;
    const participants = new Set<string>();
    while (participants.size < size) participants.add(`bench-a${rng.int(0, actorCount - 1)}`);
    const kind = KINDS[rng.int(0, 3)]!;
    return {
      id: `bench-i${i}`,
      kind,
      date: `20${rng.int(19, 26)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      participants: [...participants],
      intensity: rng.int(1, 5),
      ...(kind === "FUNDING" && { amountEuros: rng.int(1, 50) * 1_000 }),
    };
  });
  return { actors, interactions };
}

export interface ImportBench {
  rows: number;
  first: { seconds: number; created: number };
  again: { seconds: number; unchanged: number };
}

export async function benchImports(interactions = 100_000, seed = 2026): Promise<ImportBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-bench-import-"));
  const db = await openDatabase({ dataDir: dir });
  try {
    const official = buildOfficialTerritories();
    const territories = [...official.regions, ...official.departements, ...official.epcis.map((e) => e.row)];
    await db.prisma.$transaction(
      async (tx) => {
        await bulkInsert(tx, "Territory", territories, T.TERRITORY);
        await resetSequences(tx);
      },
      { timeout: 120_000 },
    );
    const bundle = generate(
      1_000,
      interactions,
      seed,
      official.epcis.slice(0, 50).map((e) => e.row.code),
    );
    const source = "bench";
    const actors = await importRecords(db.prisma, { type: "actors", format: "json", content: JSON.stringify(bundle.actors), source });
    if (actors.rejectionCount > 0) throw new Error(`bench/imports: ${actors.rejectionCount} actors rejected`);
    const content = JSON.stringify(bundle.interactions);
    const timed = async () => {
      const start = performance.now();
      const report = await importRecords(db.prisma, { type: "interactions", format: "json", content, source });
      if (report.rejectionCount > 0) throw new Error(`bench/imports: ${report.rejectionCount} interactions rejected`);
      return { seconds: (performance.now() - start) / 1000, report };
    };
    const first = await timed();
    const again = await timed();
    return {
      rows: interactions,
      first: { seconds: first.seconds, created: first.report.total.created },
      again: { seconds: again.seconds, unchanged: again.report.total.unchanged },
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's rows in the table of bench/run.ts: graph, measure, implementation, seconds, ratio, note. */
export function importRows(result: ImportBench): string[][] {
  const label = `${result.rows.toLocaleString("en")} interactions (1,000 actors)`;
  const implementation = `maillage import (JSON, batches of ${DEFAULT_BATCH_SIZE}, embedded database)`;
  const rate = (seconds: number) => `${Math.round(result.rows / seconds).toLocaleString("en")} rows/s`;
  return [
    [
      label,
      "import, first run (all created)",
      implementation,
      result.first.seconds.toFixed(3),
      "",
      `${rate(result.first.seconds)}; ${result.first.created.toLocaleString("en")} created`,
    ],
    [
      label,
      "import again (all unchanged)",
      implementation,
      result.again.seconds.toFixed(3),
      "",
      `${rate(result.again.seconds)}; ${result.again.unchanged.toLocaleString("en")} unchanged, nothing written`,
    ],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf("--interactions");
  const result = await benchImports(flag > 0 ? Number(process.argv[flag + 1]) : 100_000);
  const header = ["rows", "measure", "implementation", "s", "ratio", "note"];
  console.log([header, header.map(() => "---"), ...importRows(result)].map((r) => `| ${r.join(" | ")} |`).join("\n"));
}
