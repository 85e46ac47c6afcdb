import { useReadinessCheck, type Plugin } from "graphql-yoga";

/** What the readiness check reports. */
export interface Readiness {
  /** "degraded": the record takes writes but the graph engine cannot follow it now. */
  status: "ready" | "not ready" | "degraded";
  database: "ok" | "unreachable";
  graph: { status: "ok" | "degraded"; [detail: string]: unknown };
}

/**
 * `/healthz` answers while the process runs; `/readyz` answers what `check` finds, 503 only
 * while the database does not answer. A degraded graph engine (Neo4j unreachable, writes waiting
 * in the outbox) answers 200: the record still takes writes.
 */
export function healthChecks(check: () => Promise<Readiness>): Plugin[] {
  return [
    {
      onRequest({ url, endResponse, fetchAPI }) {
        if (url.pathname === "/healthz") endResponse(fetchAPI.Response.json({ status: "ok" }));
      },
    },
    useReadinessCheck({
      endpoint: "/readyz",
      check: async ({ fetchAPI }) => {
        const readiness = await check();
        return fetchAPI.Response.json(readiness, { status: readiness.status === "not ready" ? 503 : 200 });
      },
    }),
  ];
}
