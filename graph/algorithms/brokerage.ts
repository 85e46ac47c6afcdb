/**
 * Gould & Fernandez brokerage roles.
 *
 * Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal approach to
 * brokerage in transaction networks. Sociological Methodology, 19, 89-126.
 *
 * A node v brokers the ordered 2-path a -> v -> c when a and c are not tied. With each node in a
 * group, the path is one of five roles, named as R's `sna::brokerage` names its columns:
 *   coordinator    (w_I)  a, v, c all in one group;
 *   itinerant      (w_O)  a and c in one group, v outside it (also called consultant);
 *   representative (b_IO) a in v's group, c outside it;
 *   gatekeeper     (b_OI) c in v's group, a outside it;
 *   liaison        (b_O)  a, v, c in three different groups.
 * The graph is undirected: every tie is read as two reciprocated arcs, exactly as sna reads a
 * symmetric adjacency matrix, so each unordered pair {a, c} counts twice (a -> v -> c and
 * c -> v -> a). A stored tie counts whatever its weight, 0 included.
 *
 * Expected counts, standard deviations and z-scores follow sna 2.7's null model (arcs present
 * independently with the observed density d = 2m / (n(n - 1))), per node (by its group) and for
 * the whole graph. Ratios sna leaves as 0/0 are NaN here too: a group too small for a role, a
 * graph of density 0 or 1, a single node (d is 0/0). sna fails on the empty graph; this module
 * returns empty per-node columns and a NaN null model for it.
 *
 * Cost: O(sum of squared degrees) to count the roles, O(number of groups) for the null model.
 */
import type { CsrGraph } from "../csr.js";
import { brokerageNullModel } from "./brokerageNullModel.js";

export const BROKERAGE_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
/** One value per role; `total` is the sum of the five roles. */
export type RoleValues<T> = Record<BrokerageRole, T>;

export interface BrokerageResult {
  /** Per node, counts of the 2-paths it brokers (sna's `raw.nli`). */
  raw: RoleValues<Float64Array>;
  /** Per node, expected counts for a node of its group (sna's `exp.nli`). */
  expected: RoleValues<Float64Array>;
  /** Per node, standard deviations under the null model (sna's `sd.nli`). */
  sd: RoleValues<Float64Array>;
  /** Per node, (raw - expected) / sd (sna's `z.nli`). */
  z: RoleValues<Float64Array>;
  /** Whole graph: sna's `raw.gli`, `exp.gli`, `sd.gli`, `z.gli`. */
  global: { raw: RoleValues<number>; expected: RoleValues<number>; sd: RoleValues<number>; z: RoleValues<number> };
}

const MODULE = "graph/brokerage";

/** Group labels as dense indices 0..k-1 in order of first appearance (sna's `unique(cl)`). */
function groupIndices(graph: CsrGraph, groups: ArrayLike<number>): { groupOf: Int32Array; sizes: Float64Array } {
  if (groups.length !== graph.nodeCount) {
    throw new Error(`${MODULE}: ${groups.length} group labels for ${graph.nodeCount} nodes`);
  }
  const index = new Map<number, number>();
  const groupOf = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v += 1) {
    const label = groups[v]!;
    if (!Number.isInteger(label)) throw new Error(`${MODULE}: node ${v} has group label ${label}, not an integer`);
    let g = index.get(label);
    if (g === undefined) {
      g = index.size;
      index.set(label, g);
    }
    groupOf[v] = g;
  }
  const sizes = new Float64Array(index.size);
  for (let v = 0; v < graph.nodeCount; v += 1) sizes[groupOf[v]!]! += 1;
  return { groupOf, sizes };
}

function columns(n: number): RoleValues<Float64Array> {
  return {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    representative: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    liaison: new Float64Array(n),
    total: new Float64Array(n),
  };
}

/**
 * Counts each node's roles without listing its neighbour pairs: for a broker v and one end a,
 * the valid other ends c are v's neighbours minus a and minus a's neighbours, so only the
 * triangles through (v, a) need visiting, split by whether they fall in v's group or a's.
 */
function countRoles(graph: CsrGraph, groupOf: Int32Array, groupCount: number): RoleValues<Float64Array> {
  const { nodeCount, offsets, targets } = graph;
  const raw = columns(nodeCount);
  const { coordinator, itinerant, representative, gatekeeper, liaison, total } = raw;
  const stamp = new Int32Array(nodeCount);
  const inGroup = new Int32Array(groupCount); // v's neighbours per group
  for (let v = 0; v < nodeCount; v += 1) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    const degree = end - start;
    if (degree < 2) continue;
    const gv = groupOf[v]!;
    for (let s = start; s < end; s += 1) {
      const x = targets[s]!;
      stamp[x] = v + 1;
      inGroup[groupOf[x]!]! += 1;
    }
    let wI = 0;
    let wO = 0;
    let bIO = 0;
    let bOI = 0;
    let bO = 0;
    for (let s = start; s < end; s += 1) {
      const a = targets[s]!;
      const ga = groupOf[a]!;
      let shared = 0;
      let sharedInV = 0;
      let sharedInA = 0;
      for (let t = offsets[a]!, tEnd = offsets[a + 1]!; t < tEnd; t += 1) {
        const x = targets[t]!;
        if (stamp[x] !== v + 1) continue;
        const gx = groupOf[x]!;
        shared += 1;
        if (gx === gv) sharedInV += 1;
        if (gx === ga) sharedInA += 1;
      }
      const open = degree - 1 - shared;
      if (ga === gv) {
        const same = inGroup[gv]! - 1 - sharedInV;
        wI += same;
        bIO += open - same;
      } else {
        const toV = inGroup[gv]! - sharedInV;
        const toA = inGroup[ga]! - 1 - sharedInA;
        bOI += toV;
        wO += toA;
        bO += open - toV - toA;
      }
    }
    for (let s = start; s < end; s += 1) inGroup[groupOf[targets[s]!]!] = 0;
    coordinator[v] = wI;
    itinerant[v] = wO;
    representative[v] = bIO;
    gatekeeper[v] = bOI;
    liaison[v] = bO;
    total[v] = wI + wO + bIO + bOI + bO;
  }
  return raw;
}

/**
 * Gould & Fernandez brokerage roles of every node, with `groups[v]` the integer group label of
 * node v (profile, territory...). Matches `sna::brokerage(symmetricAdjacency, groups)`.
 */
export function brokerage(graph: CsrGraph, groups: ArrayLike<number>): BrokerageResult {
  const { groupOf, sizes } = groupIndices(graph, groups);
  const n = graph.nodeCount;
  const raw = countRoles(graph, groupOf, sizes.length);
  const model = brokerageNullModel(n, graph.edgeCount, sizes);
  const expected = columns(n);
  const sd = columns(n);
  const z = columns(n);
  for (const role of BROKERAGE_ROLES) {
    const [rawRole, expRole, sdRole, zRole] = [raw[role], expected[role], sd[role], z[role]];
    const groupExp = model.groupExpected[role];
    const groupSd = model.groupSd[role];
    for (let v = 0; v < n; v += 1) {
      const g = groupOf[v]!;
      expRole[v] = groupExp[g]!;
      sdRole[v] = groupSd[g]!;
      zRole[v] = (rawRole[v]! - groupExp[g]!) / groupSd[g]!;
    }
  }
  const rawTotals = {} as RoleValues<number>;
  const zTotals = {} as RoleValues<number>;
  for (const role of BROKERAGE_ROLES) {
    let sum = 0;
    for (const count of raw[role]) sum += count;
    rawTotals[role] = sum;
    zTotals[role] = (sum - model.globalExpected[role]) / model.globalSd[role];
  }
  return {
    raw,
    expected,
    sd,
    z,
    global: { raw: rawTotals, expected: model.globalExpected, sd: model.globalSd, z: zTotals },
  };
}
