// npm run bench [-- --full]: times this project's graph algorithms side by side with
// graphology-metrics and, where Debian's python3-igraph / python3-networkx are installed, igraph
// and NetworkX, on seeded territorial graphs, in one run; prints a table of medians and ratios.
// --full adds the slowest cases (exact betweenness on 50,000 nodes, NetworkX on 5,000).
// --only betweenness (or constraint, maturity, imports, load) runs one group of rows, to iterate on it.
// load: the service under load on the embedded database and PostgreSQL (bench/load.ts, LOAD_SECONDS).
// Betweenness also runs on a persistent pool of worker threads (one per core), started once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { betweenness } from "../graph/algorithms/betweenness.js";
import { sampledBetweenness } from "../graph/algorithms/betweennessSampled.js";
import { structuralHoles } from "../graph/algorithms/structuralHoles.js";
import { DEFAULTS as SCALED, scaledBetweenness, scaledBetweennessParallel } from "./estimators/betweennessScaled.js";
import { DEFAULTS as TOP_RANKED, topRankedBetweennessParallel } from "./estimators/betweennessTopRanked.js";
import { createEstimatorPool } from "./estimators/estimatorPool.js";
import { benchImports, importRows } from "./imports.js";
import { benchLoad } from "./load.js";
import { benchMaturity } from "./maturity.js";
import { benchNeo4j, neo4jRows } from "./neo4j.js";
import { hasPython, pythonPeer, toGraphology } from "./peers.js";
import { median, spearman, timeRuns, topOverlap } from "./stats.js";
import { territorialGraph } from "./territorialGraph.js";
import { benchWebFps } from "./webFps.js";

// The package is CommonJS: under Node's ESM loader the default import is module.exports itself,
// while TypeScript types it as the module namespace.
const betweennessCentrality = betweennessModule as unknown as (graph: unknown) => Record<string, number>;

const full = process.argv.includes("--full");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const runs = (group: "betweenness" | "constraint" | "maturity" | "imports" | "load") => only === undefined || only === group;
const rows: string[][] = [];
const igraph = hasPython("igraph");
const networkx = hasPython("networkx");

function row(graph: string, measure: string, implementation: string, seconds: number[], reference?: number, note = "") {
  const m = median(seconds);
  rows.push([graph, measure, implementation, m.toFixed(3), reference ? (m / reference).toFixed(2) : "", note]);
  console.error(`  ${graph} | ${measure} | ${implementation}: ${m.toFixed(3)} s ${note}`);
  return m;
}

/** Times a run that uses the pool, and how many cores the process kept busy meanwhile (fewer than the workers when the machine is shared). */
async function timePool(repeats: number, run: () => Promise<unknown>): Promise<{ seconds: number[]; cores: string }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const seconds = await timeRuns(repeats, run);
  const used = process.cpuUsage(cpu);
  return { seconds, cores: `${((used.user + used.system) / 1000 / (performance.now() - start)).toFixed(2)} cores busy` };
}

// The pool starts once per process; its start is timed on its own, not in the rows that use it.
const poolStart = performance.now();
const pool = createEstimatorPool();
await pool.ready();
rows.push(["-", "worker pool start (once per process)", `maillage (${pool.size} workers)`, ((performance.now() - poolStart) / 1000).toFixed(3), "", ""]);
const threads = `${pool.size} worker${pool.size === 1 ? "" : "s"}`;

const sizes: [number, number, number][] = [
  [350, 1_500, 3],
  [5_000, 25_000, 3],
  [50_000, 250_000, 1],
];

for (const [nodes, ties, repeats] of sizes) {
  const bench = territorialGraph(nodes, ties, nodes);
  const { graph, name } = bench;
  console.error(`graph ${name}`);
  const large = nodes >= 50_000;

  // Exact betweenness (unweighted), normalized as NetworkX does.
  let exact: Float64Array | null = null;
  let reference: number | undefined;
  if (runs("betweenness") && (!large || full)) {
    const seconds = await timeRuns(repeats, () => (exact = betweenness(graph)));
    reference = row(name, "exact betweenness", "maillage (typed-array Brandes, 1 thread)", seconds);
    if (!large) row(name, "exact betweenness", "graphology-metrics 2.4", await timeRuns(repeats, () => betweennessCentrality(toGraphology(graph))), reference);
    const igraphSeconds = igraph ? row(name, "exact betweenness", "igraph 0.10 (C)", pythonPeer(graph, "igraph-betweenness", repeats), reference) : undefined;
    if (networkx && (nodes <= 350 || (full && !large)))
      row(name, "exact betweenness", "NetworkX 2.8", pythonPeer(graph, "networkx-betweenness", repeats), reference);
    // The pool's first call on a graph also copies it to shared memory (and relabels it); the
    // median of 3 leaves that out, the single 50,000-node run includes it.
    let parallel: Float64Array | null = null;
    const { seconds: seconds2, cores } = await timePool(repeats, async () => (parallel = await pool.betweenness(graph)));
    const single = exact as Float64Array | null;
    const agree = single && parallel ? Math.max(...Array.from(single, (x, v) => Math.abs(x - parallel![v]!))) : NaN;
    const vsIgraph = igraphSeconds !== undefined ? `${(median(seconds2) / igraphSeconds).toFixed(2)} x igraph; ` : "";
    row(name, "exact betweenness", `maillage (pool of ${threads})`, seconds2, reference, `${vsIgraph}${cores}; max |difference| ${agree.toExponential(1)}`);
  }

  // Sampled betweenness: quality against exact where exact is known, time everywhere.
  if (runs("betweenness") && nodes >= 5_000) {
    for (const k of [256, 1024]) {
      let estimate: Float64Array | null = null;
      const seconds = await timeRuns(repeats, () => (estimate = sampledBetweenness(graph, { k, seed: 7 }).values));
      const quality =
        exact && estimate ? `Spearman ${spearman(exact, estimate).toFixed(4)}, top-20 ${(topOverlap(exact, estimate, 20) * 100).toFixed(0)}%` : "";
      const ref = row(name, `sampled betweenness, k=${k}`, "maillage (uniform pivots)", seconds, undefined, quality);
      if (networkx && large && full && k === 256)
        row(name, `sampled betweenness, k=${k}`, "NetworkX 2.8", pythonPeer(graph, "networkx-betweenness", 1, k), ref);
    }
    // Linear scaling (Geisberger, Sanders and Schultes 2008) at its default k, on one thread and on
    // the pool: the same pivots for a seed, so the same estimate. Quality for the bench's seed and,
    // since one seed can be lucky or not, the range over seeds 1-5.
    const k = SCALED.k;
    const measure = `sampled betweenness, k=${k}`;
    let estimate: Float64Array | null = null;
    const single = row(
      name,
      measure,
      "maillage (linear scaling, 1 thread)",
      await timeRuns(repeats, () => (estimate = scaledBetweenness(graph, { k, seed: 7 }).values)),
    );
    let quality = "";
    if (exact && estimate) {
      const exactValues: Float64Array = exact;
      const others = await Promise.all([1, 2, 3, 4, 5].map(async (seed) => (await scaledBetweennessParallel(pool, graph, { k, seed })).values));
      const rho = others.map((values) => spearman(exactValues, values));
      const top = others.map((values) => topOverlap(exactValues, values, 20) * 100);
      quality =
        `Spearman ${spearman(exactValues, estimate).toFixed(4)}, top-20 ${(topOverlap(exactValues, estimate, 20) * 100).toFixed(0)}%` +
        ` (seeds 1-5: ${Math.min(...rho).toFixed(4)}-${Math.max(...rho).toFixed(4)}, ${Math.min(...top)}-${Math.max(...top)}%)`;
    }
    const { seconds: onPool, cores } = await timePool(repeats, () => scaledBetweennessParallel(pool, graph, { k, seed: 7 }));
    row(
      name,
      measure,
      `maillage (linear scaling, pool of ${threads})`,
      onPool,
      undefined,
      `${(median(onPool) / single).toFixed(2)} x 1 thread, ${cores}${quality ? `; ${quality}` : ""}`,
    );

    // Two phases for the top ranks (bench/estimators/betweennessTopRanked.ts), same budget: quality for
    // its default seed and, since one seed can be lucky or not, over seeds 1-100 where exact is
    // known (1-5 on 50,000 with --full, to keep the run short); time for seed 7 next to the rows above.
    let topQuality = "";
    if (exact) {
      const exactValues: Float64Array = exact;
      const rho: number[] = [];
      const top: number[] = [];
      const seeds = large ? 5 : 100;
      for (let seed = 1; seed <= seeds; seed += 1) {
        const { values } = await topRankedBetweennessParallel(pool, graph, { k: TOP_RANKED.k, seed });
        rho.push(spearman(exactValues, values));
        top.push(Math.round(topOverlap(exactValues, values, 20) * 100));
      }
      topQuality =
        `; seed ${TOP_RANKED.seed} (default): Spearman ${rho[TOP_RANKED.seed - 1]!.toFixed(4)}, top-20 ${top[TOP_RANKED.seed - 1]}%` +
        `; seeds 1-${seeds}: Spearman ${Math.min(...rho).toFixed(4)}-${Math.max(...rho).toFixed(4)}, top-20 mean ${(top.reduce((a, b) => a + b, 0) / top.length).toFixed(1)}%,` +
        ` ${top.filter((x) => x >= 95).length} seeds of ${seeds} at 95% or more, lowest ${Math.min(...top)}%`;
    }
    const { seconds: topSeconds, cores: topCores } = await timePool(repeats, () => topRankedBetweennessParallel(pool, graph, { k: TOP_RANKED.k, seed: 7 }));
    row(
      name,
      `sampled betweenness, k=${TOP_RANKED.k}`,
      `maillage (two-phase top ranks, pool of ${threads})`,
      topSeconds,
      undefined,
      `${(median(topSeconds) / median(onPool)).toFixed(2)} x linear scaling on the pool, ${topCores}${topQuality}`,
    );
  }

  // Burt's constraint (and, in the same pass, effective size, efficiency and hierarchy).
  if (!runs("constraint")) continue;
  const holes = row(name, "constraint + effective size", "maillage (one pass, all four measures)", await timeRuns(repeats, () => structuralHoles(graph)));
  if (igraph) row(name, "constraint + effective size", "igraph 0.10 constraint only (C)", pythonPeer(graph, "igraph-constraint", repeats), holes);
}

if (runs("maturity")) {
  console.error("maturity of the demo programme");
  const maturity = await benchMaturity();
  rows.push(["demo programme (81 ecosystems)", "maturity with evidence, warm snapshot", "maillage", maturity.toFixed(3), "", ""]);
}

if (runs("imports")) {
  console.error("import of 100,000 interactions");
  rows.push(...importRows(await benchImports()));
}

// --only neo4j: both engines and @neo4j/graphql on the same queries (bench/neo4j.ts; BENCH_NEO4J_URI or NEO4J_URI).
if (only === undefined || only === "neo4j") {
  console.error("the same queries on both engines, and @neo4j/graphql");
  rows.push(...neo4jRows((await benchNeo4j()) ?? []));
}

await pool.close();

// The load scenario starts servers of its own and reports in a table of its own.
const loadReport = runs("load") ? await benchLoad() : "";

console.error("map frame rate while ForceAtlas2 runs (Chromium, software WebGL)");
for (const fps of (await benchWebFps()) ?? []) {
  const m = median(fps.layoutFps);
  rows.push([
    `synthetic map (${fps.nodes} / ${fps.ties})`,
    "frame time while ForceAtlas2 runs",
    "sigma 4 + FA2 worker, Chromium --disable-gpu",
    m > 0 ? (1 / m).toFixed(3) : "-",
    "",
    `${m} fps median (${fps.layoutFps.join(", ")} per second); camera ${fps.cameraFps} fps; see bench/webFps.ts`,
  ]);
}

const header = ["graph (nodes / ties)", "measure", "implementation", "median s", "ratio to maillage", "note"];
const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const peers = `Peers found: igraph ${igraph ? "yes" : "no (apt-get install python3-igraph)"}, NetworkX ${networkx ? "yes" : "no (apt-get install python3-networkx)"}.`;
const load = `Load average at the end (1, 5, 15 min): ${os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(", ")} on ${os.availableParallelism()} cores.`;
const report = `# npm run bench${full ? " -- --full" : ""}${only ? ` -- --only ${only}` : ""}, ${new Date().toISOString()}\n\n${table}\n\n${peers}\n${load}\n${loadReport ? `\n${loadReport}` : ""}`;
console.log(report);
const out = path.resolve(import.meta.dirname, "results");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, only ? `latest-${only}.md` : "latest.md"), report);
