/**
 * export: writes the network of a scope as a file, reading the record directly as the server
 * does (DATABASE_URL, or the embedded database in DATA_DIR, which the server must not hold open).
 * Trusted as the record's owner: contact people go in with --people. docs/export.md has the
 * formats and their attributes.
 *
 *   maillage export --format gexf --scope region:84 --out aura.gexf
 *   maillage export --format csv --scope territory:200071363 --confirmed --out vichy.csv   (vichy-nodes.csv, vichy-ties.csv)
 *   maillage export --format record --scope territory:200071363 --out vichy.json   (the import's own format)
 *
 * Exit codes: 0 written, 1 the export failed (unknown place, database), 2 the command line is wrong.
 */
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MemoryGraphEngine } from "../graph/engines/memory/memoryEngine.js";
import { loadConfig } from "../server/config.js";
import { openDatabase, type Database } from "../record/database.js";
import type { TerritoryLevel } from "../record/generated/prisma/enums.js";
import { exportRecord } from "../record/imports/recordExport.js";
import { buildExportDataset } from "../server/exports/buildDataset.js";
import type { ExportDataset } from "../server/exports/dataset.js";
import { EXPORT_WRITERS, exportFileName, inPieces } from "../server/exports/registry.js";
import { EXPORT_FORMATS, parseExportRequest, parseScope, scopeText, type CsvPart, type ExportRequest, type ExportScope } from "../server/exports/request.js";
import { ExportScopeError } from "../server/exports/scope.js";

const USAGE = `usage: maillage export --format ${EXPORT_FORMATS.join("|")}|record [options]

  record writes the records themselves (actors, alliances with members, interactions, assessments)
  in the import's JSON format, for \`maillage import --type all\` into another record; it takes
  --scope and --out only.

  --scope SCOPE       national (default), region:<INSEE code>, territory:<code> or territory:<LEVEL>:<code>
  --out PATH          file to write (default: a name like maillage-region-84-2026-11-20.gexf in the current
                      folder); a folder writes that name there; "-" writes to standard output.
                      CSV writes two files: <PATH without .csv>-nodes.csv and -ties.csv
  --profile P,...     actors of these profiles (ECONOMIC, GENERAL_INTEREST, PUBLIC, ACADEMIC)
  --kind K,...        actors of these kinds
  --modality M,...    ties resting on an alliance using one of these modalities
  --lever L,...       ties resting on an alliance mobilising one of these levers
  --from DAY --to DAY ties active at some day of the period (YYYY-MM-DD)
  --as-of DAY         the network as of that day
  --confirmed         confirmed ties only
  --no-isolates       leave out actors the filters leave without a tie
  --no-metrics        skip the network metrics (faster)
  --people            include contact people (personal data: handle the file accordingly)
  --help              this text`;

function fail(code: 1 | 2, message: string): never {
  console.error(`export: ${message}${code === 2 ? `\n\n${USAGE}` : ""}`);
  process.exit(code);
}

type CommandLine = (ExportRequest & { out: string | null }) | { format: "record"; scope: ExportScope; out: string | null };

function commandLine(): CommandLine {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        format: { type: "string" },
        scope: { type: "string" },
        out: { type: "string" },
        profile: { type: "string", multiple: true },
        kind: { type: "string", multiple: true },
        modality: { type: "string", multiple: true },
        lever: { type: "string", multiple: true },
        from: { type: "string" },
        to: { type: "string" },
        "as-of": { type: "string" },
        confirmed: { type: "boolean" },
        "no-isolates": { type: "boolean" },
        "no-metrics": { type: "boolean" },
        people: { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    fail(2, (error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.format === "record") return recordCommandLine(values);
  const raw: Record<string, string[]> = {};
  const put = (name: string, value: string | string[] | boolean | undefined) => {
    if (value !== undefined) raw[name] = [value].flat().map(String);
  };
  put("format", values.format);
  put("scope", values.scope);
  for (const name of ["profile", "kind", "modality", "lever", "from", "to"]) put(name, values[name]);
  put("asOf", values["as-of"]);
  if (values.confirmed) put("confirmed", "true");
  if (values.people) put("people", "true");
  if (values["no-metrics"]) put("metrics", "false");
  if (values["no-isolates"]) put("isolates", "false");
  const parsed = parseExportRequest(raw);
  // The request's names are the HTTP parameters': say them as options.
  if (!parsed.ok) fail(2, parsed.message.replace(/\basOf\b/g, "as-of").replace(/(^|; )(\w[\w-]*):/g, "$1--$2:"));
  const out = typeof values.out === "string" ? values.out : null;
  if (out === "-" && parsed.request.format === "csv") fail(2, "--out -: csv is two files, give a file name");
  return { ...parsed.request, out };
}

function recordCommandLine(values: Record<string, string | boolean | string[] | undefined>): CommandLine {
  const other = Object.keys(values).filter((name) => !["format", "scope", "out"].includes(name) && values[name] !== undefined);
  if (other.length > 0) fail(2, `--format record takes --scope and --out only, not ${other.map((name) => `--${name}`).join(", ")}`);
  const scope = parseScope(typeof values.scope === "string" ? values.scope : "national");
  if (scope === null) fail(2, `--scope: "${String(values.scope)}" is not a scope`);
  return { format: "record", scope, out: typeof values.out === "string" ? values.out : null };
}

/** The one territory a record export's scope names (a région is a territory too). */
async function recordTerritory(prisma: Database["prisma"], scope: ExportScope): Promise<{ level: TerritoryLevel; code: string } | undefined> {
  if (scope.kind === "national") return undefined;
  const level = scope.kind === "region" ? "REGION" : scope.level;
  const candidates = await prisma.territory.findMany({ where: { code: scope.code, ...(level && { level }) }, select: { level: true, code: true } });
  if (candidates.length === 0) throw new ExportScopeError(`No territory has the code "${scope.code}"${level ? ` at level ${level}` : ""}.`, "not-found");
  if (candidates.length > 1)
    throw new ExportScopeError(`The code "${scope.code}" names several territories: write territory:<LEVEL>:${scope.code}.`, "ambiguous");
  return candidates[0];
}

async function writeRecordBundle(prisma: Database["prisma"], request: Extract<CommandLine, { format: "record" }>): Promise<void> {
  const bundle = await exportRecord(prisma, { territory: await recordTerritory(prisma, request.scope) });
  const target =
    request.out ??
    `maillage-${scopeText(request.scope)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")}-record.json`;
  const report = target === "-" ? console.error : console.log;
  const bytes = await writeDocument([JSON.stringify(bundle, null, 1), "\n"], target);
  if (target !== "-") report(`export: wrote ${target} (${(bytes / 1_048_576).toFixed(1)} MB)`);
  report(
    `export: ${bundle.actors.length} actors, ${bundle.alliances.length} alliances, ${bundle.interactions.length} interactions of ${scopeText(request.scope)}, in the import's format`,
  );
}

/** Where each document goes: [part, path], or [null, "-"] for standard output. */
function destinations(request: ExportRequest & { out: string | null }, dataset: ExportDataset): [CsvPart | null, string][] {
  const parts = EXPORT_WRITERS[request.format].parts ?? [null];
  const { out } = request;
  if (out === "-") return [[null, "-"]];
  const folder = out === null ? "." : out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory()) ? out : null;
  if (folder !== null) return parts.map((part) => [part, path.join(folder, exportFileName(dataset, request.format, part))]);
  if (parts[0] === null) return [[null, out!]];
  const base = out!.replace(/\.csv$/i, "");
  return parts.map((part) => [part, `${base}-${part}.csv`]);
}

/** Writes to a temporary file renamed at the end: an interrupted export leaves no half file. */
async function writeDocument(chunks: Iterable<string>, target: string): Promise<number> {
  if (target === "-") {
    for await (const piece of inPieces(chunks)) if (!process.stdout.write(piece)) await once(process.stdout, "drain");
    return 0;
  }
  const temporary = `${target}.partial`;
  const stream = fs.createWriteStream(temporary);
  try {
    for await (const piece of inPieces(chunks)) if (!stream.write(piece)) await once(stream, "drain");
    stream.end();
    await once(stream, "finish");
  } catch (error) {
    stream.destroy();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.renameSync(temporary, target);
  return fs.statSync(target).size;
}

const request = commandLine();
const config = loadConfig();
const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: 2 });
const graph = new MemoryGraphEngine(db.prisma);
try {
  if (request.format === "record") {
    await writeRecordBundle(db.prisma, request);
  } else {
    await graph.start();
    // On this thread: a one-shot command has nothing else to keep answering, and no workers to stop.
    const dataset = await buildExportDataset({ prisma: db.prisma, graph, pool: () => null }, request, { peopleAllowed: true });
    const report = request.out === "-" ? console.error : console.log;
    for (const [part, target] of destinations(request, dataset)) {
      const bytes = await writeDocument(EXPORT_WRITERS[request.format].write(dataset, part), target);
      if (target !== "-") report(`export: wrote ${target} (${(bytes / 1_048_576).toFixed(1)} MB)`);
    }
    report(
      `export: ${dataset.nodes.length} actors, ${dataset.ties.length} ties, ${dataset.alliances.length} alliances of ${dataset.meta.scopeLabel}, ` +
        `as of ${dataset.meta.asOf} (graph version ${dataset.meta.graphVersion})${dataset.peopleIncluded ? ", with contact people" : ""}`,
    );
  }
} catch (error) {
  // An unknown or ambiguous place is the user's to fix: its message alone. Anything else, with its name.
  console.error(`export: ${error instanceof ExportScopeError ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await graph.close();
  await db.close();
}
