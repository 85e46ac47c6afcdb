// npm run bench -- --only load   (or: npx tsx bench/load.ts): the service under load, on the
// embedded database and on a PostgreSQL server, in one run. Each starts the real server as a child
// process on a freshly seeded demo, then autocannon drives it at a fixed concurrency with the
// front-end's own read queries (web/src/api/queries.ts) and about 5% writes by an EDITOR token.
// LOAD_SECONDS (default 60), LOAD_WARMUP_SECONDS (10, not counted), LOAD_CONNECTIONS (16),
// LOAD_WRITE_PERCENT (5), LOAD_SAMPLE_MS (2000, memory sampling), LOAD_DATABASES
// (embedded,postgresql). BENCH_DATABASE_URL names a PostgreSQL server to use; otherwise a
// throwaway cluster is started with initdb/pg_ctl when they are installed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { mulberry32 } from "../graph/algorithms/random.js";
import { ACTOR, BRIDGE_ACTORS, ECOSYSTEM, ECOSYSTEM_ALLIANCES, ECOSYSTEM_NETWORK, OVERVIEW, PATHS, PEERS, SEARCH_ACTORS } from "../web/src/api/queries.ts";
import { embedded, postgres, sampleMemory, startServer, type Backend, type MemorySample } from "./loadTargets.js";
import { median } from "./stats.js";

const SECONDS = setting("LOAD_SECONDS", 60);
const WARMUP_SECONDS = setting("LOAD_WARMUP_SECONDS", 10);
const CONNECTIONS = setting("LOAD_CONNECTIONS", 16);
const SAMPLE_MS = setting("LOAD_SAMPLE_MS", 2_000);
const WRITE_PERCENT = setting("LOAD_WRITE_PERCENT", 5);
const DATABASES = (process.env.LOAD_DATABASES ?? "embedded,postgresql").split(",").map((d) => d.trim());

function setting(name: string, fallback: number): number {
  const value = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
  return value;
}

// ------------------------------------------------------------------ the mix

interface Pools {
  ecosystems: { id: string; code: string; level: string; territoryId: string }[];
  /** Actors grouped by their ecosystem, so introduction paths ask about actors with something in common. */
  groups: { id: string; name: string }[][];
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`bench/load: ${query.slice(0, 60)}… failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function pools(url: string): Promise<Pools> {
  const { ecosystems } = await graphql<{ ecosystems: { nodes: { id: string; territory: { id: string; code: string; level: string } }[] } }>(
    url,
    `{ ecosystems(first: 100) { nodes { id territory { id code level } } } }`,
  );
  const { actors } = await graphql<{ actors: { nodes: { id: string; name: string; territories: { ecosystem: { id: string } | null }[] }[] } }>(
    url,
    `{ actors(first: 500) { nodes { id name territories { ecosystem { id } } } } }`,
  );
  const byEcosystem = new Map<string, { id: string; name: string }[]>();
  for (const actor of actors.nodes) {
    const key = actor.territories.find((t) => t.ecosystem)?.ecosystem?.id ?? "none";
    byEcosystem.set(key, [...(byEcosystem.get(key) ?? []), { id: actor.id, name: actor.name }]);
  }
  return {
    ecosystems: ecosystems.nodes.map((e) => ({ id: e.id, code: e.territory.code, level: e.territory.level, territoryId: e.territory.id })),
    groups: [...byEcosystem.values()].filter((group) => group.length >= 2),
  };
}

const CREATE_INTERACTION = `mutation CreateInteraction($input: CreateInteractionInput!) {
  createInteraction(input: $input) { __typename ... on CreateInteractionSuccess { interaction { id } } ... on Error { message code } }
}`;

interface Operation {
  kind: string;
  /** Out of the sum of all weights. */
  weight: number;
  write?: boolean;
  request(rng: () => number): { query: string; variables: Record<string, unknown> };
}

/** What the map asks, in roughly the proportions a visitor's clicks produce, and ~5% writes. */
function mix({ ecosystems, groups }: Pools): Operation[] {
  const pick = <T>(rng: () => number, list: T[]): T => list[Math.floor(rng() * list.length)]!;
  const pair = (rng: () => number) => {
    const group = pick(rng, groups);
    const a = Math.floor(rng() * group.length);
    const b = (a + 1 + Math.floor(rng() * (group.length - 1))) % group.length;
    return [group[a]!, group[b]!] as const;
  };
  const actor = (rng: () => number) => pick(rng, pick(rng, groups));
  return [
    { kind: "overview: all ecosystems", weight: 3, request: () => ({ query: OVERVIEW.text, variables: {} }) },
    {
      kind: "an ecosystem's network with metrics",
      weight: 4,
      request: (rng) => {
        const e = pick(rng, ecosystems);
        return { query: ECOSYSTEM.text, variables: { code: e.code, level: e.level, outside: rng() < 0.5 } };
      },
    },
    {
      kind: "an ecosystem's bridge actors",
      weight: 1,
      request: (rng) => ({ query: BRIDGE_ACTORS.text, variables: { ecosystem: pick(rng, ecosystems).id, first: 10 } }),
    },
    {
      kind: "an ecosystem's alliances",
      weight: 1,
      request: (rng) => ({ query: ECOSYSTEM_ALLIANCES.text, variables: { territory: pick(rng, ecosystems).territoryId, after: null } }),
    },
    { kind: "an actor with metrics", weight: 3, request: (rng) => ({ query: ACTOR.text, variables: { id: actor(rng).id } }) },
    { kind: "an actor's peers", weight: 2, request: (rng) => ({ query: PEERS.text, variables: { id: actor(rng).id, first: 10 } }) },
    {
      kind: "introduction paths",
      weight: 3,
      request: (rng) => {
        const [from, to] = pair(rng);
        return { query: PATHS.text, variables: { from: from.id, to: to.id, confirmedOnly: rng() < 0.5, maxLength: 4 } };
      },
    },
    {
      kind: "an actor's ecosystem network",
      weight: 1,
      request: (rng) => {
        const e = pick(rng, ecosystems);
        return { query: ECOSYSTEM_NETWORK.text, variables: { code: e.code, level: e.level } };
      },
    },
    { kind: "actor search", weight: 1, request: (rng) => ({ query: SEARCH_ACTORS.text, variables: { search: actor(rng).name.slice(0, 4) } }) },
    {
      kind: "write: create an interaction",
      // Reads weigh 19 in all: 1 makes writes 5% of the requests.
      weight: WRITE_PERCENT >= 100 ? 1e9 : (19 * WRITE_PERCENT) / (100 - WRITE_PERCENT),
      write: true,
      request: (rng) => {
        const [a, b] = pair(rng);
        const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 700) * 86_400_000).toISOString().slice(0, 10);
        const kind = pick(rng, ["MEETING", "JOINT_PROJECT"]);
        return { query: CREATE_INTERACTION, variables: { input: { kind, date: day, intensity: 1 + Math.floor(rng() * 5), participants: [a.id, b.id] } } };
      },
    },
  ];
}

// ------------------------------------------------------------------ a run

interface Tally {
  latencies: Map<string, number[]>;
  graphqlErrors: number;
  writes: number;
  refusedWrites: number;
  firstProblem: string | null;
}

/** One autocannon run over the mix; each connection draws operations from its own seeded stream. */
async function drive(
  url: string,
  operations: Operation[],
  seconds: number,
  editorToken: string,
  seed: number,
): Promise<{ result: autocannon.Result; tally: Tally }> {
  const tally: Tally = { latencies: new Map(operations.map((o) => [o.kind, []])), graphqlErrors: 0, writes: 0, refusedWrites: 0, firstProblem: null };
  const total = operations.reduce((sum, o) => sum + o.weight, 0);
  const rng = mulberry32(seed);
  const draw = () => {
    let x = rng() * total;
    for (const operation of operations) if ((x -= operation.weight) < 0) return operation;
    return operations[operations.length - 1]!;
  };
  const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
  type Context = { operation?: Operation; sentAt?: number };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // A cold national analytics request may take seconds on a busy machine: wait for the server's
    // own timeout (an error answer) rather than cutting the connection.
    timeout: 60,
    requests: [
      {
        method: "POST",
        path: "/graphql",
        setupRequest: (request, context) => {
          const operation = draw();
          Object.assign(context as Context, { operation, sentAt: performance.now() });
          const auth = operation.write ? { authorization: `Bearer ${editorToken}` } : {};
          return { ...request, headers: { ...headers, ...auth }, body: JSON.stringify(operation.request(rng)) };
        },
        onResponse: (status, body, context) => {
          const { operation, sentAt } = context as Context;
          if (!operation || sentAt === undefined) return;
          tally.latencies.get(operation.kind)!.push(performance.now() - sentAt);
          const failed = status !== 200 || body.includes('"errors":') || (operation.write && !body.includes('"CreateInteractionSuccess"'));
          if (operation.write) tally[failed ? "refusedWrites" : "writes"] += 1;
          if (body.includes('"errors":')) tally.graphqlErrors += 1;
          if (failed && !tally.firstProblem) tally.firstProblem = `${operation.kind}: HTTP ${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return { result, tally };
}

interface RunFigures {
  label: string;
  operations: Operation[];
  warmupRequests: number;
  result: autocannon.Result;
  tally: Tally;
  memory: MemorySample[];
}

async function measure(backend: Backend): Promise<RunFigures> {
  console.error(`load: ${backend.label}: starting the server`);
  const server = await startServer(backend.env);
  try {
    const operations = mix(await pools(server.url));
    let warmupRequests = 0;
    if (WARMUP_SECONDS > 0) {
      console.error(`load: ${backend.label}: ${WARMUP_SECONDS} s warm-up (not counted)`);
      warmupRequests = (await drive(server.url, operations, WARMUP_SECONDS, backend.editorToken, 1)).result.requests.total;
    }
    console.error(`load: ${backend.label}: ${SECONDS} s at ${CONNECTIONS} connections`);
    const sampler = sampleMemory(server.child, SAMPLE_MS);
    const { result, tally } = await drive(server.url, operations, SECONDS, backend.editorToken, 2);
    const memory = sampler.stop();
    if (tally.firstProblem) console.error(`load: ${backend.label}: first failure: ${tally.firstProblem}`);
    return { label: backend.label, operations, warmupRequests, result, tally, memory };
  } finally {
    await server.stop();
  }
}

// ------------------------------------------------------------------ the report

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Least-squares slope of y against x. */
function slope(points: [number, number][]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? NaN : num / den;
}

const mb = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(0));
const trend = (x: number) => (Number.isNaN(x) ? "n/a" : `${x >= 0 ? "+" : ""}${x.toFixed(1)}`);

function memoryRows(run: RunFigures): { rss: string; rssTrend: string; heap: string; heapTrend: string } {
  const m = run.memory;
  const heaps = m.filter((s) => s.heapMb !== null) as (MemorySample & { heapMb: number })[];
  return {
    rss: `${mb(m[0]?.rssMb)} → ${mb(m.at(-1)?.rssMb)} (peak ${mb(Math.max(...m.map((s) => s.rssMb)))})`,
    rssTrend: trend(slope(m.map((s) => [s.seconds / 60, s.rssMb]))),
    heap: heaps.length ? `${mb(heaps[0]!.heapMb)} → ${mb(heaps.at(-1)!.heapMb)} (median ${mb(median(heaps.map((s) => s.heapMb)))})` : "n/a",
    heapTrend: trend(slope(heaps.map((s) => [s.seconds / 60, s.heapMb]))),
  };
}

function table(rows: string[][]): string {
  return rows.map((r, i) => `| ${r.join(" | ")} |${i === 0 ? `\n|${r.map(() => " --- ").join("|")}|` : ""}`).join("\n");
}

function report(runs: RunFigures[], notes: string[]): string {
  const operations = runs[0]?.operations ?? [];
  const col = (f: (run: RunFigures) => string) => runs.map(f);
  const mem = runs.map(memoryRows);
  const main = table([
    ["measure", ...runs.map((r) => r.label)],
    ["requests answered", ...col((r) => String(r.result.requests.total))],
    ["throughput, req/s", ...col((r) => (r.result.requests.total / r.result.duration).toFixed(1))],
    ["latency p50 / p99, ms", ...col((r) => `${r.result.latency.p50} / ${r.result.latency.p99}`)],
    ["writes acknowledged / refused", ...col((r) => `${r.tally.writes} / ${r.tally.refusedWrites}`)],
    ["connection errors / timeouts", ...col((r) => `${r.result.errors} / ${r.result.timeouts}`)],
    ["non-2xx answers", ...col((r) => String(r.result.non2xx))],
    ["answers with GraphQL errors", ...col((r) => String(r.tally.graphqlErrors))],
    ["server RSS start → end, MB", ...mem.map((m) => m.rss)],
    ["RSS trend (least squares), MB/min", ...mem.map((m) => m.rssTrend)],
    ["server heap used start → end, MB", ...mem.map((m) => m.heap)],
    ["heap trend (least squares), MB/min", ...mem.map((m) => m.heapTrend)],
    ["memory samples", ...col((r) => `${r.memory.length} (every ${SAMPLE_MS / 1000} s)`)],
    ["warm-up requests (not counted)", ...col((r) => String(r.warmupRequests))],
  ]);
  const total = operations.reduce((sum, o) => sum + o.weight, 0);
  const perKind = table([
    ["operation", "share", ...runs.map((r) => `${r.label}: n, p50 / p99 ms`)],
    ...operations.map((o) => [
      o.kind,
      `${((o.weight / total) * 100).toFixed(0)}%`,
      ...runs.map((r) => {
        const l = r.tally.latencies.get(o.kind) ?? [];
        return l.length ? `${l.length}, ${percentile(l, 50).toFixed(0)} / ${percentile(l, 99).toFixed(0)}` : "0";
      }),
    ]),
  ]);
  const load = `Load average at the end (1, 5, 15 min): ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ")} on ${os.availableParallelism()} cores.`;
  return [
    `## Load: ${SECONDS} s at ${CONNECTIONS} connections after ${WARMUP_SECONDS} s of warm-up, ${new Date().toISOString()}`,
    "",
    "The real server (`server/index.ts`, in-process graph engine) on the seeded demo, driven by autocannon with the",
    `front-end's queries (\`web/src/api/queries.ts\`) and ${WRITE_PERCENT}% writes by an EDITOR token. Memory is the server process's:`,
    "RSS from `/proc/<pid>/status`, heap from `process.memoryUsage()` after a full garbage collection; the trend is the slope of a least-squares line.",
    "",
    main,
    "",
    perKind,
    "",
    ...notes.map((n) => `${n}`),
    load,
    "",
  ].join("\n");
}

// ------------------------------------------------------------------ entry points

/** Runs the scenario on each database, writes bench/results/load.md and returns the report. */
export async function benchLoad(): Promise<string> {
  const runs: RunFigures[] = [];
  const notes: string[] = [];
  const databases = { embedded, postgresql: postgres };
  for (const name of DATABASES) {
    const open = databases[name as keyof typeof databases];
    if (!open) throw new Error(`LOAD_DATABASES: unknown database "${name}" (embedded, postgresql)`);
    const backend = await open();
    if (!backend) {
      notes.push("PostgreSQL: not measured (no BENCH_DATABASE_URL, and no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin).");
      continue;
    }
    const stopOnSignal = () => void backend.close().finally(() => process.exit(130));
    process.once("SIGINT", stopOnSignal);
    try {
      runs.push(await measure(backend));
    } finally {
      process.off("SIGINT", stopOnSignal);
      await backend.close();
    }
  }
  const text = report(runs, notes);
  const out = path.resolve(import.meta.dirname, "results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "load.md"), `# npm run bench -- --only load\n\n${text}`);
  return text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(await benchLoad());
