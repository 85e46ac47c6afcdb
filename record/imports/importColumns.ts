import { PRACTICE_KEYS } from "../vocabulary/practices.js";

/**
 * The import format's record types and their columns: one definition that the readers check
 * headers against, the templates are generated from, and docs/import.md describes. A column is
 * a CSV header, an XLSX header cell and a JSON key alike, except the practice scores, which a
 * table spreads over one column per practice and JSON groups under `scores`.
 */
export const RECORD_TYPES = ["actors", "alliances", "interactions", "needs", "practices"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** What `--type` accepts: one record type, or every section of a JSON bundle or XLSX workbook. */
export const IMPORT_TYPES = [...RECORD_TYPES, "all"] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const FORMATS = ["csv", "json", "xlsx"] as const;
export type ImportFormat = (typeof FORMATS)[number];

export interface Column {
  name: string;
  required: boolean;
  /** Holds a `;`-separated list in a table, an array in JSON. */
  list?: boolean;
}

const column = (name: string, required = false, list = false): Column => ({ name, required, ...(list && { list }) });

export const COLUMNS: Readonly<Record<RecordType, readonly Column[]>> = {
  actors: [
    column("id"),
    column("name", true),
    column("kind", true),
    column("profile"),
    column("isCatalyst"),
    column("territories", true, true),
    column("siren"),
    column("siret"),
    column("rna"),
    column("description"),
    column("website"),
  ],
  alliances: [
    column("id", true),
    column("name", true),
    column("purpose"),
    column("startDate", true),
    column("endDate"),
    column("modalities", false, true),
    column("levers", false, true),
    column("impacts", false, true),
    column("members", true, true),
    column("declaredBy"),
  ],
  interactions: [
    column("id", true),
    column("kind", true),
    column("date", true),
    column("participants", true, true),
    column("alliance"),
    column("description"),
    column("intensity"),
    column("amountEuros"),
  ],
  needs: [column("id", true), column("territory", true), column("date", true), column("level", true), column("assessedBy", true), column("notes")],
  practices: [column("id", true), column("actor", true), column("date", true), ...PRACTICE_KEYS.map((key) => column(key))],
};

/** The JSON keys of a record type: practice scores sit under `scores`. */
export function jsonKeys(type: RecordType): string[] {
  return type === "practices" ? ["id", "actor", "date", "scores"] : COLUMNS[type].map((c) => c.name);
}

/** The order sections are imported in: whatever a row refers to is imported before it. */
export function sectionsOf(type: ImportType): RecordType[] {
  return type === "all" ? [...RECORD_TYPES] : [type];
}

/** The format a file name implies, or null. */
export function formatOfFile(file: string): ImportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return (FORMATS as readonly string[]).includes(extension ?? "") ? (extension as ImportFormat) : null;
}
