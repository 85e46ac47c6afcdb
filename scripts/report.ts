/**
 * report: an ecosystem's observation notebook (server/report/), in HTML or PDF, French or English,
 * written to a file; or every ecosystem's with --all. Reads the record where the server does
 * (DATABASE_URL, or the embedded database in DATA_DIR, which the server must not hold open).
 *
 *   maillage report --territory 200071363 --lang en --format pdf --out vichy.pdf
 *   maillage report --all --out-dir reports/
 *
 * Exit codes: 0 written, 1 failed (unknown territory, no Chromium for a PDF, database), 2 the
 * command line is wrong.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ReportRequest } from "../server/report/reportRequest.js";

const USAGE = `usage: maillage report --territory CODE [--lang fr|en] [--format html|pdf] [--out FILE|-]
       maillage report --all --out-dir DIR [--lang fr|en] [--format html|pdf]

  --territory CODE  official code of the ecosystem's territory (INSEE, SIREN for an EPCI)
  --lang            fr (default) or en
  --format          html (default) or pdf (printed by Chromium at /usr/bin/chromium)
  --out FILE        where to write; default maillage-<code>-<lang>.<format>; - for standard output
  --all             every ecosystem, one file each, into --out-dir`;

function usageError(message: string): never {
  console.error(`report: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      territory: { type: "string" },
      lang: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      all: { type: "boolean", default: false },
      "out-dir": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  parsed = parse();
} catch (error) {
  usageError((error as Error).message);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.all === Boolean(values.territory)) usageError("give either --territory CODE or --all");
if (values.all && !values["out-dir"]) usageError("--all needs --out-dir DIR");
if (values.all && values.out) usageError("--out names one file; with --all use --out-dir");
const options = ReportRequest.omit({ territoryCode: true }).safeParse({ lang: values.lang, format: values.format });
if (!options.success) usageError(options.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
if (values.territory !== undefined && !ReportRequest.shape.territoryCode.safeParse(values.territory).success)
  usageError(`"${values.territory}" is not a territory code`);
const { lang, format } = options.data;
if (values.out === "-" && format === "pdf" && process.stdout.isTTY) usageError("a PDF on a terminal: give --out FILE");

// Loaded once the command line is known to be right: a usage error answers at once.
const [{ closeSharedBetweennessPool }, { MemoryGraphEngine }, { loadConfig }, { openDatabase }, { createLogger }, { PdfPrinter }, { buildReport }] =
  await Promise.all([
    import("../graph/workers/sharedBetweennessPool.js"),
    import("../graph/engines/memory/memoryEngine.js"),
    import("../server/config.js"),
    import("../record/database.js"),
    import("../server/logger.js"),
    import("../server/report/pdfPrinter.js"),
    import("../server/report/report.js"),
  ]);
const config = loadConfig();
const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: 2 });
const graph = new MemoryGraphEngine(db.prisma);
const printer = format === "pdf" ? new PdfPrinter() : undefined;
const deps = { prisma: db.prisma, graph, logger: createLogger("warn"), printer };
let failed = false;
try {
  if (printer && !printer.available()) throw new Error("no Chromium at /usr/bin/chromium to print PDFs (apt-get install chromium), or use --format html");
  await graph.start();
  const codes = values.all
    ? (await db.prisma.ecosystem.findMany({ select: { territory: { select: { code: true } } }, orderBy: { id: "asc" } })).map((e) => e.territory.code)
    : [values.territory!];
  if (values.all) fs.mkdirSync(values["out-dir"]!, { recursive: true });
  for (const [i, territoryCode] of codes.entries()) {
    const report = await buildReport(deps, { territoryCode, lang, format });
    if (!report) {
      console.error(`report: no ecosystem for the territory "${territoryCode}"`);
      failed = true;
      continue;
    }
    if (values.out === "-") {
      process.stdout.write(report.body);
      continue;
    }
    const file = values.all ? path.join(values["out-dir"]!, report.filename) : path.resolve(values.out ?? report.filename);
    fs.writeFileSync(file, report.body);
    console.error(values.all ? `report: ${i + 1}/${codes.length} ${file}` : `report: wrote ${file} (${report.body.byteLength} bytes)`);
  }
} catch (error) {
  console.error(`report: ${(error as Error).message}`);
  failed = true;
} finally {
  await printer?.close();
  await graph.close();
  await closeSharedBetweennessPool();
  await db.close();
}
process.exit(failed ? 1 : 0);
