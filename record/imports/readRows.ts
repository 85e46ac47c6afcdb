import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { PRACTICE_KEYS } from "../vocabulary/practices.js";
import { COLUMNS, jsonKeys, RECORD_TYPES, sectionsOf, type ImportFormat, type ImportType, type RecordType } from "./importColumns.js";
import { jsonElementLines, lineOfOffset } from "./jsonLines.js";

/** Where a row is: a line of a CSV or JSON file (JSON also gives the record's index), or a sheet's row. */
export interface RowLocation {
  line: number | null;
  sheet: string | null;
  row: number | null;
  record: number | null;
}

export interface RawRow {
  at: RowLocation;
  values: Record<string, unknown>;
  /** Cells of a table (text) rather than a JSON record: changes how columns are named in issues. */
  tabular: boolean;
  /** Problems found while reading (an unknown JSON field), reported with the row's other issues. */
  problems: { column: string | null; reason: string }[];
  /** Not a record at all (a JSON value that is no object): nothing to validate. */
  unreadable?: boolean;
}

/** A problem with the file itself (its header, its syntax, a missing section): no row is read past it. */
export interface FileProblem {
  at: RowLocation;
  column: string | null;
  reason: string;
}

export interface ReadResult {
  sections: Map<RecordType, RawRow[]>;
  problems: FileProblem[];
}

const at = (partial: Partial<RowLocation>): RowLocation => ({ line: null, sheet: null, row: null, record: null, ...partial });
const PRACTICES = new Set(PRACTICE_KEYS);

/** Reads a file's rows for the record types `type` names, each located in the file. */
export async function readRows(content: string | Buffer, format: ImportFormat, type: ImportType): Promise<ReadResult> {
  if (format === "csv") return readCsv(typeof content === "string" ? content : content.toString("utf8"), type);
  if (format === "json") return readJson(typeof content === "string" ? content : content.toString("utf8"), type);
  return readXlsx(typeof content === "string" ? Buffer.from(content, "base64") : content, type);
}

function readCsv(text: string, type: ImportType): ReadResult {
  const problems: FileProblem[] = [];
  const sections = new Map<RecordType, RawRow[]>();
  if (type === "all")
    return {
      sections,
      problems: [
        {
          at: at({ line: 1 }),
          column: null,
          reason: "a CSV file holds one record type: name it with --type (actors, alliances, interactions, needs or practices)",
        },
      ],
    };
  // One kind of line break, so that csv-parse's line count is the file's (it counts a CRLF inside
  // a quoted cell twice).
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (normalised.trim() === "")
    return { sections, problems: [{ at: at({ line: 1 }), column: null, reason: `the file is empty: expected a header line (${headerHint(type)})` }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalised, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      delimiter: delimiterOf(normalised),
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { sections, problems: [{ at: at({ line }), column: null, reason: `not a readable CSV file: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records.map(({ record, info }) => ({
    cells: record,
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
  }));
  const columns = checkHeader(type, header!.cells, (_column) => at({ line: header!.line }), problems);
  if (!columns) return { sections, problems };
  sections.set(
    type,
    body
      .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""))
      .map(({ cells, line }) => tabularRow(type, columns, cells, at({ line }), cells.length > columns.length ? cells.length : 0)),
  );
  return { sections, problems };
}

/** The most frequent of comma, semicolon and tab on the header line: French spreadsheets write `;`. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n")).replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Header names matched without regard to case or surrounding spaces; null when the header is unusable. */
function checkHeader(type: RecordType, cells: string[], where: (column: string) => RowLocation, problems: FileProblem[]): (string | null)[] | null {
  const known = new Map(COLUMNS[type].map((c) => [c.name.toLowerCase(), c.name]));
  const before = problems.length;
  const columns = cells.map((cell) => {
    const name = cell.trim();
    if (name === "") return null;
    const canonical = known.get(name.toLowerCase());
    if (!canonical) problems.push({ at: where(name), column: name, reason: `unknown column for ${type}: expected ${headerHint(type)}` });
    return canonical ?? null;
  });
  const seen = new Set<string>();
  for (const name of columns) {
    if (name && seen.has(name)) problems.push({ at: where(name), column: name, reason: "this column appears twice" });
    if (name) seen.add(name);
  }
  for (const column of COLUMNS[type].filter((c) => c.required && !seen.has(c.name))) {
    problems.push({
      at: where(column.name),
      column: column.name,
      reason: `required column is missing (${type} need ${COLUMNS[type]
        .filter((c) => c.required)
        .map((c) => c.name)
        .join(", ")})`,
    });
  }
  return problems.length > before ? null : columns;
}

function headerHint(type: RecordType): string {
  const names = COLUMNS[type].map((c) => c.name);
  return type === "practices" ? `${names.slice(0, 3).join(", ")} and one column per practice key` : names.join(", ");
}

/** A table row as the schema reads it: empty cells left out, practice columns gathered under `scores`. */
function tabularRow(type: RecordType, columns: (string | null)[], cells: unknown[], location: RowLocation, extraCells: number): RawRow {
  const values: Record<string, unknown> = {};
  const scores: Record<string, unknown> = {};
  const problems: RawRow["problems"] = [];
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (!column || cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "")) return;
    if (typeof cell === "string" && cell.includes("\u0000")) problems.push({ column, reason: "must not contain NUL (U+0000) characters" });
    else if (type === "practices" && PRACTICES.has(column)) scores[column] = cell;
    else values[column] = cell;
  });
  if (type === "practices") values.scores = scores;
  if (extraCells > 0) problems.push({ column: null, reason: `${extraCells} cells for ${columns.length} columns: a separator inside a cell needs quotes` });
  return { at: location, values, tabular: true, problems };
}

function readJson(text: string, type: ImportType): ReadResult {
  const sections = new Map<RecordType, RawRow[]>();
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "")
    return {
      sections,
      problems: [{ at: at({ line: 1 }), column: null, reason: "the file is empty: expected a JSON array of records, or an object of sections" }],
    };
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return {
      sections,
      problems: [
        { at: at({ line: position ? lineOfOffset(body, Number(position)) : 1 }), column: null, reason: `not valid JSON: ${(error as Error).message}` },
      ],
    };
  }
  const problems: FileProblem[] = [];
  const wanted = sectionsOf(type);
  if (Array.isArray(document)) {
    if (type === "all")
      return {
        sections,
        problems: [
          {
            at: at({ line: 1 }),
            column: null,
            reason: 'a JSON array holds one record type: name it with --type, or give an object of sections ({ "actors": [...], ... })',
          },
        ],
      };
    sections.set(type, jsonRows(type, document, jsonElementLines(body, null)));
    return { sections, problems };
  }
  if (document === null || typeof document !== "object")
    return { sections, problems: [{ at: at({ line: 1 }), column: null, reason: "expected a JSON array of records, or an object of sections" }] };
  const object = document as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (key !== "format" && !(RECORD_TYPES as readonly string[]).includes(key))
      problems.push({ at: at({ line: 1 }), column: key, reason: `unknown section: expected ${RECORD_TYPES.join(", ")}` });
  }
  for (const section of wanted) {
    const rows = object[section];
    if (rows === undefined) {
      if (type !== "all") problems.push({ at: at({ line: 1 }), column: section, reason: `no "${section}" section in this file` });
    } else if (!Array.isArray(rows)) problems.push({ at: at({ line: 1 }), column: section, reason: "a section is an array of records" });
    else sections.set(section, jsonRows(section, rows, jsonElementLines(body, section)));
  }
  if (problems.length > 0) sections.clear();
  return { sections, problems };
}

function jsonRows(type: RecordType, records: unknown[], lines: number[]): RawRow[] {
  const keys = new Set(jsonKeys(type));
  return records.map((record, index) => {
    const location = at({ line: lines[index] ?? null, record: index + 1 });
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      return { at: location, values: {}, tabular: false, problems: [{ column: null, reason: "a record is a JSON object" }], unreadable: true };
    }
    const values: Record<string, unknown> = {};
    const problems: RawRow["problems"] = [];
    for (const [key, value] of Object.entries(record)) {
      if (!keys.has(key)) problems.push({ column: key, reason: `unknown field for ${type}: expected ${[...keys].join(", ")}` });
      else if (JSON.stringify(value).includes("\\u0000")) problems.push({ column: key, reason: "must not contain NUL (U+0000) characters" });
      else if (value !== null && value !== "") values[key] = value;
    }
    return { at: location, values, tabular: false, problems };
  });
}

async function readXlsx(content: Buffer, type: ImportType): Promise<ReadResult> {
  const sections = new Map<RecordType, RawRow[]>();
  const problems: FileProblem[] = [];
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    return { sections, problems: [{ at: at({}), column: null, reason: `not a readable XLSX workbook: ${(error as Error).message}` }] };
  }
  const sheets = workbook.worksheets;
  const named = new Map(sheets.map((sheet) => [sheet.name.trim().toLowerCase(), sheet]));
  if (type === "all") {
    for (const sheet of sheets) {
      const name = sheet.name.trim().toLowerCase();
      if (name !== "readme" && !(RECORD_TYPES as readonly string[]).includes(name)) {
        problems.push({ at: at({ sheet: sheet.name }), column: null, reason: `unknown sheet: expected ${RECORD_TYPES.join(", ")} (or README)` });
      }
    }
  }
  for (const section of sectionsOf(type)) {
    const sheet = named.get(section) ?? (type !== "all" && sheets.length === 1 ? sheets[0] : undefined);
    if (!sheet) {
      if (type !== "all") problems.push({ at: at({}), column: null, reason: `no "${section}" sheet in this workbook` });
      continue;
    }
    const header = sheet.getRow(1);
    const cells = Array.from({ length: Math.max(header.cellCount, 0) }, (_, i) => cellText(header.getCell(i + 1).value) ?? "");
    if (cells.every((cell) => cell.trim() === "")) {
      problems.push({ at: at({ sheet: sheet.name, row: 1 }), column: null, reason: `the sheet is empty: expected a header row (${headerHint(section)})` });
      continue;
    }
    const columns = checkHeader(section, cells, () => at({ sheet: sheet.name, row: 1 }), problems);
    if (!columns) continue;
    const rows: RawRow[] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const values = columns.map((_, i) => cellText(row.getCell(i + 1).value));
      if (values.every((v) => v === null || v.trim() === "")) continue;
      rows.push(tabularRow(section, columns, values, at({ sheet: sheet.name, row: r }), 0));
    }
    sections.set(section, rows);
  }
  if (problems.length > 0) sections.clear();
  return { sections, problems };
}

/** A cell as the text a CSV would hold: numbers as written, a date as its day (or instant), rich text flattened. */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
    return null;
  }
  return String(value);
}
