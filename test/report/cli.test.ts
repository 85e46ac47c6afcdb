import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Vichy Communauté, one of the demo ecosystems (README's example).
const TERRITORY = "200071363";

/** Runs `maillage report ...` on a private copy of the seeded database. */
function maillage(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/maillage.mjs"), "report", ...args], { env: { ...process.env, LOG_LEVEL: "silent", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let dataDir: string;
let outDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-report-cli-"));
  fs.cpSync(inject("templateDir"), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, "maillage.lock"), { force: true });
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-report-out-"));
});
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe.skipIf(process.env.TEST_DATABASE_URL)("maillage report", () => {
  it("writes a territory's notebook to a file", async () => {
    const file = path.join(outDir, "vichy.html");
    const run = await maillage(["--territory", TERRITORY, "--lang", "en", "--out", file], { DATA_DIR: dataDir });
    expect(run.stderr).toContain(`wrote ${file}`);
    expect(run.status).toBe(0);
    const html = fs.readFileSync(file, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("Vichy");
    expect(html).toContain('<section id="history">');
  }, 180_000);

  it("fails with exit code 1 for a territory without an ecosystem, writing nothing", async () => {
    const file = path.join(outDir, "none.html");
    const run = await maillage(["--territory", "999999999", "--out", file], { DATA_DIR: dataDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no ecosystem for the territory "999999999"');
    expect(fs.existsSync(file)).toBe(false);
  }, 180_000);

  it("refuses a wrong command line with exit code 2 and its usage, before opening anything", async () => {
    const wrong = [
      [],
      ["--territory", TERRITORY, "--lang", "de"],
      ["--territory", TERRITORY, "--format", "docx"],
      ["--all"],
      ["--all", "--territory", TERRITORY],
      ["--territory", "<x>"],
      ["--colour", "red"],
    ];
    const runs = await Promise.all(wrong.map((args) => maillage(args, { DATA_DIR: path.join(outDir, "no-database-here") })));
    runs.forEach((run, i) => {
      expect(run.status, wrong[i]!.join(" ")).toBe(2);
      expect(run.stderr, wrong[i]!.join(" ")).toContain("usage: maillage report");
    });
    expect(fs.existsSync(path.join(outDir, "no-database-here"))).toBe(false);
    const help = await maillage(["--help"], {});
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--territory CODE");
  }, 180_000);
});
