import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import { authenticate } from "../auth.js";
import type { Viewer } from "../../schema/context.js";
import { mayExport, mayReadPersonalData } from "../exports/access.js";
import { buildExportDataset } from "../exports/buildDataset.js";
import { EXPORT_WRITERS, exportFileName, inPieces } from "../exports/registry.js";
import { paramsOf, parseExportRequest } from "../exports/request.js";
import { ExportScopeError } from "../exports/scope.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import type { JwtVerifier } from "../jwt.js";
import type { Logger } from "../logger.js";

export interface ExportsOptions {
  prisma: PrismaClient;
  graph: GraphEngine;
  logger: Logger;
  /** The single sign-on verifier the API accepts JWTs with, if any: the same bearer tokens work here. @default undefined */
  jwt?: JwtVerifier | undefined;
}

type FetchAPI = { Response: typeof Response; ReadableStream: typeof ReadableStream };
type Fail = (status: number, code: string, message: string, headers?: Record<string, string>) => Response;

/**
 * `GET /export?format=gexf|graphml|csv|jgf|jsonld&scope=...`: the network as a file
 * (docs/export.md), under the API's tokens and rules (server/exports/access.ts). Errors answer
 * JSON in the API's shape, `{ errors: [{ message, extensions: { code } }] }`. The file streams
 * out in pieces once the network is read. Rate limits apply as to /graphql (plugins/rateLimit.ts).
 */
export function exportsPlugin({ prisma, graph, logger, jwt }: ExportsOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/export") return;
      const fail: Fail = (status, code, message, headers = {}) =>
        fetchAPI.Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { "cache-control": "no-store", ...headers } });
      endResponse(
        await answer(request, url, fail, fetchAPI).catch((error: unknown) => {
          logger.error({ err: error }, "export failed");
          return fail(500, "internal", "Unexpected error.");
        }),
      );
    },
  };

  async function answer(request: Request, url: URL, fail: Fail, fetchAPI: FetchAPI): Promise<Response> {
    if (request.method !== "GET") return fail(405, "request/method-not-allowed", "Exports answer GET only.", { allow: "GET" });
    const viewer = await viewerOf(request);
    if (viewer instanceof GraphQLError) {
      // authenticate() says how to answer: 401 for a bad token, 503 when the issuer's keys are out of reach.
      const http = (viewer.extensions.http ?? {}) as { status?: number; headers?: Record<string, string> };
      return fail(http.status ?? 401, String(viewer.extensions.code), viewer.message, http.headers);
    }
    if (viewer.role === null)
      return fail(401, "auth/unauthenticated", "Exports need an API token with the RESEARCHER, EDITOR or ADMIN role.", {
        "www-authenticate": 'Bearer realm="maillage"',
      });
    if (!mayExport(viewer)) return fail(403, "auth/forbidden", `The ${viewer.role} role may not export the network: RESEARCHER, EDITOR or ADMIN may.`);

    const parsed = parseExportRequest(paramsOf(url.searchParams));
    if (!parsed.ok) return fail(400, "input/invalid", parsed.message);
    const { request: wanted } = parsed;
    const writer = EXPORT_WRITERS[wanted.format];
    if (writer.parts && !wanted.part)
      return fail(400, "input/invalid", `part: ${wanted.format} is ${writer.parts.length} documents, choose one with part=${writer.parts.join("|")}`);

    const peopleAllowed = mayReadPersonalData(viewer);
    const dataset = await buildExportDataset({ prisma, graph }, wanted, { peopleAllowed }).catch((error: unknown) => {
      if (error instanceof ExportScopeError) return error;
      throw error;
    });
    if (dataset instanceof ExportScopeError)
      return fail(dataset.reason === "not-found" ? 404 : 400, dataset.reason === "not-found" ? "record/not-found" : "input/invalid", dataset.message);

    // Counts only: never a name or a contact in the logs.
    logger.info(
      {
        format: wanted.format,
        scope: dataset.meta.scope,
        role: viewer.role,
        nodes: dataset.nodes.length,
        ties: dataset.ties.length,
        people: dataset.peopleIncluded,
      },
      "export",
    );
    const pieces = inPieces(writer.write(dataset, wanted.part));
    const encoder = new TextEncoder();
    const body = new fetchAPI.ReadableStream({
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return(undefined);
      },
    });
    return new fetchAPI.Response(body, {
      headers: {
        "content-type": writer.contentType,
        "content-disposition": `attachment; filename="${exportFileName(dataset, wanted.format, wanted.part)}"`,
        // A file may hold personal data: no shared cache keeps it.
        "cache-control": "no-store",
        "x-maillage-graph-version": dataset.meta.graphVersion,
        "x-maillage-people": dataset.peopleIncluded ? "included" : wanted.people ? "refused" : "not-asked",
      },
    });
  }

  async function viewerOf(request: Request): Promise<Viewer | GraphQLError> {
    try {
      return await authenticate(prisma, request.headers.get("authorization"), jwt);
    } catch (error) {
      if (error instanceof GraphQLError) return error;
      throw error;
    }
  }
}
