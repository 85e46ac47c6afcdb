import type { Plugin } from "graphql-yoga";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import type { Database } from "../../record/database.js";

/**
 * `/healthz` answers while the process runs; `/readyz` answers 503 only while the database does
 * not answer. A graph engine that can be degraded (Neo4j unreachable, writes waiting in the
 * outbox) says so with its backlog, with 200: the record still takes writes.
 */
export function healthChecks(db: Database, graph: GraphEngine): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") return endResponse(fetchAPI.Response.json({ status: "ok" }));
      if (url.pathname === "/readyz") {
        const database = await db.ping().then(
          () => "ok",
          () => "unreachable",
        );
        const ready = database === "ok";
        const engine = "readiness" in graph && typeof graph.readiness === "function" ? await (graph.readiness as () => Promise<{ status: string }>)() : { status: "ok", engine: graph.name };
        const status = !ready ? "not ready" : engine.status === "ok" ? "ready" : "degraded";
        endResponse(fetchAPI.Response.json({ status, database, graph: engine }, { status: ready ? 200 : 503 }));
      }
    },
  };
}
