import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ES builds; Node gives Pothos and Yoga the CommonJS one, so the
    // project's own files must get the same, or two copies of every type class meet.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Builds (or reuses) one migrated, seeded template database; each test file gets a copy.
    globalSetup: ["test/support/globalSetup.ts"],
    pool: "forks",
    // With the API over Neo4j (test/support/testApi.ts), files share its one database: one at a time.
    fileParallelism: process.env.TEST_GRAPH_ENGINE !== "neo4j",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
