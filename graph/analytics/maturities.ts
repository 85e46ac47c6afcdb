/**
 * graph/analytics/maturities: every ecosystem's maturity, computed together once per version of
 * the network and day (about 20 ms for the demo's 81): the maturity field and the peers' maturity
 * fit read the same results.
 */
import { ecosystemMaturity, type Maturity } from "../ecosystem/maturity.js";
import type { GraphEngine } from "../engines/graphEngine.js";
import type { SnapshotOptions } from "../snapshot.js";
import { cachedAnalytic } from "./cacheKeys.js";
import { computedOn, type ComputedOnShape } from "./computedOn.js";

export type MaturityShape = Maturity & { computedOn: ComputedOnShape };

/** The maturity of every ecosystem with at least one actor, by ecosystem id. */
export function maturities(graph: GraphEngine, options: SnapshotOptions = {}): Promise<ReadonlyMap<number, MaturityShape>> {
  return cachedAnalytic(
    graph,
    { analytic: "maturity" },
    (snapshot) => {
      const ids = [...new Set(snapshot.ecosystem)].filter((id) => id >= 0);
      return new Map(ids.map((id) => [id, { ...ecosystemMaturity(snapshot, id), computedOn: computedOn(snapshot) }]));
    },
    options,
  );
}

/** These ecosystems' maturities, in the order given. */
export async function maturitiesOf(graph: GraphEngine, ids: readonly number[], options: SnapshotOptions = {}): Promise<MaturityShape[]> {
  const all = await maturities(graph, options);
  // An ecosystem with no actor yet is in no snapshot group: measure it on its own.
  const snapshot = ids.some((id) => !all.has(id)) ? await graph.snapshot(options) : null;
  return ids.map((id) => all.get(id) ?? { ...ecosystemMaturity(snapshot!, id), computedOn: computedOn(snapshot!) });
}
