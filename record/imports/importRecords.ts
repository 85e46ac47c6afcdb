import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { sectionsOf, type ImportFormat, type ImportType, type RecordType } from "./importColumns.js";
import { planSection, type Rejection, type SectionPlan } from "./planSection.js";
import { readRows } from "./readRows.js";
import { References } from "./references.js";
import { writeSection, type Change } from "./writeSection.js";

/** Sources the service writes itself; an import takes a name of its own. */
const RESERVED_SOURCES = ["api", "etalab"];

export const sourceSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "a source is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit")
  .refine((source) => !RESERVED_SOURCES.includes(source.toLowerCase()), `${RESERVED_SOURCES.join(" and ")} are the service's own sources`);

/** Rows per transaction: large enough to amortise the round trips, small enough to keep each commit short. */
export const DEFAULT_BATCH_SIZE = 500;

export interface ImportOptions {
  type: ImportType;
  format: ImportFormat;
  /** Text for CSV and JSON; bytes (or base64 text) for XLSX. */
  content: string | Buffer;
  source: string;
  dryRun?: boolean;
  /** Write nothing at all when any row is rejected. */
  strict?: boolean;
  batchSize?: number;
  viewer?: { tokenId: number | null; role: Role | null };
  /** How many rejections and changes the report lists (counts are always complete). */
  listLimit?: number;
  onProgress?: (progress: { type: RecordType; done: number; total: number }) => void;
}

export interface SectionCount {
  type: RecordType;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  type: ImportType;
  format: ImportFormat;
  source: string;
  dryRun: boolean;
  strict: boolean;
  /** Whether the import wrote to the record (not a dry run, and not refused under --strict). */
  written: boolean;
  counts: SectionCount[];
  total: Omit<SectionCount, "type">;
  /** Every reason a row or the file was refused, in file order, up to the list limit. */
  rejections: Rejection[];
  rejectionCount: number;
  /** What was (or, in a dry run, would be) created and updated, up to the list limit. */
  changes: Change[];
  changeCount: number;
}

/**
 * Imports a file of actors, alliances, interactions or assessments (docs/import.md): reads it,
 * validates every row, resolves what rows name, and writes the rows that pass in transactional
 * batches through the same path as the API (record, outbox event, audit entry). Rows carry their
 * id in the source, so importing the same file twice changes nothing.
 */
export async function importRecords(prisma: PrismaClient, options: ImportOptions): Promise<ImportReport> {
  const source = sourceSchema.parse(options.source);
  const dryRun = options.dryRun ?? false;
  const strict = options.strict ?? false;
  const limit = options.listLimit ?? Number.POSITIVE_INFINITY;
  const read = await readRows(options.content, options.format, options.type);
  const rejections: Rejection[] = read.problems.map((p) => ({ ...p, type: null, id: null }));

  // Every section is planned before any is written: --strict can then refuse the file whole, and
  // a dry run of a bundle sees what later sections would name in earlier ones.
  const refs = new References(prisma, source);
  const plans: SectionPlan<RecordType>[] = [];
  for (const type of sectionsOf(options.type)) {
    const rows = read.sections.get(type);
    if (!rows) continue;
    const plan = await planSection(prisma, type, rows, refs);
    rejections.push(...plan.rejections);
    plans.push(plan);
  }
  const write = !dryRun && !(strict && rejections.length > 0) && read.problems.length === 0;
  const changes: Change[] = [];
  let changeCount = 0;
  const counts: SectionCount[] = [];
  for (const plan of plans) {
    const total = plan.planned.length;
    options.onProgress?.({ type: plan.type, done: 0, total });
    const written = await writeSection(prisma, plan, {
      source,
      dryRun: !write,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      viewer: options.viewer ?? { tokenId: null, role: null },
      onBatch: (done) => options.onProgress?.({ type: plan.type, done, total }),
      onChange: (change) => {
        changeCount += 1;
        if (changes.length < limit) changes.push(change);
      },
    });
    counts.push({ type: plan.type, rows: total + plan.rejectedRows, ...written, rejected: plan.rejectedRows });
  }
  const sum = (key: keyof Omit<SectionCount, "type">) => counts.reduce((n, c) => n + c[key], 0);
  return {
    type: options.type,
    format: options.format,
    source,
    dryRun,
    strict,
    written: write,
    counts,
    total: { rows: sum("rows"), created: sum("created"), updated: sum("updated"), unchanged: sum("unchanged"), rejected: sum("rejected") },
    rejections: rejections.slice(0, limit),
    rejectionCount: rejections.length,
    changes,
    changeCount,
  };
}
