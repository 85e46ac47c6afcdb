import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

// What the browser suites share: Debian's Chromium driven by playwright-core (never
// `npx playwright install`), the built front-end, and a private copy of the seeded database.
// Without Chromium the suites are skipped, except in CI, where it is required.
export const CHROMIUM = "/usr/bin/chromium";
export const browserAvailable = fs.existsSync(CHROMIUM) && !process.env.TEST_DATABASE_URL;
if (!browserAvailable && process.env.CI === "true" && !process.env.TEST_DATABASE_URL)
  throw new Error("browser tests: /usr/bin/chromium is required in CI (apt-get install chromium)");
if (!browserAvailable) console.log("browser tests skipped: no /usr/bin/chromium (apt-get install chromium)");

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Builds web/dist when missing or older than its sources, as `npm start` does. */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, "web/scripts/ensureBuilt.mjs")], { stdio: "inherit" });
}

/** A private copy of the seeded template database, for a server of this suite's own. */
export function copyTemplate(prefix: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(inject("templateDir"), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, "maillage.lock"), { force: true });
  return dataDir;
}

/** Headless Chromium, software-rendered (--disable-gpu), with every error the page logs collected. */
export async function launchChromium(): Promise<{ browser: Browser; page: Page; consoleErrors: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  return { browser, page, consoleErrors };
}
