import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

// The README's queries are what a newcomer pastes first: each one must run without error.
const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

let api: TestApi;
let variables: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  const sample = await api.gql(`{ ecosystems(first: 1) { nodes { id } } actors(first: 1, filter: { isCatalyst: true }) { nodes { id } } }`);
  variables = { ecosystem: sample.data.ecosystems.nodes[0].id, actor: sample.data.actors.nodes[0].id };
});
afterAll(() => api?.close());

describe("the README's example queries", () => {
  it("are there", () => expect(queries.length).toBeGreaterThanOrEqual(6));

  it.each(queries.map((q, i) => [i + 1, q] as const))("query %i runs anonymously without error", async (_n, query) => {
    const result = await api.gql(query, variables, "ANONYMOUS");
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toMatch(/^\{"[a-zA-Z]+":null\}$/);
  });
});
