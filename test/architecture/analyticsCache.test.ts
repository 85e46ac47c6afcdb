import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What is cached per network version is named in one place, graph/analytics/cacheKeys.ts: a
 * file that called the engine's `cached` with a key of its own could collide with another
 * analytic's key, or compute twice what another caller already cached under another name.
 */
const root = path.resolve(import.meta.dirname, "../..");
const ALLOWED = ["graph/analytics/cacheKeys.ts", "graph/engines/"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return entry.name.endsWith(".ts") ? [relative] : [];
  });
}

describe("the analytics cache", () => {
  it("is entered only through the analytics service's typed keys", () => {
    const callers = ["graph", "schema", "server"]
      .flatMap(sourceFiles)
      .filter((file) => !ALLOWED.some((allowed) => file.startsWith(allowed)))
      .filter((file) => /\.cached\s*[<(]/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(callers).toEqual([]);
  });
});
