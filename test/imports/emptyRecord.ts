import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../record/database.js";
import { planProgramme } from "../../server/seed/programme.js";
import { Random } from "../../server/seed/random.js";
import { DEFAULT_SEED } from "../../server/seed/seedDemo.js";
import { bulkInsert } from "../../record/bulkInsert.js";
import { resetSequences } from "../../server/seed/store.js";
import * as T from "../../record/tables.js";
import { buildOfficialTerritories } from "../../server/seed/territories.js";
import { templateFingerprint } from "../support/templateDatabase.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface EmptyRecord {
  db: Database;
  dir: string;
  /** Closes the database and removes its folder. */
  close(): Promise<void>;
}

/**
 * A migrated record with no actor, alliance or interaction: only the territories, official
 * (régions, départements, EPCI) and the demo's project territories, with the ids the demo seed
 * gives them (server/seed builds both the same way, the projects from the seed's first draws).
 */
export async function openEmptyRecord(): Promise<EmptyRecord> {
  const dir = await emptyRecordDir();
  const db = await openDatabase({ dataDir: dir });
  return { db, dir, close: async () => void (await db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/**
 * A closed copy of the empty record in a new folder, for a test (or a child process) to open.
 * Migrating and writing the territories takes long on a busy machine, so it is done once into a
 * template kept between runs (rebuilt when migrations or seed change) and copied after that.
 */
export async function emptyRecordDir(): Promise<string> {
  const template = path.join(ROOT, ".tmp", `import-template-${templateFingerprint()}`);
  if (!fs.existsSync(path.join(template, "ready"))) {
    // Built aside and renamed into place (atomic): two test files building at once cannot meet halfway.
    fs.mkdirSync(path.dirname(template), { recursive: true });
    const building = fs.mkdtempSync(`${template}-building-`);
    const db = await openDatabase({ dataDir: building });
    await fillTerritories(db);
    await db.close();
    fs.writeFileSync(path.join(building, "ready"), new Date().toISOString());
    try {
      fs.renameSync(building, template);
    } catch {
      fs.rmSync(building, { recursive: true, force: true }); // another test file got there first
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-import-"));
  fs.cpSync(template, dir, { recursive: true });
  fs.rmSync(path.join(dir, "maillage.lock"), { force: true });
  return dir;
}

/** Writes the territories into a migrated, empty record. */
export async function fillTerritories(db: Database): Promise<void> {
  const official = buildOfficialTerritories();
  const programme = planProgramme(official, new Random(DEFAULT_SEED));
  const territories = [...official.regions, ...official.departements, ...official.epcis.map((e) => e.row), ...programme.projects];
  await db.prisma.$transaction(
    async (tx) => {
      await bulkInsert(tx, "Territory", territories, T.TERRITORY);
      await bulkInsert(
        tx,
        "_ProjectMembers",
        programme.projectMembers.map(([project, member]) => ({ A: project, B: member })),
        T.PROJECT_MEMBERS,
      );
      await resetSequences(tx);
    },
    { timeout: 120_000 },
  );
}
