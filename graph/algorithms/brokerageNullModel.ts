/**
 * The null model of Gould & Fernandez brokerage: expected role counts and their standard
 * deviations when every arc is present independently with the graph's density.
 *
 * Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal approach to
 * brokerage in transaction networks. Sociological Methodology, 19, 89-126.
 *
 * The formulas are those of R's sna 2.7 (`sna::brokerage`), with the same density
 * d = arcs / (n(n - 1)), an undirected tie being two arcs. sna sums over pairs and triples of
 * groups; those sums are rewritten here through power sums of the group sizes, so the cost is
 * O(number of groups) rather than cubic: grouping by a fine territory can give thousands of
 * groups. Sums over other groups are taken as a total minus the group's own share, differences
 * of integers that stay exact, rather than as differences of large float products.
 */
import type { BrokerageRole, RoleValues } from "./brokerage.js";

export interface BrokerageNullModel {
  /** Per group index, the expected count of each role for one member. */
  groupExpected: RoleValues<Float64Array>;
  groupSd: RoleValues<Float64Array>;
  globalExpected: RoleValues<number>;
  globalSd: RoleValues<number>;
}

const choose2 = (x: number): number => (x * (x - 1)) / 2;

function roleArrays(k: number): RoleValues<Float64Array> {
  return {
    coordinator: new Float64Array(k),
    itinerant: new Float64Array(k),
    representative: new Float64Array(k),
    gatekeeper: new Float64Array(k),
    liaison: new Float64Array(k),
    total: new Float64Array(k),
  };
}

/** `nodeCount` nodes, `edgeCount` undirected ties, `sizes[g]` members in group g. */
export function brokerageNullModel(nodeCount: number, edgeCount: number, sizes: Float64Array): BrokerageNullModel {
  const N = nodeCount;
  const d = (2 * edgeCount) / (N * (N - 1));
  const p = d * d * (1 - d);
  const q = d ** 3 * (1 - d) ** 3;
  const r4 = d ** 4 * (1 - d) ** 2;
  const r5 = d ** 5 * (1 - d);
  // Power sums of the group sizes.
  let S1 = 0;
  let S2 = 0;
  let S3 = 0;
  let W2 = 0; // sum n(n - 1)
  let W3 = 0; // sum n(n - 1)(n - 2)
  for (const n of sizes) {
    S1 += n;
    S2 += n * n;
    S3 += n * n * n;
    W2 += n * (n - 1);
    W3 += n * (n - 1) * (n - 2);
  }

  const groupExpected = roleArrays(sizes.length);
  const groupVariance = roleArrays(sizes.length);
  const set = (g: number, role: BrokerageRole, expected: number, extra: number): void => {
    groupExpected[role][g] = expected;
    groupVariance[role][g] = expected * (1 - p) + extra;
  };
  sizes.forEach((n, g) => {
    const M = N - n;
    set(g, "coordinator", p * (n - 1) * (n - 2), 2 * (n - 1) * (n - 2) * (n - 3) * q);
    set(g, "itinerant", p * (W2 - n * (n - 1)), 2 * (W3 - n * (n - 1) * (n - 2)) * q);
    const across = p * M * (n - 1);
    const acrossExtra = 2 * ((n - 1) * choose2(M) + M * choose2(n - 1)) * q;
    set(g, "representative", across, acrossExtra);
    set(g, "gatekeeper", across, acrossExtra);
    const others1 = S1 - n;
    const others2 = S2 - n * n;
    const others3 = S3 - n * n * n;
    // sum over other groups j of n_j * choose(M - n_j, 2), expanded in powers of n_j.
    const liaisonPairs = (M * (M - 1) * others1 - (2 * M - 1) * others2 + others3) / 2;
    set(g, "liaison", p * (others1 * others1 - others2), 4 * liaisonPairs * q);
    set(g, "total", p * (N - 1) * (N - 2), 2 * (N - 1) * (N - 2) * (N - 3) * q);
  });
  const groupSd = roleArrays(sizes.length);
  for (const role of Object.keys(groupVariance) as BrokerageRole[]) {
    groupVariance[role].forEach((variance, g) => {
      groupSd[role][g] = Math.sqrt(variance);
    });
  }

  let e1 = 0;
  let v1 = 0;
  let e2 = 0;
  let v2 = 0;
  let e3 = 0;
  let v3 = 0;
  let e5 = 0;
  for (const n of sizes) {
    const w = n * (n - 1) * (n - 2);
    e1 += w;
    v1 += w * ((4 * n - 10) * q - 4 * (n - 3) * r4 + (n - 3) * r5);
    const cross = n * (N - n) * (n - 1);
    e2 += cross;
    v2 += n * (n - 1) * (((2 * n - 6) * q + (N - n - 1) * r5) * (S1 - n) + 2 * q * (S2 - n * n));
    v3 += cross * ((N - 3) * q + (n - 2) * r5);
    e5 += n * ((N - n) * (S1 - n) - (S2 - n * n));
  }
  e1 *= p;
  e2 *= p;
  e3 = e2;
  e5 *= p;
  // Liaison variance: sna sums over distinct groups (i, j, k) n_i n_j n_k times a bracket
  // linear in n_j. Summing out j, then k, leaves integer sums over i, each term non-negative, so
  // they are exact or nearly so, and exactly 0 with fewer than three groups.
  const D = 2 * r4 - 4 * q;
  const a0 = (4 * N - 2) * q - (4 * N - 2) * r4 + (N - 1) * r5;
  const au = -2 * q + 2 * r4 - r5;
  const av = -2 * q + 4 * r4 - r5;
  let I0 = 0; // sum over i != k of n_i n_k (S1 - n_i - n_k)
  let Iu = 0; // ... of n_i^2 n_k (S1 - n_i - n_k)
  let Iv = 0; // ... of n_i n_k^2 (S1 - n_i - n_k), equal to that of n_i n_k (S2 - n_i^2 - n_k^2)
  for (const n of sizes) {
    const A1 = S1 - n;
    const A2 = S2 - n * n;
    const A3 = S3 - n * n * n;
    I0 += n * (A1 * A1 - A2);
    Iu += n * n * (A1 * A1 - A2);
    Iv += n * (A1 * A2 - A3);
  }
  const triples = a0 * I0 + au * Iu + (av + D) * Iv;
  const eT = p * N * (N - 1) * (N - 2);
  const vT = N * (N - 1) * (N - 2) * ((4 * N - 10) * q - 4 * (N - 3) * r4 + (N - 3) * r5);

  const globalExpected: RoleValues<number> = {
    coordinator: e1,
    itinerant: e2,
    representative: e3,
    gatekeeper: e3,
    liaison: e5,
    total: eT,
  };
  const globalVariance: RoleValues<number> = {
    coordinator: e1 * (1 - p) + v1,
    itinerant: e2 * (1 - p) + v2,
    representative: e3 * (1 - p) + v3,
    gatekeeper: e3 * (1 - p) + v3,
    liaison: e5 * (1 - p) + triples,
    total: eT * (1 - p) + vT,
  };
  const globalSd = {} as RoleValues<number>;
  for (const role of Object.keys(globalVariance) as BrokerageRole[]) globalSd[role] = Math.sqrt(globalVariance[role]);
  return { groupExpected, groupSd, globalExpected, globalSd };
}
