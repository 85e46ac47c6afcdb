import { writeCsv } from "./csv.js";
import type { ExportDataset } from "./dataset.js";
import { writeGexf } from "./gexf.js";
import { writeGraphml } from "./graphml.js";
import { writeJgf } from "./jgf.js";
import { writeJsonld } from "./jsonld.js";
import type { CsvPart, ExportFormat } from "./request.js";

/** One entry per format: how to write it, and how to name and type the file. */
export interface ExportWriter {
  extension: string;
  contentType: string;
  /** Formats written as several documents (CSV: nodes and ties); null for one document. */
  parts: readonly CsvPart[] | null;
  /** The document (or one part of it) as text chunks, in order; the writers never buffer it whole. */
  write(dataset: ExportDataset, part: CsvPart | null): Iterable<string>;
}

export const EXPORT_WRITERS: Readonly<Record<ExportFormat, ExportWriter>> = {
  gexf: { extension: "gexf", contentType: "application/gexf+xml; charset=utf-8", parts: null, write: writeGexf },
  graphml: { extension: "graphml", contentType: "application/graphml+xml; charset=utf-8", parts: null, write: writeGraphml },
  csv: {
    extension: "csv",
    contentType: "text/csv; charset=utf-8; header=present",
    parts: ["nodes", "ties"],
    write: (dataset, part) => writeCsv(dataset, part ?? "nodes"),
  },
  jgf: { extension: "json", contentType: "application/vnd.jgf+json; charset=utf-8", parts: null, write: writeJgf },
  jsonld: { extension: "jsonld", contentType: "application/ld+json; charset=utf-8", parts: null, write: writeJsonld },
};

/** "maillage-region-84-2024-06-30.gexf", "maillage-national-2025-12-31-ties.csv": only [a-z0-9.-]. */
export function exportFileName(dataset: ExportDataset, format: ExportFormat, part: CsvPart | null): string {
  const scope = dataset.meta.scope.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `maillage-${scope}-${dataset.meta.asOf}${part ? `-${part}` : ""}.${EXPORT_WRITERS[format].extension}`;
}

/**
 * Text chunks gathered into pieces of about `size` characters, handing control back to the event
 * loop between pieces: a national export (several megabytes) streams out without holding the
 * process while other requests wait.
 */
export async function* inPieces(chunks: Iterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let piece = "";
  for (const chunk of chunks) {
    piece += chunk;
    if (piece.length >= size) {
      yield piece;
      piece = "";
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (piece) yield piece;
}
