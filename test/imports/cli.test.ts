import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyRecordDir } from "./emptyRecord.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TEMPLATES = path.join(ROOT, "templates/import");
let dataDir: string;
beforeAll(async () => {
  dataDir = await emptyRecordDir();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const maillage = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, "bin/maillage.mjs"), "import", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 240_000,
  });

describe("maillage import", () => {
  it("explains itself, and answers a wrong command line with exit code 2 before touching the record", () => {
    const help = maillage("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("maillage import --type actors|alliances|interactions|needs|practices|all --source NAME");
    const cases: [string[], string][] = [
      [[path.join(TEMPLATES, "actors.csv")], "--type must be one of actors, alliances, interactions, needs, practices, all"],
      [["--type", "people", "--source", "x", "f.csv"], "--type must be one of"],
      [["--type", "actors", path.join(TEMPLATES, "actors.csv")], "--source names where the rows come from"],
      [["--type", "actors", "--source", "etalab", path.join(TEMPLATES, "actors.csv")], "--source: api and etalab are the service's own sources"],
      [["--type", "actors", "--source", "x"], "name the FILE to import"],
      [["--type", "actors", "--source", "x", "missing.csv"], "cannot read missing.csv: no such file"],
      [["--type", "actors", "--source", "x", "actors.txt"], "--format must be one of csv, json, xlsx"],
      [["--type", "actors", "--source", "x", "--colour", "red", "a.csv"], "Unknown option '--colour'"],
    ];
    for (const [args, message] of cases) {
      const result = maillage(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain("usage: maillage import");
    }
  });

  it("dry-runs, imports, and imports again with nothing to do; exit code 1 lists the rejected rows", () => {
    const actors = path.join(TEMPLATES, "actors.csv");
    const dry = maillage("--type", "actors", "--source", "cli-test", "--dry-run", actors);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("import actors.csv (csv) into source cli-test: dry run, nothing written");
    expect(dry.stdout).toMatch(/actors\s+2\s+2\s+0\s+0\s+0/);
    expect(dry.stdout).toContain("actors ressourcerie-vichy: created (line 2)");

    const written = maillage("--type", "actors", "--source", "cli-test", actors);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain(": written");
    // Not a terminal: progress comes as plain lines on stderr, never a redrawn bar.
    expect(written.stderr).toContain("import: actors 2/2 rows (100%)");
    expect(written.stderr).not.toContain("\r");

    const again = maillage("--type", "actors", "--source", "cli-test", "--json", actors);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).total).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 });

    const bad = path.join(dataDir, "needs.csv");
    fs.writeFileSync(bad, "id,territory,date,level,assessedBy\nn1,EPCI:200071363,2025-01-10,2,Équipe\nn2,EPCI:200071363,10/01/2025,five,Équipe\n");
    const rejected = maillage("--type", "needs", "--source", "cli-test", bad);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain("line 3, column level: must be a level 1 to 4 or its name (ACCOMPANY, CONSOLIDATE, INVEST, INVENT) [needs n2]");
    expect(rejected.stdout).toMatch(/needs\s+2\s+1\s+0\s+0\s+1/);
  });

  it("imports a whole workbook with --type all", () => {
    const result = maillage("--type", "all", "--source", "cli-test", path.join(TEMPLATES, "maillage-import.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/total\s+7\s+5\s+0\s+2\s+0/);
  });
});
