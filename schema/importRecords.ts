import { z } from "zod";
import type { ImportFormat, ImportType } from "../record/imports/importColumns.js";
import { importRecords, sourceSchema, type ImportReport, type SectionCount } from "../record/imports/importRecords.js";
import type { Rejection } from "../record/imports/planSection.js";
import type { RowLocation } from "../record/imports/readRows.js";
import type { Change } from "../record/imports/writeSection.js";
import { MAX_PAGE_SIZE } from "./limits.js";
import { builder } from "./builder.js";
import { MUTATION_ERRORS } from "./errorTypes.js";

const ImportRecordTypeEnum = builder.enumType("ImportRecordType", {
  description: "What a file holds: one record type, or (ALL) every section of a JSON bundle or XLSX workbook, imported in this order.",
  values: ["ACTORS", "ALLIANCES", "INTERACTIONS", "NEEDS", "PRACTICES", "ALL"] as const,
});
const ImportFormatEnum = builder.enumType("ImportFormat", { values: ["CSV", "JSON", "XLSX"] as const });
const ImportActionEnum = builder.enumType("ImportAction", { values: ["CREATED", "UPDATED"] as const });

type RecordTypeName = Exclude<typeof ImportRecordTypeEnum.$inferType, "ALL">;
const typeName = (type: string) => type.toUpperCase() as RecordTypeName;

const ImportCount = builder.objectRef<SectionCount>("ImportCount").implement({
  description: "What became of one record type's rows.",
  fields: (t) => ({
    recordType: t.field({ type: ImportRecordTypeEnum, resolve: (c) => typeName(c.type) }),
    rows: t.exposeInt("rows"),
    created: t.exposeInt("created"),
    updated: t.exposeInt("updated"),
    unchanged: t.exposeInt("unchanged"),
    rejected: t.exposeInt("rejected"),
  }),
});

const ImportLocation = builder.objectRef<RowLocation>("ImportLocation").implement({
  description: "Where a row is in the file: a line (and, in JSON, the record's position), or a sheet and row.",
  fields: (t) => ({
    line: t.exposeInt("line", { nullable: true, description: "The line of a CSV or JSON file the row starts on." }),
    record: t.exposeInt("record", { nullable: true, description: "The record's position (1-based) in a JSON array." }),
    sheet: t.exposeString("sheet", { nullable: true, description: "The sheet of an XLSX workbook." }),
    row: t.exposeInt("row", { nullable: true, description: "The row of that sheet." }),
  }),
});

const ImportRejection = builder.objectRef<Rejection>("ImportRejection").implement({
  description: "One reason a row (or the whole file, when recordType is null) was refused.",
  fields: (t) => ({
    at: t.field({ type: ImportLocation, resolve: (r) => r.at }),
    recordType: t.field({ type: ImportRecordTypeEnum, nullable: true, resolve: (r) => (r.type ? typeName(r.type) : null) }),
    id: t.string({ nullable: true, description: "The row's id in its source.", resolve: (r) => r.id }),
    column: t.string({ nullable: true, resolve: (r) => r.column }),
    reason: t.string({ resolve: (r) => r.reason }),
  }),
});

const ImportChange = builder.objectRef<Change>("ImportChange").implement({
  description: "A record the import created or updated (or, in a dry run, would).",
  fields: (t) => ({
    at: t.field({ type: ImportLocation, resolve: (c) => c.at }),
    recordType: t.field({ type: ImportRecordTypeEnum, resolve: (c) => typeName(c.type) }),
    id: t.exposeString("id", { description: "The record's id in its source." }),
    action: t.field({ type: ImportActionEnum, resolve: (c) => (c.action === "created" ? "CREATED" : "UPDATED") }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>("ImportReport").implement({
  description: `What an import did, or in a dry run would do. Counts are complete; the lists hold at most ${MAX_PAGE_SIZE} entries each.`,
  fields: (t) => ({
    source: t.exposeString("source"),
    dryRun: t.exposeBoolean("dryRun"),
    strict: t.exposeBoolean("strict"),
    written: t.exposeBoolean("written", { description: "Whether the record was written: not a dry run, and not refused under strict." }),
    counts: t.field({ type: [ImportCount], resolve: (r) => r.counts }),
    total: t.field({ type: ImportCount, resolve: (r) => ({ type: r.type === "all" ? "all" : r.type, ...r.total }) as SectionCount }),
    rejections: t.field({ type: [ImportRejection], resolve: (r) => r.rejections }),
    rejectionCount: t.exposeInt("rejectionCount"),
    changes: t.field({ type: [ImportChange], resolve: (r) => r.changes }),
    changeCount: t.exposeInt("changeCount"),
  }),
});

const ImportRecordsInput = builder.inputType("ImportRecordsInput", {
  fields: (t) => ({
    type: t.field({ type: ImportRecordTypeEnum, required: true }),
    format: t.field({ type: ImportFormatEnum, required: true }),
    content: t.string({ required: true, description: "The file: its text for CSV and JSON, base64 for XLSX. Columns: docs/import.md." }),
    source: t.string({
      required: true,
      description: "Where the rows come from (e.g. enquete-2026): with each row's id, what makes importing twice change nothing.",
    }),
    dryRun: t.boolean({ defaultValue: false, description: "Report what would be created, updated, unchanged and rejected, and write nothing." }),
    strict: t.boolean({ defaultValue: false, description: "Write nothing when any row is rejected." }),
  }),
  validate: z.looseObject({ source: sourceSchema, content: z.string().min(1, "the file is empty") }),
});

builder.mutationFields((t) => ({
  importRecords: t.field({
    type: ImportReportRef,
    authScopes: { editor: true },
    description:
      "Imports actors, alliances, interactions or assessments from a CSV, JSON or XLSX file, as `maillage import` does: row by row, idempotent per source.",
    errors: { types: MUTATION_ERRORS, dataField: { name: "report" } },
    args: { input: t.arg({ type: ImportRecordsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const report = await importRecords(ctx.prisma, {
        type: input.type.toLowerCase() as ImportType,
        format: input.format.toLowerCase() as ImportFormat,
        content: input.format === "XLSX" ? Buffer.from(input.content, "base64") : input.content,
        source: input.source,
        dryRun: input.dryRun ?? false,
        strict: input.strict ?? false,
        viewer: { tokenId: ctx.viewer.tokenId, role: ctx.viewer.role },
        listLimit: MAX_PAGE_SIZE,
      });
      // Read-your-writes, as every mutation: the graph has applied the import before it answers.
      if (report.written) await ctx.graph.catchUp();
      return report;
    },
  }),
}));
