/**
 * `npm start`'s "prestart": builds the map into web/dist when it is missing or older than its
 * sources, so a fresh clone (or a pull) serves an up-to-date front-end with no extra step.
 * Without Vite (a production install without dev dependencies) it says what to do instead.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const built = join(web, "dist", "index.html");

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// The map also bundles the record's vocabulary (lists and labels) and the generated enums it reads.
const record = join(web, "..", "record");
const sources = [
  join(web, "src"),
  join(web, "index.html"),
  join(web, "vite.config.ts"),
  join(record, "vocabulary"),
  join(record, "generated", "prisma", "enums.ts"),
];
const stale = !existsSync(built) || Math.max(...sources.filter((path) => existsSync(path)).map(newest)) > statSync(built).mtimeMs;
if (!stale) process.exit(0);

let build;
try {
  ({ build } = await import("vite"));
} catch {
  console.warn("maillage: web/dist is missing or stale and Vite is not installed; run `npm install` then `npm run build`. The API starts anyway.");
  process.exit(0);
}
console.log("maillage: building the map (web/dist)…");
await build({ configFile: join(web, "vite.config.ts"), logLevel: "warn" });
