// Writes the printed GraphQL schema to schema.graphql, which is committed: a test fails when the
// code and this file disagree, so every API change shows up in review.
import fs from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../schema/index.js";

fs.writeFileSync("schema.graphql", `${printSchema(schema)}\n`);
console.log("Wrote schema.graphql");
