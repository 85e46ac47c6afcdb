import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { runFailingStart, startChildServer, type ChildServer } from "../support/childServer.js";

// The whole service as `npm start` runs it, on a copy of the seeded embedded database.
const embedded = !process.env.TEST_DATABASE_URL;
let dataDir: string;
let server: ChildServer;

beforeAll(async () => {
  if (!embedded) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-start-"));
  fs.cpSync(inject("templateDir"), dataDir, { recursive: true });
  server = await startChildServer({ DATA_DIR: dataDir });
});
afterAll(async () => {
  server?.process.kill("SIGKILL");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const query = (url: string, body: string) =>
  fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: body }) });

describe.runIf(embedded)("the service as npm start runs it", () => {
  it("answers health, readiness and a first query", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", graph: { status: "ok", engine: "memory" } });
    const result = await (await query(server.url, "{ ecosystems { totalCount } }")).json();
    expect(result.data.ecosystems.totalCount).toBe(81);
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await graphiql.text()).toContain("GraphiQL");
  });

  it("refuses a second instance on the same data folder with a clear message", async () => {
    const second = await runFailingStart({ DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toContain("is in use by another Maillage process");
    const still = await (await query(server.url, "{ actors { totalCount } }")).json();
    expect(still.data.actors.totalCount).toBeGreaterThan(0);
  });

  it("refuses a bad configuration with a message naming the variable", async () => {
    const bad = await runFailingStart({ DATA_DIR: dataDir, PORT: "http" });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/PORT/);
  });

  it("finishes an in-flight request on SIGTERM, closes cleanly, and reopens with the data intact", async () => {
    const before = await (await query(server.url, "{ actors { totalCount } }")).json();
    const inFlight = query(
      server.url,
      "{ actors(first: 500) { nodes { name memberships(first: 20) { nodes { alliance { name members { actor { name } } } } } } } }",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.process.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).data.actors.nodes).toHaveLength(500);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("stopped cleanly");
    expect(fs.existsSync(path.join(dataDir, "maillage.lock"))).toBe(false);

    server = await startChildServer({ DATA_DIR: dataDir });
    const after = await (await query(server.url, "{ actors { totalCount } }")).json();
    expect(after).toEqual(before);
  });
});
