import type { Plugin } from "graphql-yoga";
import type { Database } from "../database.js";

/** `/healthz` answers while the process runs; `/readyz` only while the database answers. */
export function healthChecks(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") return endResponse(fetchAPI.Response.json({ status: "ok" }));
      if (url.pathname === "/readyz") {
        const database = await db.ping().then(
          () => "ok",
          () => "unreachable",
        );
        const ready = database === "ok";
        endResponse(fetchAPI.Response.json({ status: ready ? "ready" : "not ready", database }, { status: ready ? 200 : 503 }));
      }
    },
  };
}
