import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords, type ImportOptions, type ImportReport } from "../../record/imports/importRecords.js";
import { describeLocation } from "../../record/imports/planSection.js";
import { openEmptyRecord, type EmptyRecord } from "./emptyRecord.js";

let record: EmptyRecord;
beforeAll(async () => {
  record = await openEmptyRecord();
  // Two actors to refer to, in the source every test below imports into.
  const actors =
    "id,name,kind,territories,siren\nasso-1,Association des Halles,ASSOCIATION,200071363,\nmairie,Mairie,LOCAL_AUTHORITY,EPCI:200071363,213103100\n";
  expect((await run({ type: "actors", format: "csv", content: actors })).rejectionCount).toBe(0);
});
afterAll(() => record?.close());

const run = (options: Partial<ImportOptions> & Pick<ImportOptions, "type" | "format" | "content">) =>
  importRecords(record.db.prisma, { source: "enquete-2026", ...options });

/** Each refusal as "where | column | reason", the way a person reads the report. */
const refusals = (report: ImportReport) => report.rejections.map((r) => `${describeLocation(r.at)} | ${r.column ?? "-"} | ${r.reason}`);

describe("a CSV row is refused with its line, its column and why", () => {
  it("names wrong types, out-of-range values and impossible dates", async () => {
    const csv = [
      "id,kind,date,participants,intensity,amountEuros",
      "i1,MEETING,2025-02-30,asso-1;mairie,3,",
      "i2,MEETING,2025-03-01,asso-1;mairie,high,",
      "i3,meeting,2025-03-01,asso-1;mairie,9,",
      "i4,MEETING,2025-03-01,asso-1;mairie,,500",
      "i5,FUNDING,2025-03-01,asso-1,,12.5",
    ].join("\n");
    const report = await run({ type: "interactions", format: "csv", content: csv, dryRun: true });
    expect(refusals(report)).toEqual([
      "line 2 | date | must be a date YYYY-MM-DD",
      "line 3 | intensity | must be a whole number",
      "line 4 | intensity | intensity runs from 1 to 5",
      "line 5 | amountEuros | only a funding or an exchange of resources has an amount",
      "line 6 | participants | an interaction has at least two participants",
      "line 6 | amountEuros | must be a whole number",
    ]);
    expect(report.counts).toEqual([{ type: "interactions", rows: 5, created: 0, updated: 0, unchanged: 0, rejected: 5 }]);
  });

  it("names references to nothing, and rows of the file that were refused", async () => {
    const csv = [
      "id,name,startDate,members,declaredBy",
      'a1,Alliance,2025-01-01,"asso-1 (LEAD); inconnu (PARTNER)",',
      'a2,Alliance,2025-01-01,"asso-1 (CHIEF); mairie",',
      'a3,Alliance,2025-01-01,"asso-1; 213103100",mairie',
      'a4,Alliance,2025-01-01,"asso-1; W123456789",',
      'a5,Alliance,2025-01-01,"mairie; 213103100",',
    ].join("\n");
    const report = await run({ type: "alliances", format: "csv", content: csv, dryRun: true });
    expect(refusals(report)).toEqual([
      "line 2 | members | entry 2: unknown actor inconnu: no actor has this id in source enquete-2026, nor this SIREN or RNA number",
      "line 3 | members | entry 1 (role): must be one of LEAD, PARTNER, FUNDER, EXPERT, BENEFICIARY",
      "line 4 | declaredBy | declaredBy must be one of the members",
      "line 5 | members | entry 2: unknown actor W123456789: no actor has this id in source enquete-2026, nor this SIREN or RNA number",
      "line 6 | members | two references name the same actor: each actor is a member once",
    ]);
    expect(report.total.rejected).toBe(5);
  });

  it("refuses the second of two rows with the same id, SIREN or RNA", async () => {
    const csv = ["id,name,kind,territories,siren", "x,Un,COMPANY,200071363,552100554", "x,Deux,COMPANY,200071363,", "y,Trois,COMPANY,200071363,552100554"].join(
      "\n",
    );
    const report = await run({ type: "actors", format: "csv", content: csv, dryRun: true });
    expect(refusals(report)).toEqual([
      "line 3 | id | duplicate id in the file: already on line 2",
      "line 4 | siren | duplicate siren in the file: already on line 2",
    ]);
    expect(report.total).toMatchObject({ created: 1, rejected: 2 });
  });

  it("refuses a SIREN another record holds, and an ambiguous territory code", async () => {
    const csv = ["id,name,kind,territories,siren", "z,Autre mairie,LOCAL_AUTHORITY,200071363,213103100", "r,Région,INSTITUTION,01,"].join("\n");
    const report = await run({ type: "actors", format: "csv", content: csv, dryRun: true });
    expect(refusals(report)).toEqual([
      "line 2 | siren | this SIREN belongs to another actor already (source enquete-2026, id mairie)",
      "line 3 | territories | the code 01 names a REGION and a DEPARTEMENT: write REGION:01 or DEPARTEMENT:01",
    ]);
  });

  it("keeps accents, apostrophes and emoji intact, in a semicolon-separated file with a BOM and quoted line breaks", async () => {
    const csv =
      '\uFEFFid;name;kind;territories;description\r\nü-1;"Coopérative l\'Œuf 🥚";ESS;200071363;"Deux\r\nlignes"\r\nü-2;"Ça; c\'est";COMPANY;200071363;\r\nü-3;;COMPANY;200071363;\r\n';
    const report = await run({ type: "actors", format: "csv", content: csv });
    expect(refusals(report)).toEqual(["line 5 | name | is required"]);
    const stored = await record.db.prisma.actor.findMany({
      where: { source: "enquete-2026", externalId: { in: ["ü-1", "ü-2"] } },
      orderBy: { externalId: "asc" },
      select: { name: true, description: true },
    });
    expect(stored).toEqual([
      { name: "Coopérative l'Œuf 🥚", description: "Deux\nlignes" },
      { name: "Ça; c'est", description: null },
    ]);
  });

  it("refuses a file without a header, with unknown or missing columns, and writes none of it", async () => {
    expect(refusals(await run({ type: "actors", format: "csv", content: "" }))).toEqual([
      "line 1 | - | the file is empty: expected a header line (id, name, kind, profile, isCatalyst, territories, siren, siret, rna, description, website)",
    ]);
    const wrong = await run({ type: "actors", format: "csv", content: "id,nom,kind\nq,Quelqu'un,COMPANY\n" });
    expect(refusals(wrong)).toEqual([
      "line 1 | nom | unknown column for actors: expected id, name, kind, profile, isCatalyst, territories, siren, siret, rna, description, website",
      "line 1 | name | required column is missing (actors need name, kind, territories)",
      "line 1 | territories | required column is missing (actors need name, kind, territories)",
    ]);
    expect(wrong.written).toBe(false);
    // A header alone is a file with nothing to import, not an error.
    const empty = await run({ type: "needs", format: "csv", content: "id,territory,date,level,assessedBy\n" });
    expect(empty.rejectionCount).toBe(0);
    expect(empty.total.rows).toBe(0);
  });
});

describe("JSON and XLSX rows are located too", () => {
  it("gives a JSON record's line and position, and names unknown fields", async () => {
    const json = `[
  { "id": "p1", "actor": "asso-1", "date": "2025-01-01", "scores": { "FUND_PROJECTS": 3 } },
  {
    "id": "p2", "actor": "asso-1", "date": "2025-01-01",
    "scores": { "FUND_PROJECTS": 7, "JUGGLING": 2 }
  },
  { "id": "p3", "actor": "mairie", "date": "2025-01-01", "scores": {}, "colour": "red" },
  "p4"
]`;
    const report = await run({ type: "practices", format: "json", content: json, dryRun: true });
    expect(refusals(report)).toEqual([
      "line 3 (record 2) | scores.FUND_PROJECTS | scores run from 0 to 4",
      "line 3 (record 2) | scores.JUGGLING | is not a practice of the grid (docs/import.md lists the 22 keys)",
      "line 7 (record 3) | colour | unknown field for practices: expected id, actor, date, scores",
      "line 7 (record 3) | scores | at least one practice is scored",
      "line 8 (record 4) | - | a record is a JSON object",
    ]);
    expect(report.total).toMatchObject({ created: 1, rejected: 3 });
  });

  it("says where JSON breaks", async () => {
    const report = await run({ type: "needs", format: "json", content: '[\n  { "id": "n1",\n  "level": 2 }\n  { "id": "n2" }\n]' });
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]!.at.line).toBe(4);
    expect(report.rejections[0]!.reason).toMatch(/^not valid JSON/);
  });

  it("gives an XLSX row's sheet and row number", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("needs");
    sheet.addRow(["id", "territory", "date", "level", "assessedBy"]);
    sheet.addRow(["n1", "EPCI:200071363", new Date("2025-04-01T00:00:00Z"), "INVEST", "Équipe"]);
    sheet.addRow([]);
    sheet.addRow(["n2", "EPCI:999999999", "2025-04-01", 5, "Équipe"]);
    const report = await run({ type: "needs", format: "xlsx", content: Buffer.from(await workbook.xlsx.writeBuffer()), dryRun: true });
    expect(refusals(report)).toEqual(["sheet needs, row 4 | level | need levels run from 1 (ACCOMPANY) to 4 (INVENT)"]);
    expect(report.total).toMatchObject({ rows: 2, created: 1, rejected: 1 });
  });
});
