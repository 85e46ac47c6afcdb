import { mulberry32 } from "../graph/algorithms/random.js";
import { csrFromTies, type CsrGraph } from "../graph/csr.js";

/**
 * Seeded benchmark graphs shaped like the programme's network: actors grouped in territories of
 * about 100, most ties inside a territory (90%), the rest across, and preferential attachment
 * inside each territory so a few hubs emerge. Exactly `ties` distinct ties.
 */
export interface BenchGraph {
  name: string;
  graph: CsrGraph;
  territory: Int32Array;
  profile: Int32Array;
}

export function territorialGraph(nodes: number, ties: number, seed: number): BenchGraph {
  const rng = mulberry32(seed);
  const size = 100;
  const territories = Math.max(1, Math.round(nodes / size));
  const territory = Int32Array.from({ length: nodes }, (_, v) => Math.min(territories - 1, Math.floor((v * territories) / nodes)));
  const profile = Int32Array.from({ length: nodes }, () => [0, 0, 0, 1, 1, 2, 3][Math.floor(rng() * 7)]!);
  const first = Int32Array.from({ length: territories }, (_, t) => Math.ceil((t * nodes) / territories));
  const seen = new Set<number>();
  const edges: { source: number; target: number; weight: number }[] = [];
  // Endpoints drawn with probability growing with degree: a list holding each node once per tie.
  const endpoints: number[][] = Array.from({ length: territories }, () => []);
  const pick = (t: number) => {
    const pool = endpoints[t]!;
    const lo = first[t]!;
    const hi = t + 1 < territories ? first[t + 1]! : nodes;
    return pool.length > 0 && rng() < 0.5 ? pool[Math.floor(rng() * pool.length)]! : lo + Math.floor(rng() * (hi - lo));
  };
  while (edges.length < ties) {
    const t = Math.floor(rng() * territories);
    const u = pick(t);
    const v = rng() < 0.9 ? pick(t) : pick(Math.floor(rng() * territories));
    if (u === v) continue;
    const key = Math.min(u, v) * nodes + Math.max(u, v);
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ source: u, target: v, weight: 0.05 + rng() });
    endpoints[territory[u]!]!.push(u);
    endpoints[territory[v]!]!.push(v);
  }
  return { name: `${nodes.toLocaleString("en")} / ${ties.toLocaleString("en")}`, graph: csrFromTies(nodes, edges), territory, profile };
}
