/**
 * The observation notebook of one ecosystem, in HTML or PDF, French or English: what the HTTP
 * route (server/plugins/report.ts) and the CLI (scripts/report.ts) both call, so both give the
 * same document.
 */
import type { PdfPrinter } from "./pdfPrinter.js";
import { renderHtml } from "./renderHtml.js";
import { gatherReport } from "./reportData.js";
import type { ReportRequest } from "./reportRequest.js";
import type { ReportDeps } from "./runQuery.js";

export { ReportRequest } from "./reportRequest.js";

export interface RenderedReport {
  body: Uint8Array;
  contentType: string;
  /** A file name for the download: maillage-<code>-<lang>.<format>. */
  filename: string;
}

/** The notebook, or null when the territory has no ecosystem (or does not exist). */
export async function buildReport(deps: ReportDeps & { printer?: PdfPrinter | undefined }, request: ReportRequest): Promise<RenderedReport | null> {
  const data = await gatherReport(deps, request.territoryCode, request.lang);
  if (!data) return null;
  const html = renderHtml(data, { language: request.lang });
  const filename = `maillage-${request.territoryCode}-${request.lang}.${request.format}`;
  if (request.format === "html") return { body: new TextEncoder().encode(html), contentType: "text/html; charset=utf-8", filename };
  if (!deps.printer) throw new Error("report: a PDF needs a PdfPrinter");
  return { body: await deps.printer.print(html), contentType: "application/pdf", filename };
}
