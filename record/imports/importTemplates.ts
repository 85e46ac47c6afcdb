import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { COLUMNS, RECORD_TYPES, type RecordType } from "./importColumns.js";

/**
 * The template files of templates/import/: for each record type a CSV (header and example
 * rows), one JSON bundle and one XLSX workbook (a sheet per record type), all from the same
 * example rows, which import cleanly, in order, into any record holding the official territories.
 * `templates/import/generate.ts` writes them; a test regenerates them and compares, so they
 * cannot drift from the format.
 */
export const TEMPLATE_ROWS: Readonly<Record<RecordType, readonly Record<string, string>[]>> = {
  actors: [
    {
      id: "ressourcerie-vichy",
      name: "Ressourcerie du bassin de Vichy (exemple)",
      kind: "ESS",
      isCatalyst: "true",
      territories: "200071363",
      description: "Réemploi et insertion ; exemple fictif.",
    },
    // No id: an actor with a SIREN (or an RNA number) is known by it.
    { name: "Vichy Communauté", kind: "LOCAL_AUTHORITY", territories: "EPCI:200071363", siren: "200071363", website: "https://www.vichy-communaute.fr" },
  ],
  alliances: [
    {
      id: "alliance-reemploi",
      name: "Alliance pour le réemploi (exemple)",
      purpose: "Mutualiser la collecte et la revente d'objets.",
      startDate: "2025-01-15",
      modalities: "DIALOGUE;POOL_RESOURCES",
      levers: "FINANCE;TOOLS",
      impacts: "PERFORMANCE",
      members: "ressourcerie-vichy (LEAD, 2025-01-20); 200071363 (FUNDER)",
      declaredBy: "ressourcerie-vichy",
    },
  ],
  interactions: [
    {
      id: "rencontre-2025-03-04",
      kind: "MEETING",
      date: "2025-03-04",
      participants: "ressourcerie-vichy;200071363",
      alliance: "alliance-reemploi",
      description: "Comité de pilotage",
      intensity: "3",
    },
    {
      id: "subvention-2025-06",
      kind: "FUNDING",
      date: "2025-06-01",
      participants: "200071363;ressourcerie-vichy",
      alliance: "alliance-reemploi",
      amountEuros: "15000",
    },
  ],
  needs: [
    {
      id: "besoin-vichy-2025",
      territory: "EPCI:200071363",
      date: "2025-01-10",
      level: "CONSOLIDATE",
      assessedBy: "Équipe d'animation (exemple)",
      notes: "Premier diagnostic.",
    },
  ],
  practices: [
    {
      id: "autodiagnostic-2025-02",
      actor: "ressourcerie-vichy",
      date: "2025-02-01",
      FUND_PROJECTS: "3",
      MEASURE_RESULTS: "1",
      LISTEN_TO_TERRITORY_ACTORS: "4",
      LINK_TERRITORY_ACTORS: "3",
      DEFINE_PARTNERSHIP_STRATEGY: "2",
    },
  ],
};

/** Columns whose values are codes: kept as text in the workbook, so 03 stays 03 and a SIREN keeps its zeros. */
const TEXT_COLUMNS = new Set(["id", "territories", "siren", "siret", "rna", "members", "declaredBy", "participants", "alliance", "territory", "actor"]);
const NUMBER_COLUMNS = new Set(["intensity", "amountEuros"]);

function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvTemplate(type: RecordType): string {
  const names = COLUMNS[type].map((c) => c.name);
  return `${[names, ...TEMPLATE_ROWS[type].map((row) => names.map((name) => row[name] ?? ""))].map((cells) => cells.map(csvCell).join(",")).join("\n")}\n`;
}

/** A template row as JSON writes it: lists as arrays, members as objects, numbers as numbers, scores grouped. */
function jsonRecord(type: RecordType, row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const scores: Record<string, number> = {};
  for (const column of COLUMNS[type]) {
    const value = row[column.name];
    if (value === undefined) continue;
    if (type === "practices" && !["id", "actor", "date"].includes(column.name)) scores[column.name] = Number(value);
    else if (column.name === "members") {
      record.members = value.split(";").map((entry) => {
        const [, actor, role, confirmedAt] = /^\s*(.*?)\s*\((\w+)(?:,\s*([\d-]+))?\)\s*$/.exec(entry)!;
        return { actor, role, ...(confirmedAt && { confirmedAt }) };
      });
    } else if (column.list) record[column.name] = value.split(";").map((item) => item.trim());
    else if (NUMBER_COLUMNS.has(column.name) || column.name === "level") record[column.name] = /^\d+$/.test(value) ? Number(value) : value;
    else if (column.name === "isCatalyst") record[column.name] = value === "true";
    else record[column.name] = value;
  }
  if (type === "practices") record.scores = scores;
  return record;
}

export function jsonTemplate(): string {
  const bundle = {
    format: "maillage-import/1",
    ...Object.fromEntries(RECORD_TYPES.map((type) => [type, TEMPLATE_ROWS[type].map((row) => jsonRecord(type, row))])),
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

const README = [
  "Maillage: import workbook. One sheet per record type, imported in this order: actors, alliances, interactions, needs, practices.",
  "Columns, values and references: docs/import.md. Lists are separated by ';'. Dates are YYYY-MM-DD.",
  "maillage import --type all --source MY-SOURCE --dry-run this-file.xlsx   (then without --dry-run)",
  "Classeur d'import Maillage : une feuille par type d'enregistrement. Colonnes et références : docs/import.md.",
];

export function xlsxWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the template's content does not depend on when it was generated.
  workbook.created = workbook.modified = new Date("2026-01-01T00:00:00Z");
  workbook.creator = "maillage";
  const readme = workbook.addWorksheet("README");
  README.forEach((line, i) => (readme.getCell(i + 1, 1).value = line));
  for (const type of RECORD_TYPES) {
    const sheet = workbook.addWorksheet(type);
    const names = COLUMNS[type].map((c) => c.name);
    sheet.addRow(names).font = { bold: true };
    for (const row of TEMPLATE_ROWS[type])
      sheet.addRow(names.map((name) => (row[name] === undefined ? null : NUMBER_COLUMNS.has(name) ? Number(row[name]) : row[name])));
    names.forEach((name, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(40, Math.max(12, name.length + 2));
      if (TEXT_COLUMNS.has(name)) column.numFmt = "@";
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return workbook;
}

/** The file names and contents of every template. */
export async function templateFiles(): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  for (const type of RECORD_TYPES) files.set(`${type}.csv`, csvTemplate(type));
  files.set("maillage-import.json", jsonTemplate());
  files.set("maillage-import.xlsx", Buffer.from(await xlsxWorkbook().xlsx.writeBuffer()));
  return files;
}

export async function writeTemplates(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of await templateFiles()) {
    fs.writeFileSync(path.join(dir, name), content);
    written.push(name);
  }
  return written;
}
