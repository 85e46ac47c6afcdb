import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers, bottom to top: record/ ← graph/ ← schema/ ← server/. A file may import its own
 * layer and the layers below it, never one above: that is what lets the record, the network and
 * the API be read, tested and replaced one at a time. README's "How it is built" says what each
 * layer holds.
 */
const LAYERS = ["record", "graph", "schema", "server"] as const;
type Layer = (typeof LAYERS)[number];

const root = path.resolve(import.meta.dirname, "../..");
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** The relative imports of a file, resolved to paths from the repository root. */
function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier?.startsWith(".")) found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
  }
  return found;
}

const layerOf = (file: string): Layer | undefined => LAYERS.find((layer) => file.startsWith(`${layer}/`));

/** Every import that points from a layer to one above it, as "from -> to". */
function upwardImports(): string[] {
  return LAYERS.flatMap((layer) =>
    sourceFiles(layer).flatMap((file) =>
      importsOf(file, fs.readFileSync(path.join(root, file), "utf8"))
        .filter((target) => {
          const above = layerOf(target);
          return above !== undefined && LAYERS.indexOf(above) > LAYERS.indexOf(layer);
        })
        .map((target) => `${file} -> ${target}`),
    ),
  );
}

describe("layers", () => {
  it("point one way: record/ is imported by graph/, graph/ by schema/, schema/ by server/, never the reverse", () => {
    expect(upwardImports()).toEqual([]);
  });

  it("leave bench/ out: the benchmark and its estimators import the layers, never the reverse", () => {
    const intoBench = LAYERS.flatMap((layer) =>
      sourceFiles(layer).flatMap((file) =>
        importsOf(file, fs.readFileSync(path.join(root, file), "utf8"))
          .filter((target) => target.startsWith("bench/"))
          .map((target) => `${file} -> ${target}`),
      ),
    );
    expect(intoBench).toEqual([]);
  });

  it("reads every form of import, so a file cannot slip past the rule", () => {
    const text = [
      'import { a } from "../server/a.js";',
      "import type { B } from '../schema/b.js';",
      'export { c } from "../server/c.js";',
      'const d = await import("../server/d.js");',
      'import "../server/e.js";',
      'import {\n  f,\n  g,\n} from "../server/fg.js";',
      'import { h } from "zod";',
    ].join("\n");
    expect(importsOf("graph/x.ts", text)).toEqual(["server/a.js", "schema/b.js", "server/c.js", "server/d.js", "server/e.js", "server/fg.js"]);
    expect(layerOf("server/a.js")).toBe("server");
    expect(layerOf("serverless/a.js")).toBeUndefined();
  });
});
