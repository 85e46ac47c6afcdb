import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChildServer, type ChildServer } from "../support/childServer.js";
import { browserAvailable as available, copyTemplate, ensureWebBuilt, launchChromium } from "./support.js";

// The map as a person uses it: Debian's Chromium driven by playwright-core against the service
// as `npm start` runs it, with the built front-end. Screenshots of each step go to a folder this
// test prints.
const shots = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-screens-"));
let server: ChildServer;
let browser: Browser;
let page: Page;
let dataDir: string;
let consoleErrors: string[] = [];

beforeAll(async () => {
  if (!available) return;
  ensureWebBuilt();
  dataDir = copyTemplate("maillage-browser-");
  server = await startChildServer({ DATA_DIR: dataDir, RATE_LIMIT_ANONYMOUS_PER_MINUTE: "100000" });
  ({ browser, page, consoleErrors } = await launchChromium());
  console.log(`browser screenshots: ${shots}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.process.kill("SIGTERM");
  await server?.exited;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

describe.runIf(available)("the map in a browser", () => {
  it("opens France at a glance quickly, with the 81 ecosystems", async () => {
    const started = Date.now();
    await page.goto(`${server.url}/`);
    await page.locator("a.eco").first().waitFor();
    const loadMs = Date.now() - started;
    console.log(`overview loaded in ${loadMs} ms`);
    expect(await page.locator("a.eco").count()).toBe(81);
    await shot("1-overview");
  });

  it("opens a territory and draws its network with every actor", async () => {
    const first = page.locator("a.eco").first();
    const href = (await first.getAttribute("href"))!;
    const code = /ecosystem\/([^?&]+)/.exec(href)![1]!;
    await first.click();
    const expected = await api<{ ecosystem: { actors: { totalCount: number } } }>(`{ ecosystem(territoryCode: "${code}") { actors { totalCount } } }`);
    const shown = page.getByText(new RegExp(`^${expected.ecosystem.actors.totalCount} acteurs,`));
    await shown.waitFor({ timeout: 30_000 });
    expect(await page.locator("canvas").count()).toBeGreaterThan(0);
    // The printable observation notebook, rendered by the service, one link away.
    const notebook = (await page.locator(".notebook-link a").getAttribute("href"))!;
    expect(notebook).toBe(`/report/${code}?lang=fr`);
    const report = await fetch(`${server.url}${notebook}`);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("<svg");
    await page.waitForTimeout(1_500);
    await shot("2-ecosystem");
  });

  it("opens an actor and shows its peers with their reasons", async () => {
    const catalyst = await api<{ actors: { nodes: { id: string; name: string }[] } }>(
      `{ actors(first: 1, filter: { isCatalyst: true }) { nodes { id name } } }`,
    );
    const actor = catalyst.actors.nodes[0]!;
    await page.goto(`${server.url}/#/actor/${encodeURIComponent(actor.id)}`);
    await page.getByRole("heading", { name: actor.name }).waitFor({ timeout: 30_000 });
    await page.locator("ul.reasons").first().waitFor({ timeout: 30_000 });
    expect(await page.locator("ul.reasons").count()).toBeGreaterThan(0);
    await shot("3-actor-peers");
  });

  it("switches to English with one click", async () => {
    await page.locator("#lang").click();
    await page.getByText("Français").first().waitFor();
    expect(page.url()).toContain("lang=en");
    await shot("4-english");
  });

  it("logged no error in the browser console", () => {
    expect(consoleErrors).toEqual([]);
  });
});
