import type { NetworkSnapshot } from "./snapshot.js";
import { inducedSubgraph, type Subgraph } from "./subgraph.js";

/** Where an analytic runs: one ecosystem's subgraph, or the whole network. */
export type Scope = { kind: "ecosystem"; ecosystemId: number } | { kind: "national" };

export const NATIONAL: Scope = Object.freeze({ kind: "national" });

export function scopeKey(scope: Scope): string {
  return scope.kind === "national" ? "national" : `ecosystem:${scope.ecosystemId}`;
}

/** The actors of a scope, as snapshot node ids in ascending order. */
export function scopeNodes(snapshot: NetworkSnapshot, scope: Scope): Int32Array {
  if (scope.kind === "national") return Int32Array.from({ length: snapshot.graph.nodeCount }, (_, v) => v);
  const nodes: number[] = [];
  for (let v = 0; v < snapshot.ecosystem.length; v += 1) if (snapshot.ecosystem[v] === scope.ecosystemId) nodes.push(v);
  return Int32Array.from(nodes);
}

/**
 * The scope's network: the induced subgraph of its actors, or the snapshot's own graph for the
 * national scope (not copied). Node i of the result is snapshot node `nodes[i]`.
 */
export function scopedSubgraph(snapshot: NetworkSnapshot, scope: Scope): Subgraph {
  if (scope.kind === "national") {
    const { graph } = snapshot;
    return { graph, nodes: scopeNodes(snapshot, scope), parentTie: Int32Array.from({ length: graph.edgeCount }, (_, e) => e) };
  }
  return inducedSubgraph(snapshot.graph, scopeNodes(snapshot, scope));
}
