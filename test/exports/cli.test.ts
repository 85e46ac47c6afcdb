import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../record/database.js";
import { territoryUnder } from "../../record/territoryScope.js";
import { emptyRecordDir } from "../imports/emptyRecord.js";
import { parseGexf } from "./support.js";

/**
 * `maillage export` end to end: the real command in a child process, on a private copy of the
 * seeded embedded database, its files read back. (With TEST_DATABASE_URL the template lives on a
 * server, not in a folder to copy: these tests are then skipped, and say so.)
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const templateDir = inject("templateDir");
let work: string;
let dataDir: string;

const maillage = (args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, "bin/maillage.mjs"), "export", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-export-cli-"));
  dataDir = path.join(work, "data");
  if (templateDir) {
    fs.cpSync(templateDir, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, "maillage.lock"), { force: true });
  }
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("maillage export, its command line", () => {
  it("prints its usage with --help, through maillage and run on its own", () => {
    const help = maillage(["--help"]);
    expect(help.status).toBe(0);
    for (const option of ["--format", "--scope", "--out", "--profile", "--modality", "--lever", "--from", "--to", "--as-of", "--confirmed", "--people"])
      expect(help.stdout).toContain(option);
    const own = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/export.ts"), "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(own.status).toBe(0);
    expect(own.stdout).toContain("region:<INSEE code>");
  });

  it("refuses a wrong command line with exit code 2 and says what is wrong", () => {
    const cases: [string[], RegExp][] = [
      [["--format", "pdf"], /--format: must be one of gexf, graphml, csv, jgf, jsonld/],
      [["--format", "gexf", "--colour", "red"], /Unknown option '--colour'/],
      [["--format", "gexf", "--scope", "region"], /--scope: "region" is not a scope/],
      [["--format", "gexf", "--as-of", "2024-02-30"], /--as-of: must be a real date/],
      [["--format", "csv", "--out", "-"], /csv is two files/],
    ];
    for (const [args, message] of cases) {
      const run = maillage(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain("usage: maillage export");
    }
  });
});

describe.skipIf(!templateDir)("maillage export, on a database", () => {
  it("answers exit code 1 and a clear message for a région that does not exist", { timeout: 180_000 }, () => {
    const run = maillage(["--format", "gexf", "--scope", "region:99"]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('export: No région has the code "99".');
  });

  it("writes a GEXF file of a territory that graphology reads, and CSV as two files, with the record's actors", { timeout: 300_000 }, async () => {
    const gexfPath = path.join(work, "vichy.gexf");
    const gexf = maillage(["--format", "gexf", "--scope", "territory:EPCI:200071363", "--out", gexfPath]);
    expect(gexf.stderr).toBe("");
    expect(gexf.status).toBe(0);
    expect(gexf.stdout).toMatch(/^export: wrote .*vichy\.gexf \(\d+\.\d MB\)\nexport: (\d+) actors, (\d+) ties/);
    const graph = parseGexf(fs.readFileSync(gexfPath, "utf8"));
    const [, actors, ties] = /(\d+) actors, (\d+) ties/.exec(gexf.stdout)!.map(Number);
    expect([graph.order, graph.size]).toEqual([actors, ties]);

    const csv = maillage(["--format", "csv", "--scope", "territory:200071363", "--out", path.join(work, "vichy.csv"), "--confirmed"]);
    expect(csv.status).toBe(0);
    const nodes = parseCsv(fs.readFileSync(path.join(work, "vichy-nodes.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const tieRows = parseCsv(fs.readFileSync(path.join(work, "vichy-ties.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(nodes.map((n) => n.id).sort()).toEqual(graph.nodes().sort());
    expect(tieRows.length).toBeGreaterThan(0);
    expect(tieRows.length).toBeLessThan(graph.size);
    expect(tieRows.every((t) => t.confirmed === "true")).toBe(true);
    expect(fs.readdirSync(work).filter((f) => f.endsWith(".partial"))).toEqual([]);

    // The record, read once the command has let go of the database: the same actors.
    const db = await openDatabase({ dataDir });
    try {
      const territory = await db.prisma.territory.findUniqueOrThrow({ where: { level_code: { level: "EPCI", code: "200071363" } }, select: { path: true } });
      const count = await db.prisma.actor.count({ where: { territories: { some: { territory: territoryUnder([territory.path]) } } } });
      expect(graph.order).toBe(count);
    } finally {
      await db.close();
    }
  });

  it("puts contact people in the file only with --people", { timeout: 300_000 }, () => {
    const without = maillage(["--format", "jgf", "--scope", "territory:200071363", "--no-metrics", "--out", "-"]);
    expect(without.status).toBe(0);
    expect(JSON.parse(without.stdout).graph.metadata.peopleIncluded).toBe(false);
    expect(without.stdout).not.toContain("@example.org");
    const withPeople = maillage(["--format", "jgf", "--scope", "territory:200071363", "--no-metrics", "--people", "--out", "-"]);
    expect(withPeople.status).toBe(0);
    expect(withPeople.stderr).toMatch(/with contact people/);
    const { graph } = JSON.parse(withPeople.stdout);
    const contacts = Object.values(graph.nodes as Record<string, { metadata: { contacts: unknown[] } }>).flatMap((n) => n.metadata.contacts);
    expect(contacts.length).toBeGreaterThan(0);
  });

  it("writes the records in the import's format, which an empty record imports into the same network", { timeout: 600_000 }, async () => {
    const bundlePath = path.join(work, "vichy-record.json");
    const exported = maillage(["--format", "record", "--scope", "territory:200071363", "--out", bundlePath]);
    expect(exported.status, exported.stderr).toBe(0);
    const bundle = JSON.parse(fs.readFileSync(bundlePath, "utf8"));
    expect(bundle.actors.length).toBeGreaterThan(50);
    expect(bundle.alliances.length).toBeGreaterThan(20);
    expect(maillage(["--format", "record", "--confirmed"]).status).toBe(2);

    const emptyDir = await emptyRecordDir();
    try {
      const env = { ...process.env, DATA_DIR: emptyDir, DATABASE_URL: "" };
      const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/maillage.mjs"), ...args], { cwd: ROOT, encoding: "utf8", env });
      const imported = run(["import", "--type", "all", "--source", "round-trip", bundlePath]);
      expect(imported.status, imported.stdout + imported.stderr).toBe(0);
      const again = path.join(work, "vichy-again.json");
      expect(run(["export", "--format", "record", "--scope", "territory:200071363", "--out", again]).status).toBe(0);
      const twice = JSON.parse(fs.readFileSync(again, "utf8"));
      for (const type of ["actors", "alliances", "interactions", "needs", "practices"]) {
        expect(twice[type].map((row: { id: string }) => row.id).sort(), type).toEqual(bundle[type].map((row: { id: string }) => row.id).sort());
      }
      expect(twice).toEqual(bundle);
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
