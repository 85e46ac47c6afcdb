import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

// The GraphQL-over-HTTP specification as graphql-http's audits state it. GET requests carry the
// CSRF header, as a browser client of this API must.
const audits = serverAudits({
  url: "http://maillage.test/graphql",
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set("x-graphql-yoga-csrf", "1");
    return api.yoga.fetch(input as string, { ...init, headers });
  },
});

describe("GraphQL over HTTP", () => {
  it.each(audits.filter((audit) => audit.name.startsWith("MUST")).map((audit) => [audit.name, audit] as const))("%s", async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status, "reason" in result ? result.reason : "").toBe("ok");
  });
});
