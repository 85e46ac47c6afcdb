import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { createLogger } from "../../server/logger.js";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { createServer } from "../../server/yoga.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { exportText, fetchExport, tokensFor } from "./support.js";

/** The API's access rules hold over GET /export: who may export, and who gets personal data. */
const CODE = "200071363";
const SCOPE = `territory:${CODE}`;

let api: TestApi;
let tokens: Record<Role, string>;
let people: { name: string; email: string | null }[];

beforeAll(async () => {
  api = await startTestApi();
  tokens = await tokensFor(api);
  people = await api.db.prisma.person.findMany({
    where: { actor: { territories: { some: { territory: { code: CODE, level: "EPCI" } } } } },
    select: { name: true, email: true },
  });
  expect(people.length).toBeGreaterThan(0);
});
afterAll(() => api?.close());

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = await response.json();
  return { status: response.status, code: body.errors[0].extensions.code, message: body.errors[0].message };
}

describe("who may export", () => {
  it("refuses an anonymous request with 401 and a JSON error naming the roles that may", async () => {
    const response = await fetchExport(api, { format: "gexf", scope: SCOPE });
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await errorOf(response)).toMatchObject({ status: 401, code: "auth/unauthenticated", message: expect.stringContaining("RESEARCHER") });
  });

  it("refuses an unknown token with 401, as the API does", async () => {
    expect(await errorOf(await fetchExport(api, { format: "gexf", scope: SCOPE }, "mlg_not-a-token"))).toMatchObject({
      status: 401,
      code: "auth/invalid-token",
    });
  });

  it("refuses a catalyst's token with 403: it speaks for one actor, not for the network", async () => {
    expect(await errorOf(await fetchExport(api, { format: "gexf", scope: SCOPE }, tokens.CATALYST))).toMatchObject({ status: 403, code: "auth/forbidden" });
  });

  it("answers GET only", async () => {
    const response = await fetchExport(api, { format: "gexf", scope: SCOPE }, tokens.RESEARCHER, { method: "POST" });
    expect(response.headers.get("allow")).toBe("GET");
    expect((await errorOf(response)).status).toBe(405);
  });
});

describe("personal data in exports", () => {
  it("gives a researcher no contact even when asked, and says so", async () => {
    for (const format of ["gexf", "jgf", "jsonld"]) {
      const { text, response } = await exportText(api, { format, scope: SCOPE, people: "true" }, tokens.RESEARCHER);
      expect(response.headers.get("x-maillage-people")).toBe("refused");
      expect(text).not.toContain("contacts");
      expect(text).not.toContain("schema:Person");
      for (const person of people) {
        expect(text).not.toContain(person.name);
        if (person.email) expect(text).not.toContain(person.email);
      }
    }
  });

  it("gives editors and admins the contacts when they ask, and only then", async () => {
    for (const role of ["EDITOR", "ADMIN"] as const) {
      const { text, response } = await exportText(api, { format: "jgf", scope: SCOPE, people: "true" }, tokens[role]);
      expect(response.headers.get("x-maillage-people")).toBe("included");
      const { graph } = JSON.parse(text);
      const contacts = Object.values(graph.nodes as Record<string, { metadata: { contacts: { name: string; email: string | null }[] } }>).flatMap(
        (n) => n.metadata.contacts,
      );
      expect(contacts.map((c) => c.email).sort()).toEqual(people.map((p) => p.email).sort());
    }
    const { text, response } = await exportText(api, { format: "gexf", scope: SCOPE }, tokens.ADMIN);
    expect(response.headers.get("x-maillage-people")).toBe("not-asked");
    for (const person of people) expect(text).not.toContain(person.name);
  });

  it("includes contacts for exactly the roles the API shows Actor.contacts to", async () => {
    for (const role of ["RESEARCHER", "EDITOR", "ADMIN"] as const) {
      const viaApi = await api.gql(`{ actors(first: 1) { nodes { contacts { name } } } }`, {}, role);
      const { response } = await exportText(api, { format: "csv", part: "nodes", scope: SCOPE, people: "true" }, tokens[role]);
      expect(response.headers.get("x-maillage-people") === "included").toBe(viaApi.errors === undefined);
    }
  });

  it("keeps files with personal data out of shared caches", async () => {
    const { response } = await exportText(api, { format: "jsonld", scope: SCOPE, people: "true" }, tokens.ADMIN);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("bad requests", () => {
  it("answers 400 with a message naming each wrong parameter", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ scope: SCOPE }, /format: is required/],
      [{ format: "pdf", scope: SCOPE }, /format: must be one of gexf, graphml, csv, jgf, jsonld/],
      [{ format: "gexf", scope: "region" }, /scope: "region" is not a scope: write national, region:<code>/],
      [{ format: "gexf", scope: SCOPE, profile: "ECONOMIC,BANKS" }, /profile: "BANKS" is not one of ECONOMIC/],
      [{ format: "gexf", scope: SCOPE, asOf: "2999-01-01" }, /asOf: must not be after today/],
      [{ format: "gexf", scope: SCOPE, from: "2025-02-30" }, /from: must be a real date/],
      [{ format: "gexf", scope: SCOPE, from: "2025-01-01", to: "2024-01-01" }, /from: must not be after to/],
      [{ format: "gexf", scope: SCOPE, people: "perhaps" }, /people: must be true or false/],
      [{ format: "gexf", scope: SCOPE, colour: "red" }, /unknown parameter colour/],
      [{ format: "csv", scope: SCOPE }, /part: csv is 2 documents, choose one with part=nodes\|ties/],
      [{ format: "gexf", scope: SCOPE, part: "nodes" }, /part: only the csv format has parts/],
      [{ format: "gexf", scope: "territory:84" }, /names several territories \(REGION, DEPARTEMENT\): write territory:<LEVEL>:84/],
    ];
    for (const [params, message] of cases) {
      const error = await errorOf(await fetchExport(api, params, tokens.RESEARCHER));
      expect(error, JSON.stringify(params)).toMatchObject({ status: 400, code: "input/invalid" });
      expect(error.message).toMatch(message);
    }
  });

  it("answers 404 for a région or territory that does not exist", async () => {
    expect(await errorOf(await fetchExport(api, { format: "gexf", scope: "region:99" }, tokens.RESEARCHER))).toMatchObject({
      status: 404,
      code: "record/not-found",
      message: 'No région has the code "99".',
    });
    expect((await errorOf(await fetchExport(api, { format: "gexf", scope: "territory:EPCI:000000000" }, tokens.RESEARCHER))).status).toBe(404);
  });
});

describe("with the rest of the server", () => {
  it("answers /export itself when the map is served too, not with the map's page", async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>map</title>");
    try {
      const yoga = createServer({ db: api.db, graph: api.graph, logger: createLogger("silent"), webDir });
      const response = await yoga.fetch(`http://maillage.test/export?format=gexf&scope=${SCOPE}`);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/json");
    } finally {
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it("count exports in the rate limits as they count GraphQL requests, per token", async () => {
    const limits = { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 2 };
    const yoga = createServer({ db: api.db, graph: api.graph, logger: createLogger("silent"), limits });
    const get = () => yoga.fetch(`http://maillage.test/export?format=pdf&scope=${SCOPE}`, { headers: { authorization: `Bearer ${tokens.RESEARCHER}` } });
    expect((await get()).status).toBe(400);
    expect((await get()).status).toBe(400);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
