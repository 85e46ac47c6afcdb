import { csrFromTies } from "../../graph/csr.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";

/** A hand-made snapshot: what the scope metrics read (graph, profiles, ecosystems), the rest empty. */
export function snapshotOf(n: number, ties: [number, number, number?][], profile: number[], ecosystem: number[]): NetworkSnapshot {
  const graph = csrFromTies(
    n,
    ties.map(([source, target, weight = 1]) => ({ source, target, weight })),
  );
  return {
    version: 1n,
    today: 0,
    graph,
    actorIds: Int32Array.from({ length: n }, (_, v) => v + 1),
    indexOfActor: new Map(Array.from({ length: n }, (_, v) => [v + 1, v])),
    profile: Int32Array.from(profile),
    catalyst: new Uint8Array(n),
    ecosystem: Int32Array.from(ecosystem),
    region: new Int32Array(n).fill(-1),
    territoryGroup: Int32Array.from(ecosystem, (e) => e + 1),
    names: Array.from({ length: n }, (_, v) => `A${v + 1}`),
    kind: Array.from({ length: n }, () => "COMPANY" as const),
    practiceMean: new Float64Array(n).fill(Number.NaN),
    practiceScores: new Float64Array(0),
    allianceMembers: new Map(),
    ties: [],
  };
}
