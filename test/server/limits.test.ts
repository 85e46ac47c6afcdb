import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { createLogger } from "../../server/logger.js";
import { createServer, type MaillageYoga } from "../../server/yoga.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** A server on the same database with other limits. */
function serverWith(limits: Partial<typeof DEFAULT_LIMITS>, options: { corsOrigins?: string[] } = {}): MaillageYoga {
  return createServer({ db: api.db, graph: api.graph, logger: createLogger("silent"), limits: { ...DEFAULT_LIMITS, ...limits }, ...options });
}

const post = (yoga: MaillageYoga, body: string, headers: Record<string, string> = {}) =>
  yoga.fetch("http://maillage.test/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const query = (yoga: MaillageYoga, q: string, variables?: unknown) => post(yoga, JSON.stringify({ query: q, variables }));

/** The server still answers an ordinary query after a hostile one. */
async function stillServing(yoga: MaillageYoga) {
  const response = await query(yoga, "{ ecosystems { totalCount } }");
  expect((await response.json()).data.ecosystems.totalCount).toBe(81);
}

describe("hostile documents are refused quickly, and the server keeps serving", () => {
  it("an alias bomb", async () => {
    const bomb = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: ecosystems { totalCount }`).join(" ")} }`;
    const response = await query(api.yoga, bomb);
    expect((await response.json()).errors[0].message).toMatch(/aliases/i);
    await stillServing(api.yoga);
  });

  it("a document of too many tokens", async () => {
    const huge = `{ ${"__typename ".repeat(10_000)} }`;
    const response = await query(api.yoga, huge);
    expect((await response.json()).errors[0].message).toMatch(/token/i);
    await stillServing(api.yoga);
  });

  it("a fragment cycle", async () => {
    const response = await query(api.yoga, `{ actors { ...A } } fragment A on ActorConnection { nodes { id } ...B } fragment B on ActorConnection { ...A }`);
    expect((await response.json()).errors[0].message).toMatch(/within itself|cycle/i);
    await stillServing(api.yoga);
  });

  it("a query nested beyond the depth limit", async () => {
    let nested = "name";
    for (let i = 0; i < 10; i += 1) nested = `memberships { nodes { alliance { members { actor { ${nested} } } } } }`;
    const response = await query(api.yoga, `{ actors(first: 1) { nodes { ${nested} } } }`);
    expect((await response.json()).errors[0].message).toMatch(/depth/i);
    await stillServing(api.yoga);
  });

  it("a body over the size limit, and malformed JSON", async () => {
    const small = serverWith({ maxBodyBytes: 2_048 });
    const big = await query(small, "{ ecosystems { totalCount } }", { padding: "x".repeat(10_000) });
    expect(big.status).toBe(413);
    const malformed = await post(api.yoga, '{"query": "{ ecosystems { totalCount } }"');
    expect(malformed.status).toBe(400);
    await stillServing(small);
  });

  it("text holding a NUL character, which PostgreSQL cannot store", async () => {
    const response = await query(api.yoga, "query ($q: String) { actors(filter: { search: $q }) { totalCount } }", { q: "a\u0000b" });
    expect((await response.json()).errors[0].extensions.code).toBe("input/nul-character");
    await stillServing(api.yoga);
  });

  it("a huge list of variables", async () => {
    const variables = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`v${i}`, i]));
    const response = await query(api.yoga, "query ($v0: Int) { ecosystems(first: $v0) { totalCount } }", variables);
    expect(response.status).toBe(413);
    await stillServing(api.yoga);
  });

  it("an operation that runs past the time limit", async () => {
    // The limit cuts waits (the database here); a computation that holds the CPU finishes first.
    const hasty = serverWith({ requestTimeoutMs: 1 });
    const response = await query(hasty, "{ actors(first: 500) { nodes { memberships(first: 20) { nodes { alliance { members { actor { name } } } } } } } }");
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe("request/timeout");
    await stillServing(api.yoga);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once an address has spent its minute, and counts tokens apart", async () => {
    const strict = serverWith({ anonymousRequestsPerMinute: 3, tokenRequestsPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await query(strict, "{ __typename }")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await query(strict, "{ __typename }");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).errors[0].extensions.code).toBe("request/rate-limited");
    const withToken = await post(strict, JSON.stringify({ query: "{ __typename }" }), { authorization: "Bearer mlg_unknown" });
    expect(withToken.status).toBe(401);
  });
});

describe("browser protections", () => {
  it("refuses a GET without the CSRF header, and sets security headers", async () => {
    const bare = await api.yoga.fetch("http://maillage.test/graphql?query=%7B__typename%7D");
    expect(bare.status).toBe(403);
    const withHeader = await api.yoga.fetch("http://maillage.test/graphql?query=%7B__typename%7D", { headers: { "x-graphql-yoga-csrf": "1" } });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get("x-content-type-options")).toBe("nosniff");
    expect(withHeader.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("allows only the configured origins", async () => {
    const open = serverWith({}, { corsOrigins: ["https://carte.example.org"] });
    const preflight = (origin: string) =>
      open.fetch("http://maillage.test/graphql", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect((await preflight("https://carte.example.org")).headers.get("access-control-allow-origin")).toBe("https://carte.example.org");
    expect((await preflight("https://evil.example.com")).headers.get("access-control-allow-origin")).not.toBe("https://evil.example.com");
  });

  it("masks unexpected errors: no stack, no database message", async () => {
    const response = await query(api.yoga, `{ actors(filter: { territory: "${Buffer.from("Territory:1e99").toString("base64")}" }) { totalCount } }`);
    const text = await response.text();
    expect(text).not.toMatch(/stack|prisma|SELECT|at .*\.ts/i);
  });
});
