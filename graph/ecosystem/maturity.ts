import { degreeCentralization } from "../algorithms/centralization.js";
import { popcount } from "../bits.js";
import { connectedComponents } from "../algorithms/components.js";
import { coreNumbers } from "../algorithms/kCore.js";
import type { NetworkSnapshot } from "../snapshot.js";
import { inducedSubgraph } from "../subgraph.js";
import { ALLIANCE_BIT } from "../tieFeatures.js";
import { GROWTH_STAGE_RULES, LEVEL_THRESHOLDS, MATURITY_COMPONENTS, NEXT_STEP_COMPONENTS, type MaturityComponentKey } from "./maturityModel.js";
import { OFFERS_BY_LEVEL, type Offer } from "./offers.js";

export interface MaturityComponent {
  key: MaturityComponentKey;
  /** The measure itself, in its own unit (null when there is nothing to measure). */
  value: number | null;
  /** The value at which the component is fully met. */
  target: number;
  /** min(1, value / target), 0 when there is no value. */
  score: number;
  weight: number;
  /** weight × score: what the component adds to the composite. */
  contribution: number;
}

export interface Maturity {
  level: 1 | 2 | 3 | 4;
  /** Σ contributions, in [0, 1]. */
  composite: number;
  components: MaturityComponent[];
  /** Krebs & Holley stage, 1 to 4. */
  growthStage: 1 | 2 | 3 | 4;
  nextStep: { weakest: MaturityComponent[]; offers: readonly Offer[]; towardsLevel: number | null };
}

/**
 * The maturity of one ecosystem: its actors are those the snapshot places in it; ties inside it
 * shape the subgraph, ties leaving it count as outward ties, and its practices are its actors'
 * latest self-assessments. Pure: same snapshot, same answer.
 */
export function ecosystemMaturity(snapshot: NetworkSnapshot, ecosystemId: number): Maturity {
  const members: number[] = [];
  for (let v = 0; v < snapshot.ecosystem.length; v += 1) if (snapshot.ecosystem[v] === ecosystemId) members.push(v);
  const { graph, nodes, parentTie } = inducedSubgraph(snapshot.graph, members);
  const n = nodes.length;

  const counts = [0, 0, 0, 0];
  let practiceSum = 0;
  let practiceCount = 0;
  for (const v of nodes) {
    counts[snapshot.profile[v]!]! += 1;
    if (!Number.isNaN(snapshot.practiceMean[v]!)) {
      practiceSum += snapshot.practiceMean[v]!;
      practiceCount += 1;
    }
  }
  let crossing = 0;
  let depthSum = 0;
  let leverSum = 0;
  let allianceTies = 0;
  for (let e = 0; e < graph.edgeCount; e += 1) {
    if (snapshot.profile[nodes[graph.edgeSource[e]!]!] !== snapshot.profile[nodes[graph.edgeTarget[e]!]!]) crossing += 1;
    const tie = snapshot.ties[parentTie[e]!]!;
    if (tie.kinds & ALLIANCE_BIT) {
      allianceTies += 1;
      depthSum += tie.modalityDepth;
      leverSum += popcount(tie.levers);
    }
  }
  let outward = 0;
  for (const v of nodes) {
    for (let i = snapshot.graph.offsets[v]!; i < snapshot.graph.offsets[v + 1]!; i += 1) {
      if (snapshot.ecosystem[snapshot.graph.targets[i]!] !== ecosystemId) {
        outward += 1;
        break;
      }
    }
  }
  const components = connectedComponents(graph);
  const largestShare = n === 0 ? 0 : Math.max(0, ...components.sizes) / n;
  const stage = growthStage(graph, largestShare);

  const values: Record<MaturityComponentKey, number | null> = {
    profilePresence: counts.filter((c) => c > 0).length,
    profileBalance: n === 0 ? null : normalisedEntropy(counts),
    crossProfileTies: graph.edgeCount === 0 ? null : crossing / graph.edgeCount,
    cohesion: n === 0 ? null : (2 * graph.edgeCount) / n,
    connectedness: n === 0 ? null : largestShare,
    outwardTies: n === 0 ? null : outward / n,
    growthStage: stage,
    practices: practiceCount === 0 ? null : practiceSum / practiceCount,
    modalityDepth: allianceTies === 0 ? null : depthSum / allianceTies,
    leversMobilised: allianceTies === 0 ? null : leverSum / allianceTies,
  };
  const scored = (Object.keys(MATURITY_COMPONENTS) as MaturityComponentKey[]).map((key) => {
    const { weight, target } = MATURITY_COMPONENTS[key];
    const value = values[key];
    const score = value === null ? 0 : Math.min(1, Math.max(0, value / target));
    return { key, value, target, score, weight, contribution: weight * score };
  });
  const composite = scored.reduce((sum, c) => sum + c.contribution, 0);
  const level = (1 + LEVEL_THRESHOLDS.filter((threshold) => composite >= threshold).length) as 1 | 2 | 3 | 4;
  // The next step: what would raise the composite most, i.e. the largest weighted shortfalls.
  const weakest = [...scored].sort((a, b) => b.weight * (1 - b.score) - a.weight * (1 - a.score)).slice(0, NEXT_STEP_COMPONENTS);
  const towardsLevel = level < 4 ? level + 1 : null;
  return {
    level,
    composite,
    components: scored,
    growthStage: stage,
    nextStep: { weakest, offers: OFFERS_BY_LEVEL[(towardsLevel ?? 4) as 1 | 2 | 3 | 4], towardsLevel },
  };
}

/**
 * Krebs & Holley's four stages, read from the network's shape: scattered fragments while no
 * part holds half the actors; hub-and-spoke while one actor holds the ties (high degree
 * centralisation); core/periphery once a dense core (k-core) holds a fair share of a connected
 * network; multi-hub small world in between.
 */
function growthStage(graph: ReturnType<typeof inducedSubgraph>["graph"], largestShare: number): 1 | 2 | 3 | 4 {
  const rules = GROWTH_STAGE_RULES;
  if (graph.nodeCount === 0 || largestShare < rules.fragmentedBelow) return 1;
  if (degreeCentralization(graph) > rules.hubAndSpokeAbove) return 2;
  const cores = coreNumbers(graph);
  const inCore = cores.filter((k) => k >= rules.coreK).length;
  if (inCore / graph.nodeCount >= rules.coreShare && largestShare >= rules.connectedCore) return 4;
  return 3;
}

function normalisedEntropy(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h / Math.log(counts.length);
}
