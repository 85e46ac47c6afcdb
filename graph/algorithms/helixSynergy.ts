/**
 * Quadruple-helix synergy: mutual information among the four profiles present in "units"
 * (a tie's two ends, an alliance's members), in bits.
 *
 * Leydesdorff, L. (2003). The mutual information of university-industry-government relations:
 * An indicator of the Triple Helix dynamics. Scientometrics, 58(2), 445-467.
 * Leydesdorff, L., & Ivanova, I. A. (2014). Mutual redundancies in interhuman communication
 * systems: Steps toward a calculus of processing meaning. JASIST, 65(2), 386-399.
 *
 * Each unit is the binary vector (profile 0 present, 1 present, 2 present, 3 present) over its
 * members. Over the units' distribution, with H_S the joint entropy (log2) of the dimensions in S:
 *   mutualInformation2  T_ij   = H_i + H_j - H_ij                      (>= 0)
 *   mutualInformation3  T_ijk  = sum H_i - sum H_ij + H_ijk           (Leydesdorff 2003's sign:
 *                                                                       negative = synergy)
 *   mutualInformation4  T_1234 = sum H_i - sum H_ij + sum H_ijk - H_1234 (the same alternating
 *                                sum, McGill's co-information sign)
 *   redundancy4         R_1234 = -T_1234: Leydesdorff & Ivanova's mutual redundancy, whose sign
 *                                flips in even dimensions (R_ijk = T_ijk in three), so that
 *                                negative = synergy (reduction of uncertainty) here too.
 * Read R_1234 (or T_ijk) for synergy; T_1234 is returned so that the formula can be checked.
 * Pairs are ordered (0,1) (0,2) (0,3) (1,2) (1,3) (2,3), triples (0,1,2) (0,1,3) (0,2,3) (1,2,3).
 * With no units every entropy and information is NaN. A unit with no members is the zero vector.
 */
import type { CsrGraph } from "../csr.js";

export const HELIX_PAIRS = [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
] as const;
export const HELIX_TRIPLES = [
  [0, 1, 2],
  [0, 1, 3],
  [0, 2, 3],
  [1, 2, 3],
] as const;

export interface HelixSynergy {
  unitCount: number;
  /** H_i, H_ij, H_ijk, H_1234 in bits. */
  entropy1: Float64Array;
  entropy2: Float64Array;
  entropy3: Float64Array;
  entropy4: number;
  mutualInformation2: Float64Array;
  mutualInformation3: Float64Array;
  mutualInformation4: number;
  redundancy4: number;
}

const MODULE = "graph/helixSynergy";
const PROFILES = 4;

function checkProfiles(profiles: ArrayLike<number>): void {
  for (let v = 0; v < profiles.length; v += 1) {
    const p = profiles[v]!;
    if (!(Number.isInteger(p) && p >= 0 && p < PROFILES)) {
      throw new Error(`${MODULE}: node ${v} has profile ${p}, expected an integer 0..${PROFILES - 1}`);
    }
  }
}

const maskOf = (dims: readonly number[]): number => dims.reduce((mask, d) => mask | (1 << d), 0);

/** Entropy in bits of the dimensions in `mask`, from the counts of the 16 presence vectors. */
function entropy(cells: Float64Array, total: number, mask: number): number {
  if (total === 0) return Number.NaN;
  const marginal = new Float64Array(16);
  for (let cell = 0; cell < 16; cell += 1) marginal[cell & mask]! += cells[cell]!;
  let h = 0;
  for (const count of marginal) {
    if (count > 0) {
      const p = count / total;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

function fromCells(cells: Float64Array, total: number): HelixSynergy {
  const H = (dims: readonly number[]): number => entropy(cells, total, maskOf(dims));
  const entropy1 = Float64Array.from([0, 1, 2, 3], (i) => H([i]));
  const entropy2 = Float64Array.from(HELIX_PAIRS, (pair) => H(pair));
  const entropy3 = Float64Array.from(HELIX_TRIPLES, (triple) => H(triple));
  const entropy4 = H([0, 1, 2, 3]);
  const pairIndex = (i: number, j: number): number => HELIX_PAIRS.findIndex(([a, b]) => a === i && b === j);
  const mutualInformation2 = Float64Array.from(HELIX_PAIRS, ([i, j], k) => entropy1[i]! + entropy1[j]! - entropy2[k]!);
  const mutualInformation3 = Float64Array.from(
    HELIX_TRIPLES,
    ([i, j, k], t) =>
      entropy1[i]! + entropy1[j]! + entropy1[k]! - entropy2[pairIndex(i, j)]! - entropy2[pairIndex(i, k)]! - entropy2[pairIndex(j, k)]! + entropy3[t]!,
  );
  const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);
  const mutualInformation4 = sum(entropy1) - sum(entropy2) + sum(entropy3) - entropy4;
  return {
    unitCount: total,
    entropy1,
    entropy2,
    entropy3,
    entropy4,
    mutualInformation2,
    mutualInformation3,
    mutualInformation4,
    redundancy4: -mutualInformation4,
  };
}

/**
 * Helix synergy over `units`, each a list of node ids, with `profiles[v]` in 0..3 the profile of
 * node v. A node listed twice in a unit counts once.
 */
export function helixSynergy(units: Iterable<ArrayLike<number>>, profiles: ArrayLike<number>): HelixSynergy {
  checkProfiles(profiles);
  const cells = new Float64Array(16);
  let total = 0;
  for (const unit of units) {
    let vector = 0;
    for (let m = 0; m < unit.length; m += 1) {
      const v = unit[m]!;
      if (!(Number.isInteger(v) && v >= 0 && v < profiles.length)) {
        throw new Error(`${MODULE}: unit ${total} names node ${v}, outside 0..${profiles.length - 1}`);
      }
      vector |= 1 << profiles[v]!;
    }
    cells[vector]! += 1;
    total += 1;
  }
  return fromCells(cells, total);
}

/** Helix synergy with each tie of `graph` a unit of its two ends. */
export function tieHelixSynergy(graph: CsrGraph, profiles: ArrayLike<number>): HelixSynergy {
  if (profiles.length !== graph.nodeCount) {
    throw new Error(`${MODULE}: ${profiles.length} profiles for ${graph.nodeCount} nodes`);
  }
  checkProfiles(profiles);
  const cells = new Float64Array(16);
  for (let e = 0; e < graph.edgeCount; e += 1) {
    cells[(1 << profiles[graph.edgeSource[e]!]!) | (1 << profiles[graph.edgeTarget[e]!]!)]! += 1;
  }
  return fromCells(cells, graph.edgeCount);
}
