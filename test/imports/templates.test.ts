import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD_TYPES } from "../../record/imports/importColumns.js";
import { importRecords } from "../../record/imports/importRecords.js";
import { csvTemplate, jsonTemplate, xlsxWorkbook } from "../../record/imports/importTemplates.js";
import { openEmptyRecord, type EmptyRecord } from "./emptyRecord.js";

const DIR = path.resolve(import.meta.dirname, "../../templates/import");

/** Every sheet's cells as text, row by row: what a workbook says, whatever its zip timestamps. */
function sheetsOf(workbook: ExcelJS.Workbook): Record<string, string[][]> {
  const sheets: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

describe("the templates in templates/import", () => {
  it("are what the format generates (npx tsx templates/import/generate.ts rewrites them)", async () => {
    for (const type of RECORD_TYPES) expect(fs.readFileSync(path.join(DIR, `${type}.csv`), "utf8"), `${type}.csv`).toBe(csvTemplate(type));
    expect(fs.readFileSync(path.join(DIR, "maillage-import.json"), "utf8")).toBe(jsonTemplate());
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.load(fs.readFileSync(path.join(DIR, "maillage-import.xlsx")) as unknown as ArrayBuffer);
    expect(sheetsOf(committed)).toEqual(sheetsOf(xlsxWorkbook()));
    expect(Object.keys(sheetsOf(committed))).toEqual(["README", ...RECORD_TYPES]);
  });
});

describe("the three formats", () => {
  let record: EmptyRecord;
  beforeAll(async () => {
    record = await openEmptyRecord();
  });
  afterAll(() => record?.close());

  it("import the templates cleanly, and say the same thing: after the CSV files, the JSON bundle and the workbook change nothing", async () => {
    const prisma = record.db.prisma;
    const created: Record<string, number> = {};
    for (const type of RECORD_TYPES) {
      const report = await importRecords(prisma, { type, format: "csv", content: fs.readFileSync(path.join(DIR, `${type}.csv`), "utf8"), source: "templates" });
      expect(report.rejections, type).toEqual([]);
      created[type] = report.total.created;
    }
    expect(created).toEqual({ actors: 2, alliances: 1, interactions: 2, needs: 1, practices: 1 });
    const alliance = await prisma.alliance.findFirstOrThrow({
      where: { source: "templates" },
      select: {
        modalities: true,
        declaredBy: { select: { externalId: true } },
        members: { select: { role: true, confirmedAt: true, actor: { select: { externalId: true, siren: true } } }, orderBy: { role: "asc" } },
      },
    });
    expect(alliance).toEqual({
      modalities: ["DIALOGUE", "POOL_RESOURCES"],
      declaredBy: { externalId: "ressourcerie-vichy" },
      members: [
        { role: "LEAD", confirmedAt: new Date("2025-01-20T00:00:00Z"), actor: { externalId: "ressourcerie-vichy", siren: null } },
        { role: "FUNDER", confirmedAt: null, actor: { externalId: "200071363", siren: "200071363" } },
      ],
    });

    const outbox = await prisma.outboxEvent.count();
    const json = await importRecords(prisma, {
      type: "all",
      format: "json",
      content: fs.readFileSync(path.join(DIR, "maillage-import.json"), "utf8"),
      source: "templates",
    });
    const xlsx = await importRecords(prisma, {
      type: "all",
      format: "xlsx",
      content: fs.readFileSync(path.join(DIR, "maillage-import.xlsx")),
      source: "templates",
    });
    for (const report of [json, xlsx]) {
      expect(report.rejections).toEqual([]);
      expect(report.total).toEqual({ rows: 7, created: 0, updated: 0, unchanged: 7, rejected: 0 });
    }
    expect(await prisma.outboxEvent.count()).toBe(outbox);
  });
});
