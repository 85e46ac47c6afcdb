// npx tsx bench/webFps.ts [nodes...]: frames per second of the map while ForceAtlas2 lays out a
// seeded synthetic network (the unlinked #/lab view, drawn by the same NetworkView as an
// ecosystem), in Debian's Chromium driven by playwright-core. WebGL is software-rendered here
// (--disable-gpu: SwiftShader on the CPU), so these are floor figures; a real GPU draws faster.
// `npm run bench` runs it for 3,000 actors (bench/run.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";
import { median } from "./stats.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "web/dist");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };

export interface WebFps {
  nodes: number;
  ties: number;
  /** Frames per second in each second of the layout run. */
  layoutFps: number[];
  /** Frames per second while the camera zooms in and out, after the layout. */
  cameraFps: number | null;
  /** Mean time of a full redraw (reducers, upload, draw), after the layout, in ms. */
  refreshMs: number | null;
}

type LabPage = { __lab?: WebFps & { layoutDone: boolean } };

/** Serves web/dist: the lab view asks nothing of the API, so no database is needed. */
function serveDist(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(DIST, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}`, close: () => server.close() });
    }),
  );
}

/** Opens #/lab?nodes=N for each size and reads the figures the view measures with requestAnimationFrame. */
export async function benchWebFps(sizes: number[] = [3_000]): Promise<WebFps[] | null> {
  if (!fs.existsSync(CHROMIUM)) {
    console.error("web fps: skipped, no /usr/bin/chromium (apt-get install chromium)");
    return null;
  }
  execFileSync(process.execPath, [path.join(ROOT, "web/scripts/ensureBuilt.mjs")], { stdio: "inherit" });
  const site = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const results: WebFps[] = [];
  try {
    for (const nodes of sizes) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${site.url}/#/lab?nodes=${nodes}`);
      await page.waitForFunction(() => (globalThis as LabPage).__lab?.layoutDone === true, null, { timeout: 120_000 });
      await page.click("#lab-camera");
      await page.waitForFunction(() => (globalThis as LabPage).__lab?.cameraFps != null, null, { timeout: 30_000 });
      const lab = (await page.evaluate(() => (globalThis as LabPage).__lab))!;
      results.push({ nodes: lab.nodes, ties: lab.ties, layoutFps: lab.layoutFps, cameraFps: lab.cameraFps, refreshMs: lab.refreshMs });
      await page.close();
    }
  } finally {
    await browser.close();
    site.close();
  }
  return results;
}

/** A markdown table of the figures. */
export function fpsTable(results: WebFps[]): string {
  const rows = results.map((r) => {
    const fps = r.layoutFps.length ? `${median(r.layoutFps)} (${Math.min(...r.layoutFps)}-${Math.max(...r.layoutFps)}, ${r.layoutFps.length} s)` : "-";
    return `| ${r.nodes} / ${r.ties} | ${fps} | ${r.cameraFps ?? "-"} | ${r.refreshMs ?? "-"} |`;
  });
  return [
    "| actors / ties | fps while ForceAtlas2 runs: median (min-max, seconds) | fps while the camera moves | full redraw, ms |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const results = await benchWebFps(sizes.length ? sizes : [500, 3_000]);
  if (results) console.log(`${fpsTable(results)}\n\nChromium headless, --disable-gpu (software WebGL), ${new Date().toISOString()}.`);
}
