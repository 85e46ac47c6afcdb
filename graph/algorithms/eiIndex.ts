/**
 * Krackhardt & Stern's E-I index: (external - internal) / (external + internal).
 *
 * Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: An
 * experimental simulation. Social Psychology Quarterly, 51(2), 123-140.
 *
 * A tie is internal when both ends share a group label, external otherwise. The index runs from
 * -1 (every tie inside) to +1 (every tie across), at three levels:
 *   actor    over the actor's own ties;
 *   group    over the ties touching the group's members, each tie counted once from the group's
 *            side: a tie between two members is one internal tie of the group, a tie from a
 *            member to a non-member one external tie of the group (and one of the other group).
 *            Summing the members' actor counts instead would count internal ties twice, as a
 *            row sum of a symmetric group-by-group matrix does.
 *   network  over all ties, each once.
 * With `weighted`, tie weights are summed instead of ties counted. Where there is nothing to count
 * (an actor without ties, a group whose members have none, a graph without ties, or only ties of
 * weight 0 when weighted) the index is 0/0 and returned as NaN; the counts are still returned.
 */
import type { CsrGraph } from "../csr.js";

export interface EIIndexOptions {
  /** Sum tie weights instead of counting ties. @default false */
  weighted?: boolean;
}

const DEFAULTS: Required<EIIndexOptions> = { weighted: false };

export interface EICounts {
  internal: Float64Array;
  external: Float64Array;
  index: Float64Array;
}

export interface EIIndex {
  /** Per node. */
  actor: EICounts;
  /** Per group, aligned with `labels` (the distinct group labels, ascending). */
  group: EICounts & { labels: number[] };
  network: { internal: number; external: number; index: number };
}

const MODULE = "graph/eiIndex";

const ratio = (external: number, internal: number): number => (external - internal) / (external + internal);

function counts(k: number): EICounts {
  return { internal: new Float64Array(k), external: new Float64Array(k), index: new Float64Array(k) };
}

/** E-I index of every actor, every group and the whole network, `groups[v]` being v's label. */
export function eiIndex(graph: CsrGraph, groups: ArrayLike<number>, options: EIIndexOptions = {}): EIIndex {
  const { weighted } = { ...DEFAULTS, ...options };
  if (typeof weighted !== "boolean") throw new Error(`${MODULE}: option weighted must be a boolean, got ${weighted}`);
  const { nodeCount: n, offsets, targets, weights } = graph;
  if (groups.length !== n) throw new Error(`${MODULE}: ${groups.length} group labels for ${n} nodes`);
  for (let v = 0; v < n; v += 1) {
    if (!Number.isInteger(groups[v])) throw new Error(`${MODULE}: node ${v} has group label ${groups[v]}, not an integer`);
  }
  const labels = [...new Set(Array.from(groups))].sort((a, b) => a - b);
  const indexOf = new Map(labels.map((label, g) => [label, g]));
  const groupOf = Int32Array.from(groups, (label) => indexOf.get(label)!);

  const actor = counts(n);
  const group = counts(labels.length);
  let internal = 0;
  let external = 0;
  for (let u = 0; u < n; u += 1) {
    const gu = groupOf[u]!;
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s += 1) {
      const v = targets[s]!;
      if (v < u) continue; // each tie once, from its smaller end
      const amount = weighted ? weights[s]! : 1;
      if (weighted && !(amount >= 0 && amount < Infinity)) {
        throw new Error(`${MODULE}: tie ${u}-${v} has invalid weight ${amount}`);
      }
      const gv = groupOf[v]!;
      if (gu === gv) {
        actor.internal[u]! += amount;
        actor.internal[v]! += amount;
        group.internal[gu]! += amount;
        internal += amount;
      } else {
        actor.external[u]! += amount;
        actor.external[v]! += amount;
        group.external[gu]! += amount;
        group.external[gv]! += amount;
        external += amount;
      }
    }
  }
  for (const level of [actor, group]) {
    level.index.forEach((_, i) => {
      level.index[i] = ratio(level.external[i]!, level.internal[i]!);
    });
  }
  return {
    actor,
    group: { ...group, labels },
    network: { internal, external, index: ratio(external, internal) },
  };
}
