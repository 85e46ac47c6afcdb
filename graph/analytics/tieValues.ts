/**
 * graph/analytics/tieValues: every tie's value for a set of weights, computed once per network
 * version and day, and what the API reads of it: one tie's value, the value of a set of ties.
 * The structural positions the values need are computed once for every set of weights.
 */
import type { InteractionValueWeights } from "../ecosystem/interactionValue.js";
import { tieStructuralPositions } from "../ecosystem/structuralPosition.js";
import { computeTieValues, rollUp, tiesAmong, tiesOfNode, type TieValues, type ValueRollup } from "../ecosystem/tieValues.js";
import type { GraphEngine } from "../engines/graphEngine.js";
import { scopeNodes } from "../scope.js";
import type { NetworkSnapshot, SnapshotOptions } from "../snapshot.js";
import { cachedAnalytic } from "./cacheKeys.js";
import { computedOn, type ComputedOnShape } from "./computedOn.js";

/** Tie values for the network (current, or as of a day) and these weights, with the snapshot they index. */
export async function tieValuesFor(
  graph: GraphEngine,
  weights: InteractionValueWeights,
  options: SnapshotOptions = {},
): Promise<{ snapshot: NetworkSnapshot; values: TieValues }> {
  const structural = await cachedAnalytic(graph, { analytic: "tie-structural-positions" }, tieStructuralPositions, options);
  return cachedAnalytic(
    graph,
    { analytic: "tie-values", weights },
    (snapshot) => ({ snapshot, values: computeTieValues(snapshot, structural, weights) }),
    options,
  );
}

/**
 * The value of tie `e` of `snapshot`. The values may have been computed on a newer snapshot
 * when the network moved on in between: the same pair of actors is then read there.
 */
export async function tieValueOf(
  graph: GraphEngine,
  snapshot: NetworkSnapshot,
  e: number,
  weights: InteractionValueWeights,
  options: SnapshotOptions = {},
): Promise<number> {
  const { snapshot: valued, values } = await tieValuesFor(graph, weights, options);
  if (valued === snapshot) return values.value[e]!;
  const [a, b] = [snapshot.actorIds[snapshot.graph.edgeSource[e]!]!, snapshot.actorIds[snapshot.graph.edgeTarget[e]!]!];
  const [u, w] = [valued.indexOfActor.get(a), valued.indexOfActor.get(b)];
  if (u === undefined || w === undefined) return 0;
  for (let k = valued.graph.offsets[u]!; k < valued.graph.offsets[u + 1]!; k += 1)
    if (valued.graph.targets[k] === w) return values.value[valued.graph.edgeOf[k]!]!;
  return 0;
}

/** Whose ties a value rolls up: those among an alliance's members, an actor's, those among an ecosystem's actors. */
export type TieSet = { of: "alliance"; allianceId: number } | { of: "actor"; actorId: number } | { of: "ecosystem"; ecosystemId: number };

function tiesOf(snapshot: NetworkSnapshot, set: TieSet): Iterable<number> {
  switch (set.of) {
    case "alliance":
      return tiesAmong(snapshot, snapshot.allianceMembers.get(set.allianceId) ?? []);
    case "actor": {
      const v = snapshot.indexOfActor.get(set.actorId);
      return v === undefined ? [] : tiesOfNode(snapshot, v);
    }
    case "ecosystem":
      return tiesAmong(snapshot, scopeNodes(snapshot, { kind: "ecosystem", ecosystemId: set.ecosystemId }));
  }
}

export type ValueRollupShape = ValueRollup & { weights: InteractionValueWeights; computedOn: ComputedOnShape };

/** The value of a set of ties with these weights: their total, their mean, each component's part. */
export async function valueRollup(graph: GraphEngine, set: TieSet, weights: InteractionValueWeights, options: SnapshotOptions = {}): Promise<ValueRollupShape> {
  const { snapshot, values } = await tieValuesFor(graph, weights, options);
  return { ...rollUp(values, tiesOf(snapshot, set)), weights, computedOn: computedOn(snapshot) };
}
