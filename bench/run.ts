// npm run bench [-- --full]: times this project's graph algorithms side by side with
// graphology-metrics and, where Debian's python3-igraph / python3-networkx are installed, igraph
// and NetworkX, on seeded territorial graphs, in one run; prints a table of medians and ratios.
// --full adds the slowest cases (exact betweenness on 50,000 nodes, NetworkX on 5,000).
import fs from "node:fs";
import path from "node:path";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { betweenness } from "../graph/algorithms/betweenness.js";
import { sampledBetweenness } from "../graph/algorithms/betweennessSampled.js";
import { structuralHoles } from "../graph/algorithms/structuralHoles.js";
import { benchMaturity } from "./maturity.js";
import { hasPython, pythonPeer, toGraphology } from "./peers.js";
import { median, spearman, timeRuns, topOverlap } from "./stats.js";
import { territorialGraph } from "./territorialGraph.js";

// The package is CommonJS: under Node's ESM loader the default import is module.exports itself,
// while TypeScript types it as the module namespace.
const betweennessCentrality = betweennessModule as unknown as (graph: unknown) => Record<string, number>;

const full = process.argv.includes("--full");
const rows: string[][] = [];
const igraph = hasPython("igraph");
const networkx = hasPython("networkx");

function row(graph: string, measure: string, implementation: string, seconds: number[], reference?: number, note = "") {
  const m = median(seconds);
  rows.push([graph, measure, implementation, m.toFixed(3), reference ? (m / reference).toFixed(2) : "", note]);
  console.error(`  ${graph} | ${measure} | ${implementation}: ${m.toFixed(3)} s ${note}`);
  return m;
}

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
  if (!large || full) {
    const seconds = await timeRuns(repeats, () => (exact = betweenness(graph)));
    reference = row(name, "exact betweenness", "maillage (typed-array Brandes, 1 thread)", seconds);
    if (!large) row(name, "exact betweenness", "graphology-metrics 2.4", await timeRuns(repeats, () => betweennessCentrality(toGraphology(graph))), reference);
    if (igraph) row(name, "exact betweenness", "igraph 0.10 (C)", pythonPeer(graph, "igraph-betweenness", repeats), reference);
    if (networkx && (nodes <= 350 || full)) row(name, "exact betweenness", "NetworkX 2.8", pythonPeer(graph, "networkx-betweenness", repeats), reference);
  }

  // Sampled betweenness: quality against exact where exact is known, time everywhere.
  if (nodes >= 5_000) {
    for (const k of [256, 1024]) {
      let estimate: Float64Array | null = null;
      const seconds = await timeRuns(repeats, () => (estimate = sampledBetweenness(graph, { k, seed: 7 }).values));
      const quality = exact && estimate ? `Spearman ${spearman(exact, estimate).toFixed(4)}, top-20 ${(topOverlap(exact, estimate, 20) * 100).toFixed(0)}%` : "";
      const ref = row(name, `sampled betweenness, k=${k}`, "maillage (uniform pivots)", seconds, undefined, quality);
      if (networkx && large && full && k === 256) row(name, `sampled betweenness, k=${k}`, "NetworkX 2.8", pythonPeer(graph, "networkx-betweenness", 1, k), ref);
    }
  }

  // Burt's constraint (and, in the same pass, effective size, efficiency and hierarchy).
  const holes = row(name, "constraint + effective size", "maillage (one pass, all four measures)", await timeRuns(repeats, () => structuralHoles(graph)));
  if (igraph) row(name, "constraint + effective size", "igraph 0.10 constraint only (C)", pythonPeer(graph, "igraph-constraint", repeats), holes);
}

console.error("maturity of the demo programme");
const maturity = await benchMaturity();
rows.push(["demo programme (81 ecosystems)", "maturity with evidence, warm snapshot", "maillage", maturity.toFixed(3), "", ""]);

const header = ["graph (nodes / ties)", "measure", "implementation", "median s", "ratio to maillage", "note"];
const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const peers = `Peers found: igraph ${igraph ? "yes" : "no (apt-get install python3-igraph)"}, NetworkX ${networkx ? "yes" : "no (apt-get install python3-networkx)"}.`;
const report = `# npm run bench${full ? " -- --full" : ""}, ${new Date().toISOString()}\n\n${table}\n\n${peers}\n`;
console.log(report);
const out = path.resolve(import.meta.dirname, "results");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "latest.md"), report);
