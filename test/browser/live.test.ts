import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../server/auth.js";
import { openDatabase } from "../../record/database.js";
import { startChildServer, type ChildServer } from "../support/childServer.js";
import { mutationDocuments } from "../support/mutationDocuments.js";
import { browserAvailable as available, copyTemplate, ensureWebBuilt, launchChromium } from "./support.js";

// Live updates end to end: an ecosystem open in Chromium, records added through the API by an
// editor, and the map redrawn without a reload; then the server's side of the subscriptions
// over real HTTP: slots freed when clients leave, streams completed on SIGTERM.
const shots = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-live-screens-"));
let server: ChildServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];
let dataDir: string;
let editorToken: string;

beforeAll(async () => {
  if (!available) return;
  ensureWebBuilt();
  dataDir = copyTemplate("maillage-live-");
  // The embedded database opens in one process at a time: the token is made before the server starts.
  const db = await openDatabase({ dataDir });
  editorToken = (await createToken(db.prisma, "EDITOR", "live browser test")).token;
  await db.close();
  server = await startChildServer({ DATA_DIR: dataDir, RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000", SHUTDOWN_TIMEOUT_MS: "120000" });
  ({ browser, page, consoleErrors } = await launchChromium());
  console.log(`live screenshots: ${shots}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server?.process.exitCode === null) server.process.kill("SIGTERM");
  await server?.exited;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Opens a subscription over real HTTP and waits for the server's first ping; returns its status and reader. */
async function openSubscription(code: string) {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query: `subscription ($code: String!) { ecosystemChanged(territoryCode: $code) { graphVersion } }`, variables: { code } }),
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  await reader.read();
  const rest = async () => {
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return text;
      text += new TextDecoder().decode(value);
    }
  };
  return { status: response.status, close: () => abort.abort(), rest };
}

const visible = (nodes: number, ties: number) => new RegExp(`^${nodes} acteurs?, ${ties} liens? affichés`);
let code: string;

describe.runIf(available)("live updates in a browser", () => {
  it("redraws an open ecosystem when an actor and an alliance are added, without a reload", async () => {
    const { ecosystems } = await api(`{ ecosystems(first: 1) { nodes { territory { id code } } } }`);
    code = ecosystems.nodes[0].territory.code;
    const territory = ecosystems.nodes[0].territory.id;
    const NETWORK = `query ($code: String!) { ecosystem(territoryCode: $code) { network { nodes { id } ties { source } } } }`;
    const before = (await api(NETWORK, { code })).ecosystem.network;

    await page.goto(`${server.url}/#/ecosystem/${code}`);
    await page.getByText(visible(before.nodes.length, before.ties.length)).waitFor({ timeout: 60_000 });
    await page.locator('#live-state[data-live="open"]').waitFor({ timeout: 30_000 });
    await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const actor = await api(
      mutationDocuments("Actor", "id").CREATE,
      { input: { name: "Tiers-lieu des Communs", kind: "ASSOCIATION", territories: [territory] } },
      editorToken,
    );
    const newcomer = actor.createActor.actor.id;
    await api(
      mutationDocuments("Alliance", "id").CREATE,
      {
        input: {
          name: "Accueil du tiers-lieu",
          startDate: "2025-03-01",
          members: [
            { actor: newcomer, role: "LEAD" },
            { actor: before.nodes[0].id, role: "PARTNER" },
          ],
        },
      },
      editorToken,
    );
    const after = (await api(NETWORK, { code })).ecosystem.network;
    expect([after.nodes.length, after.ties.length]).toEqual([before.nodes.length + 1, before.ties.length + 1]);

    await page.getByText(visible(after.nodes.length, after.ties.length)).waitFor({ timeout: 60_000 });
    await page.getByText("Réseau mis à jour").waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await page.screenshot({ path: path.join(shots, "1-live-update.png") });
  });

  it("unsubscribes when the view changes, and frees a client's slots when it leaves", async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator("a.eco").first().waitFor();
    // Four subscriptions per client (the default), the page's included: it must have let its own go.
    const four = await Promise.all([1, 2, 3, 4].map(() => openSubscription(code)));
    expect(four.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const fifth = await openSubscription(code);
    expect(fifth.status).toBe(429);
    for (const s of four) s.close();
    await expect
      .poll(
        async () => {
          const again = await openSubscription(code);
          again.close();
          return again.status;
        },
        { timeout: 30_000 },
      )
      .toBe(200);
  });

  it("completes open streams on SIGTERM and stops cleanly", async () => {
    const open = await openSubscription(code);
    expect(open.status).toBe(200);
    server.process.kill("SIGTERM");
    expect(await open.rest()).toContain("event: complete");
    expect(await server.exited).toBe(0);
    const closed = /"subscriptions":(\d+)[^\n]*"msg":"live subscriptions closed"/.exec(server.output());
    expect(Number(closed?.[1])).toBeGreaterThanOrEqual(1);
    expect(server.output()).toContain("stopped cleanly");
  });

  it("logged no error in the browser console", () => {
    expect(consoleErrors).toEqual([]);
  });
});
