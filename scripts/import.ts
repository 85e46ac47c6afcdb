/**
 * import: reads actors, alliances, interactions or assessments from a CSV, JSON or XLSX file
 * (docs/import.md) into the record, where the server reads it (DATABASE_URL, or the embedded
 * database in DATA_DIR, which the server must not hold open). Exit codes: 0 every row imported,
 * 1 rows rejected (or the import failed), 2 the command line is wrong.
 *
 *   maillage import --type actors --source enquete-2026 --dry-run actors.csv
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.js";
import { openDatabase } from "../record/database.js";
import { FORMATS, formatOfFile, IMPORT_TYPES, type ImportFormat, type ImportType } from "../record/imports/importColumns.js";
import { importRecords, sourceSchema } from "../record/imports/importRecords.js";
import { progressReporter } from "../record/imports/progress.js";
import { reportText } from "../record/imports/reportText.js";

export const USAGE = `usage: maillage import --type ${IMPORT_TYPES.join("|")} --source NAME [--format ${FORMATS.join("|")}] [--dry-run] [--strict] [--json] FILE`;

function usageError(message: string): never {
  console.error(`import: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        type: { type: "string" },
        source: { type: "string" },
        format: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
}
const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(
    `${USAGE}\n\nImports one record type from FILE, or every section of a JSON bundle or XLSX workbook (--type all).\nColumns and references: docs/import.md; templates: templates/import/.`,
  );
  process.exit(0);
}
if (!values.type || !(IMPORT_TYPES as readonly string[]).includes(values.type)) usageError(`--type must be one of ${IMPORT_TYPES.join(", ")}`);
const source = sourceSchema.safeParse(values.source ?? "");
if (!values.source) usageError("--source names where the rows come from (e.g. --source enquete-2026)");
if (!source.success) usageError(`--source: ${source.error.issues[0]!.message}`);
if (positionals.length !== 1) usageError(positionals.length === 0 ? "name the FILE to import" : "import one FILE at a time");
const file = positionals[0]!;
const format = (values.format?.toLowerCase() ?? formatOfFile(file)) as ImportFormat | null;
if (!format || !(FORMATS as readonly string[]).includes(format)) usageError(`--format must be one of ${FORMATS.join(", ")} (the file's extension did not say)`);
let content: string | Buffer;
try {
  content = format === "xlsx" ? fs.readFileSync(file) : fs.readFileSync(file, "utf8");
} catch (error) {
  usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
}

const config = loadConfig();
const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: 2 });
try {
  const progress = progressReporter(process.stderr);
  const report = await importRecords(db.prisma, {
    type: values.type as ImportType,
    format,
    content,
    source: source.data,
    dryRun: values["dry-run"],
    strict: values.strict,
    onProgress: progress.update,
  });
  progress.done();
  console.log(values.json ? JSON.stringify(report, null, 2) : reportText(report, path.basename(file)));
  if (report.rejectionCount > 0) process.exitCode = 1;
} finally {
  await db.close();
}
