import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { operationTypes, outputPath, TARGETS } from "../../scripts/operationTypes.js";

describe("the generated operation types", () => {
  it.each(TARGETS)("$output is what schema.graphql and $queries give now (run npm run graphql:types)", async (target) => {
    expect(fs.readFileSync(outputPath(target), "utf8")).toBe(await operationTypes(target));
  });
});
