import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const maillage = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, "bin/maillage.mjs"), ...args], { encoding: "utf8", env: { ...process.env, ...env } });

describe("the maillage command", () => {
  it("lists its commands, and answers an unknown one with usage and exit code 2", () => {
    const help = maillage(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/serve.*\n.*migrate.*\n.*seed.*\n.*token/s);
    const wrong = maillage(["frobnicate"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown command "frobnicate"');
  });

  it("migrates a new database, and creates and lists tokens, refusing a bad command line with exit code 1", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-cli-"));
    try {
      expect(maillage(["migrate"], { DATA_DIR: dataDir }).stdout).toContain("Applied:");
      const created = maillage(["token", "create", "--role", "researcher", "--label", "Équipe de recherche"], { DATA_DIR: dataDir });
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(/mlg_[\w-]{40,}/);
      expect(maillage(["token", "list"], { DATA_DIR: dataDir }).stdout).toContain("Équipe de recherche");
      const bad = maillage(["token", "create", "--role", "KING", "--label", "x"], { DATA_DIR: dataDir });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("usage");
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
