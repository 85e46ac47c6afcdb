import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { webApp } from "../../server/plugins/webApp.js";
import { createYoga } from "graphql-yoga";

const dist = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-dist-"));
fs.mkdirSync(path.join(dist, "assets"));
fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Maillage</title>");
fs.writeFileSync(path.join(dist, "assets", "main-abc123.js"), "console.log(1)");
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const yoga = createYoga({ plugins: [webApp({ dir: dist })], schema: undefined as never, graphqlEndpoint: "/graphql" });
const get = (p: string) => yoga.fetch(`http://maillage.test${p}`);

describe("the map's static files", () => {
  it("serves index.html at / and for any page path, so deep links reopen their view", async () => {
    for (const p of ["/", "/ecosystem/200071363", "/index.html"]) {
      const response = await get(p);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("<title>Maillage</title>");
    }
  });

  it("caches hashed assets for a year, answers a missing asset 404, and never leaves its folder", async () => {
    const asset = await get("/assets/main-abc123.js");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await get("/assets/missing.js")).status).toBe(404);
    const outside = await get("/..%2f..%2fetc%2fpasswd");
    expect(await outside.text()).not.toContain("root:");
  });
});
