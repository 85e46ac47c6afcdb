/**
 * The result and variable types of the GraphQL operations that the map (web/) and the printed
 * notebook (server/report/) send, generated from schema.graphql by graphql-codegen's
 * typescript-operations and committed beside their queries. `npm run graphql:types` writes them;
 * test/web/generatedTypes.test.ts fails when a committed file is not what this gives now.
 *
 * The documents are read from the query modules as they run, not plucked from their source: the
 * queries splice shared selections into template strings, which a source scan would drop, and
 * this way the types describe exactly the text that is sent.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { codegen } from "@graphql-codegen/core";
import * as typescriptOperations from "@graphql-codegen/typescript-operations";
import { buildSchema, parse } from "graphql";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface OperationTypesTarget {
  /** The module whose exported `{ text }` documents are the operations. */
  queries: string;
  output: string;
}

export const TARGETS: readonly OperationTypesTarget[] = [
  { queries: "web/src/api/queries.ts", output: "web/src/api/operations.generated.ts" },
  { queries: "server/report/queries.ts", output: "server/report/operations.generated.ts" },
];

const CONFIG = {
  // Responses carry no __typename: none of these operations asks for it.
  skipTypename: true,
  // Both travel as JSON strings; global ids are always sent as strings.
  scalars: { Date: "string", DateTime: "string", ID: { input: "string", output: "string" } },
};

/** In the order of their export names, which does not depend on how the module was loaded. */
function operationTexts(module: Record<string, unknown>): string[] {
  const byName = Object.entries(module).sort(([a], [b]) => (a < b ? -1 : 1));
  return byName.flatMap(([, value]) => {
    const text: unknown = typeof value === "object" && value !== null && "text" in value ? value.text : undefined;
    return typeof text === "string" ? [text] : [];
  });
}

/** The generated file for `target`, from schema.graphql as it is on disk. */
export async function operationTypes(target: OperationTypesTarget): Promise<string> {
  const sdl = fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8");
  const module = (await import(pathToFileURL(path.join(ROOT, target.queries)).href)) as Record<string, unknown>;
  const documents = operationTexts(module).map((text) => ({ location: target.queries, document: parse(text) }));
  const types = await codegen({
    filename: target.output,
    schema: parse(sdl),
    schemaAst: buildSchema(sdl),
    documents,
    config: CONFIG,
    plugins: [{ "typescript-operations": {} }],
    pluginMap: { "typescript-operations": typescriptOperations },
  });
  return `// Generated from schema.graphql and the operations of ${target.queries} by \`npm run graphql:types\`: do not edit.\n\n${types}`;
}

export const outputPath = (target: OperationTypesTarget): string => path.join(ROOT, target.output);
