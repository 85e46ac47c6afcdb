import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import type { Database } from "../../record/database.js";
import type { Limits } from "../../schema/limits.js";
import { PdfPrinter, PdfUnavailableError, type PdfPrinterOptions } from "../report/pdfPrinter.js";
import { buildReport, ReportRequest } from "../report/report.js";

const PREFIX = "/report/";

export interface ReportOptions {
  db: Database;
  graph: GraphEngine;
  logger: Logger;
  /** @default DEFAULT_LIMITS */
  limits?: Limits | undefined;
  /** How PDFs are printed; one printer (one browser) per server. @default a PdfPrinter with its defaults */
  printer?: PdfPrinterOptions;
}

/**
 * `GET /report/<territoryCode>?lang=fr|en&format=html|pdf`: an ecosystem's observation notebook
 * (server/report/), public like the anonymous API it is computed from. 400 for bad parameters,
 * 404 for a territory without an ecosystem, 503 for a PDF when Chromium is missing. The browser
 * that prints PDFs starts on the first PDF asked and closes when the server is disposed.
 */
export function report({ db, graph, logger, limits, printer: printerOptions }: ReportOptions): Plugin {
  const printer = new PdfPrinter(printerOptions);
  const problem = (fetchAPI: { Response: typeof Response }, status: number, message: string, issues?: unknown) =>
    fetchAPI.Response.json({ error: message, ...(issues !== undefined && { issues }) }, { status, headers: { "cache-control": "no-store" } });
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(PREFIX)) return;
      if (request.method !== "GET" && request.method !== "HEAD") return endResponse(problem(fetchAPI, 405, "use GET"));
      let territoryCode: string;
      try {
        territoryCode = decodeURIComponent(url.pathname.slice(PREFIX.length));
      } catch {
        return endResponse(problem(fetchAPI, 400, "the territory code is not valid URL encoding"));
      }
      const known = new Set(["lang", "format"]);
      const unknown = [...url.searchParams.keys()].filter((key) => !known.has(key));
      if (unknown.length > 0) return endResponse(problem(fetchAPI, 400, `unknown parameter: ${unknown.join(", ")}`));
      const parsed = ReportRequest.safeParse({
        territoryCode,
        lang: url.searchParams.get("lang") ?? undefined,
        format: url.searchParams.get("format") ?? undefined,
      });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ parameter: issue.path.join("."), message: issue.message }));
        return endResponse(problem(fetchAPI, 400, "invalid parameters", issues));
      }
      try {
        const rendered = await buildReport({ prisma: db.prisma, graph, logger, limits, printer }, parsed.data);
        if (!rendered) return endResponse(problem(fetchAPI, 404, `no ecosystem for the territory "${parsed.data.territoryCode}"`));
        const body = request.method === "HEAD" ? null : rendered.body;
        return endResponse(
          new fetchAPI.Response(body as BodyInit | null, {
            headers: {
              "content-type": rendered.contentType,
              "content-disposition": `${parsed.data.format === "pdf" ? "attachment" : "inline"}; filename="${rendered.filename}"`,
              "cache-control": "no-cache",
            },
          }),
        );
      } catch (error) {
        if (error instanceof PdfUnavailableError) {
          logger.warn({ reason: error.message }, "report: PDF asked but Chromium is unavailable");
          return endResponse(problem(fetchAPI, 503, "PDF printing is unavailable on this server (no Chromium); the HTML notebook works: format=html"));
        }
        logger.error({ err: error }, "report: unexpected error");
        return endResponse(problem(fetchAPI, 500, "Unexpected error."));
      }
    },
    async onDispose() {
      await printer.close();
    },
  };
}
