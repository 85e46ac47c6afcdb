// maillage <command> [options]: one entry point for the service's commands. Exit codes: 0 done,
// 1 the command failed (with a message), 2 the command line is wrong.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

interface Command {
  summary: string;
  usage: string;
  script: string;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: "run the GraphQL service (what npm start does)",
    usage: "maillage serve   (configuration: environment variables, see README)",
    script: "server/index.ts",
  },
  migrate: {
    summary: "apply pending migrations and exit",
    usage: "maillage migrate   (DATABASE_URL or DATA_DIR pick the database)",
    script: "scripts/migrateDatabase.ts",
  },
  seed: { summary: "empty the record and seed the demo programme", usage: "maillage seed   (SEED=<integer> picks another demo)", script: "scripts/seed.ts" },
  token: {
    summary: "create, revoke or list API tokens",
    usage: "maillage token create --role EDITOR|ADMIN|RESEARCHER|CATALYST --label TEXT [--actor ID] | revoke ID | list",
    script: "scripts/token.ts",
  },
  import: {
    summary: "import actors, alliances, interactions or assessments from CSV, JSON or XLSX",
    usage:
      "maillage import --type actors|alliances|interactions|needs|practices|all --source NAME [--format csv|json|xlsx] [--dry-run] [--strict] [--json] FILE   (columns: docs/import.md; DATABASE_URL or DATA_DIR pick the database; exit 1 when rows are rejected)",
    script: "scripts/import.ts",
  },
  "rebuild-graph": {
    summary: "recreate the Neo4j graph from the record",
    usage: "maillage rebuild-graph   (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE name the Neo4j; DATABASE_URL or DATA_DIR the record)",
    script: "scripts/neo4j/rebuildGraph.ts",
  },
  report: {
    summary: "write an ecosystem's observation notebook (HTML or PDF, French or English)",
    usage: "maillage report --territory CODE [--lang fr|en] [--format html|pdf] [--out FILE] | --all --out-dir DIR",
    script: "scripts/report.ts",
  },
  export: {
    summary: "write the network of a scope as GEXF, GraphML, CSV, JSON Graph or JSON-LD",
    usage:
      "maillage export --format gexf|graphml|csv|jgf|jsonld [--scope national|region:<code>|territory:[<LEVEL>:]<code>] [--out PATH|-] [--profile P,...] [--kind K,...] [--modality M,...] [--lever L,...] [--from DAY] [--to DAY] [--as-of DAY] [--confirmed] [--no-isolates] [--no-metrics] [--people]   (docs/export.md; DATABASE_URL or DATA_DIR the record)",
    script: "scripts/export.ts",
  },
  schema: { summary: "print the GraphQL schema to schema.graphql", usage: "maillage schema", script: "scripts/printSchema.ts" },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    "usage: maillage <command> [options]",
    "",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "maillage <command> --help for its options.",
  ].join("\n");
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === "--help" || name === "help") {
  console.log(help());
  process.exit(name ? 0 : 2);
}
const command = COMMANDS[name];
if (!command) {
  console.error(`maillage: unknown command "${name}"\n\n${help()}`);
  process.exit(2);
}
if (rest.includes("--help")) {
  console.log(`${command.usage}\n\n${command.summary}.`);
  process.exit(0);
}
process.argv = [process.argv[0]!, path.join(ROOT, command.script), ...rest];
try {
  await import(path.join(ROOT, command.script));
} catch (error) {
  console.error(`maillage ${name}: ${(error as Error).message}`);
  process.exit(1);
}
