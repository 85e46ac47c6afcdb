// Writes the import templates of this folder from the import format's own definition
// (record/imports/importTemplates.ts):  npx tsx templates/import/generate.ts
// test/imports/templates.test.ts regenerates them and fails when they differ from what is here.
import path from "node:path";
import { writeTemplates } from "../../record/imports/importTemplates.js";

const written = await writeTemplates(path.resolve(import.meta.dirname));
console.log(`Wrote ${written.join(", ")} in templates/import/`);
