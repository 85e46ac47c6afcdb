import type { ImportReport } from "./importRecords.js";
import { describeLocation } from "./planSection.js";

/** A dry run lists what it would change, up to this many lines; every rejection is always listed. */
const CHANGES_SHOWN = 50;

/** The report as a person reads it on a terminal: counts per record type, then every refusal. */
export function reportText(report: ImportReport, file: string): string {
  const outcome = report.written ? "written" : report.dryRun ? "dry run, nothing written" : "nothing written (--strict and rows were rejected)";
  const header = ["type", "rows", "created", "updated", "unchanged", "rejected"];
  const rows = [
    ...report.counts.map((c) => [c.type, c.rows, c.created, c.updated, c.unchanged, c.rejected]),
    ...(report.counts.length > 1 ? [["total", ...Object.values(report.total)]] : []),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: unknown[]) => `  ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ")}`;
  const verb = report.written ? "" : "would be ";
  const out = [`import ${file} (${report.format}) into source ${report.source}: ${outcome}`, line(header), ...rows.map(line)];
  if (report.dryRun && report.changeCount > 0) {
    out.push("", `${verb}created or updated:`);
    const shown = report.changes.slice(0, CHANGES_SHOWN);
    for (const change of shown) out.push(`  ${change.type} ${change.id}: ${change.action} (${describeLocation(change.at)})`);
    if (report.changeCount > shown.length) out.push(`  ... and ${report.changeCount - shown.length} more (--json lists them all)`);
  }
  if (report.rejectionCount > 0) {
    out.push("", "rejected:");
    for (const r of report.rejections) {
      const where = [describeLocation(r.at), r.column && `column ${r.column}`].filter(Boolean).join(", ");
      out.push(`  ${where}: ${r.reason}${r.id ? ` [${r.type} ${r.id}]` : ""}`);
    }
    if (report.rejectionCount > report.rejections.length) out.push(`  ... and ${report.rejectionCount - report.rejections.length} more`);
  }
  return out.join("\n");
}
