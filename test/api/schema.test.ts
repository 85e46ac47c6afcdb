import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../schema/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the contract", () => {
  it("matches the committed schema.graphql (run npm run schema:print after changing the API)", () => {
    expect(`${printSchema(schema)}\n`).toBe(fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8"));
  });

  it("has a migration for every change to prisma/schema.prisma (npm run db:diff -- create <name>)", () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts", "check"], { cwd: ROOT, encoding: "utf8" });
    expect(output).toContain("Migrations match");
  });
});
