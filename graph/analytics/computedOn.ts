import type { NetworkSnapshot } from "../snapshot.js";

/** Which network an answer was computed on: clients and caches can tell two answers apart. */
export interface ComputedOnShape {
  graphVersion: bigint;
  today: number;
}

export function computedOn(snapshot: NetworkSnapshot): ComputedOnShape {
  return { graphVersion: snapshot.version, today: snapshot.today };
}
