import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createToken } from "../../server/auth.js";
import { openDatabase } from "../../record/database.js";
import { startChildServer, type ChildServer } from "../support/childServer.js";

// kill -9 in the middle of a burst of writes, on the embedded database, then restart: every
// write the server acknowledged is there, and nothing half-written is.
const embedded = !process.env.TEST_DATABASE_URL;
let dataDir: string | undefined;
let server: ChildServer | undefined;
afterAll(() => {
  server?.process.kill("SIGKILL");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const CREATE = `mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) { __typename ... on CreateAllianceSuccess { alliance { id } } } }`;

describe.runIf(embedded)("a crash mid-burst", () => {
  it("loses no acknowledged write and leaves nothing half-written", async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-crash-"));
    fs.cpSync(inject("templateDir"), dataDir, { recursive: true });
    const setup = await openDatabase({ dataDir });
    const { token } = await createToken(setup.prisma, "EDITOR", "crash test");
    const actors = (await setup.prisma.actor.findMany({ select: { id: true }, take: 40, orderBy: { id: "asc" } })).map((a) =>
      Buffer.from(`Actor:${a.id}`).toString("base64"),
    );
    await setup.close();

    server = await startChildServer({ DATA_DIR: dataDir, RATE_LIMIT_TOKEN_PER_MINUTE: "100000" });
    const acknowledged: string[] = [];
    let sent = 0;
    const writer = async () => {
      for (;;) {
        const i = sent++;
        const input = {
          name: `Rafale ${i}`,
          startDate: "2026-06-01",
          members: [{ actor: actors[i % 40] }, { actor: actors[(i + 1) % 40] }, { actor: actors[(i + 7) % 40] }],
        };
        try {
          const response = await fetch(`${server!.url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: CREATE, variables: { input } }),
          });
          const body = await response.json();
          if (body.data?.createAlliance?.alliance) acknowledged.push(body.data.createAlliance.alliance.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    // Kill once a burst is well under way, however slow the machine is today.
    for (let waited = 0; acknowledged.length < 10 && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    server.process.kill("SIGKILL");
    await Promise.all(writers);
    await server.exited;
    expect(acknowledged.length).toBeGreaterThan(5);

    server = await startChildServer({ DATA_DIR: dataDir });
    const ids = JSON.stringify(acknowledged);
    const check = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ alliances(filter: { search: "Rafale" }, first: 500) { totalCount nodes { id members { role } } } }` }),
    });
    const found = (await check.json()).data.alliances;
    const present = new Set(found.nodes.map((n: { id: string }) => n.id));
    const lost = acknowledged.filter((id) => !present.has(id));
    expect(lost, `lost acknowledged writes out of ${ids.length}`).toEqual([]);
    // Nothing half-written: every alliance that exists has its three members.
    expect(found.nodes.every((n: { members: unknown[] }) => n.members.length === 3)).toBe(true);
    // At most the writes in flight at the kill may have committed without an answer.
    expect(found.totalCount - acknowledged.length).toBeLessThanOrEqual(4);
    console.log(`crash test: ${sent} writes sent, ${acknowledged.length} acknowledged, ${found.totalCount} present after restart, 0 lost`);
  });
});
