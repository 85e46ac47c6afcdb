/**
 * graph/ecosystem/networkStats: the whole-network reading of a scope, for a researcher's table or
 * a map's legend. It reuses the scope's metrics (components, cut elements, cores, communities,
 * betweenness), so nothing is computed twice for one network version; what is left is linear.
 *
 * - density and degree centralisation (Freeman 1979), mean degree 2m / n;
 * - betweenness centralisation, Freeman's C_B = Σ (max - b_i) / (n - 1) on normalized betweenness,
 *   1 for a star and 0 when every actor lies on as many paths (0 below three actors);
 * - connected components, the largest one's share of actors, degeneracy (largest core number),
 *   articulation points and bridges (ties whose removal disconnects);
 * - mixing by profile: Newman's assortativity and Krackhardt's E-I index of the network; the E-I
 *   index by territory only nationally (an ecosystem's actors share one territory);
 * - quadruple-helix synergy (Leydesdorff 2003; Leydesdorff & Ivanova 2014) with each tie of the
 *   scope a unit of its two ends' profiles: T_1234 and the mutual redundancy R_1234 = -T_1234
 *   (negative = synergy);
 * - Louvain communities (seeded) and their modularity.
 * The growth stage (Krebs & Holley) is read in graph/ecosystem/maturity.ts, not here.
 * Undefined ratios (0/0) are NaN: an assortativity with every tie inside one profile, an E-I or a
 * modularity without ties, a helix synergy without units.
 */
import { attributeAssortativity } from "../algorithms/assortativity.js";
import { degreeCentralization, density } from "../algorithms/centralization.js";
import { eiIndex } from "../algorithms/eiIndex.js";
import { tieHelixSynergy } from "../algorithms/helixSynergy.js";
import type { NetworkSnapshot } from "../snapshot.js";
import type { BetweennessMethod, ScopeMetrics } from "./scopeMetrics.js";

export interface NetworkStats {
  nodes: number;
  ties: number;
  density: number;
  meanDegree: number;
  components: number;
  largestComponentShare: number;
  degreeCentralization: number;
  betweennessCentralization: number;
  degeneracy: number;
  articulationPoints: number;
  bridges: number;
  profileAssortativity: number;
  eiIndexByProfile: number;
  /** National scope only. */
  eiIndexByTerritory: number | null;
  helix: { units: number; mutualInformation4: number; redundancy: number };
  communities: { count: number; modularity: number; seed: number };
  algorithm: BetweennessMethod;
}

/** Freeman's betweenness centralisation of normalized scores (whose star maximum is n - 1). */
export function betweennessCentralization(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 3) return 0;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    max = Math.max(max, values[i]!);
    sum += values[i]!;
  }
  return (n * max - sum) / (n - 1);
}

export function computeNetworkStats(snapshot: NetworkSnapshot, metrics: ScopeMetrics): NetworkStats {
  const { graph, nodes } = metrics;
  const n = graph.nodeCount;
  const profiles = Int32Array.from(nodes, (v) => snapshot.profile[v]!);
  let degeneracy = 0;
  for (const k of metrics.coreNumber) degeneracy = Math.max(degeneracy, k);
  const helix = tieHelixSynergy(graph, profiles);
  return {
    nodes: n,
    ties: graph.edgeCount,
    density: density(graph),
    meanDegree: n === 0 ? 0 : (2 * graph.edgeCount) / n,
    components: metrics.components.count,
    largestComponentShare: n === 0 ? 0 : Math.max(0, ...metrics.components.sizes) / n,
    degreeCentralization: degreeCentralization(graph),
    betweennessCentralization: betweennessCentralization(metrics.betweenness),
    degeneracy,
    articulationPoints: metrics.isArticulationPoint.reduce((count, flag) => count + flag, 0),
    bridges: metrics.bridges.length,
    profileAssortativity: attributeAssortativity(graph, profiles),
    eiIndexByProfile: eiIndex(graph, profiles).network.index,
    eiIndexByTerritory:
      metrics.scope.kind === "national"
        ? eiIndex(
            graph,
            Int32Array.from(nodes, (v) => snapshot.territoryGroup[v]!),
          ).network.index
        : null,
    helix: { units: helix.unitCount, mutualInformation4: helix.mutualInformation4, redundancy: helix.redundancy4 },
    communities: metrics.communities,
    algorithm: metrics.algorithm,
  };
}
