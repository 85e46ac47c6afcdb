/**
 * CSV (RFC 4180): two documents, one row per actor and one per tie, with a header row naming the
 * same attributes the graph formats declare. Fields holding a comma, a quote or a line break are
 * quoted; lists are joined with "|"; an absent value is an empty field. UTF-8 without a byte order
 * mark (spreadsheets: import as UTF-8).
 */
import { nodeAttributes, TIE_ATTRIBUTES, type AttributeValue } from "./attributes.js";
import type { ExportDataset } from "./dataset.js";
import type { CsvPart } from "./request.js";
import { xmlSafe } from "./xml.js";

export function* writeCsv(dataset: ExportDataset, part: CsvPart): Generator<string> {
  if (part === "nodes") {
    const specs = nodeAttributes(dataset);
    yield row(["id", "label", ...specs.map((s) => s.key)]);
    for (const node of dataset.nodes) yield row([node.id, node.label, ...specs.map((s) => s.value(node))]);
  } else {
    yield row(["id", "source", "target", ...TIE_ATTRIBUTES.map((s) => s.key)]);
    for (const tie of dataset.ties) yield row([tie.id, tie.source, tie.target, ...TIE_ATTRIBUTES.map((s) => s.value(tie))]);
  }
}

function row(values: readonly AttributeValue[]): string {
  return `${values.map(field).join(",")}\r\n`;
}

function field(value: AttributeValue): string {
  if (value === null) return "";
  // The control characters XML refuses are junk in a spreadsheet too: drop them the same way.
  const text = xmlSafe(Array.isArray(value) ? value.join("|") : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
