// Writes the operation types of the map and the notebook from schema.graphql (scripts/operationTypes.ts).
import fs from "node:fs";
import { operationTypes, outputPath, TARGETS } from "./operationTypes.js";

for (const target of TARGETS) {
  fs.writeFileSync(outputPath(target), await operationTypes(target));
  console.log(`Wrote ${target.output}`);
}
