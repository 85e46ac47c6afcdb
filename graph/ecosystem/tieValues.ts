import type { NetworkSnapshot } from "../snapshot.js";
import { DEFAULT_VALUE_WEIGHTS, tieValue, type InteractionValueWeights, type ValueBreakdown, type ValueComponent } from "./interactionValue.js";

export const VALUE_COMPONENTS = Object.keys(DEFAULT_VALUE_WEIGHTS) as ValueComponent[];

/** Every tie's value and each component's contribution to it, by tie index. */
export interface TieValues {
  value: Float64Array;
  /** contributions[c][e]: what component c adds to tie e's value. */
  contributions: Record<ValueComponent, Float64Array>;
}

export function computeTieValues(snapshot: NetworkSnapshot, structural: Float64Array, weights: InteractionValueWeights = DEFAULT_VALUE_WEIGHTS): TieValues {
  const m = snapshot.graph.edgeCount;
  const value = new Float64Array(m);
  const contributions = Object.fromEntries(VALUE_COMPONENTS.map((c) => [c, new Float64Array(m)])) as Record<ValueComponent, Float64Array>;
  for (let e = 0; e < m; e += 1) {
    const crossesProfiles = snapshot.profile[snapshot.graph.edgeSource[e]!] !== snapshot.profile[snapshot.graph.edgeTarget[e]!];
    const result = tieValue(snapshot.ties[e]!, { today: snapshot.today, crossesProfiles, structural: structural[e]! }, weights);
    value[e] = result.value;
    for (const c of VALUE_COMPONENTS) contributions[c][e] = result.contributions[c];
  }
  return { value, contributions };
}

/** A rolled-up value: over several ties, their total, their mean and the mean of each contribution. */
export interface ValueRollup {
  ties: number;
  total: number;
  mean: number;
  /** Mean contribution of each component over the ties; they sum to `mean`. */
  breakdown: ValueBreakdown;
}

export function rollUp(values: TieValues, ties: Iterable<number>): ValueRollup {
  const breakdown = Object.fromEntries(VALUE_COMPONENTS.map((c) => [c, 0])) as ValueBreakdown;
  let count = 0;
  let total = 0;
  for (const e of ties) {
    count += 1;
    total += values.value[e]!;
    for (const c of VALUE_COMPONENTS) breakdown[c] += values.contributions[c][e]!;
  }
  if (count > 0) for (const c of VALUE_COMPONENTS) breakdown[c] /= count;
  return { ties: count, total, mean: count === 0 ? 0 : total / count, breakdown };
}

/** The ties of one actor (snapshot node v). */
export function tiesOfNode(snapshot: NetworkSnapshot, v: number): number[] {
  const { offsets, edgeOf } = snapshot.graph;
  return Array.from(edgeOf.subarray(offsets[v]!, offsets[v + 1]!));
}

/** The ties among a set of actors (an alliance's members, an ecosystem's actors). */
export function tiesAmong(snapshot: NetworkSnapshot, nodes: Iterable<number>): number[] {
  const inside = new Set(nodes);
  const { offsets, targets, edgeOf } = snapshot.graph;
  const ties: number[] = [];
  for (const v of inside) {
    for (let i = offsets[v]!; i < offsets[v + 1]!; i += 1) if (targets[i]! > v && inside.has(targets[i]!)) ties.push(edgeOf[i]!);
  }
  return ties;
}
