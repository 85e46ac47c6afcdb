/**
 * graph/ecosystem/introductionPaths: who could introduce one actor to another. The shortest
 * chains of ties between them (graph/algorithms/shortestPaths.ts: breadth-first search with
 * predecessor lists), through confirmed ties only by default: a tie both ends confirmed is one
 * each intermediary would vouch for. Three steps by default: every further intermediary is one
 * more person asked to vouch for someone they know only through another.
 */
import { allShortestPaths } from "../algorithms/shortestPaths.js";
import type { NetworkSnapshot } from "../snapshot.js";

export interface IntroductionPathOptions {
  /** Longest path, in ties. @default 3 */
  maxLength?: number;
  /** Most paths returned, in lexicographic order of node ids. @default 10 */
  limit?: number;
  /** Use only ties both ends confirmed (TieFeatures.confirmed). @default true */
  confirmedOnly?: boolean;
}

export const DEFAULTS: Readonly<Required<IntroductionPathOptions>> = { maxLength: 3, limit: 10, confirmedOnly: true };

export interface PathTie {
  /** Index into snapshot.ties and the graph's edge arrays. */
  tie: number;
  confirmed: boolean;
  /** The tie's strength: its weight in the snapshot's graph. */
  strength: number;
}

export interface IntroductionPath {
  /** Node ids from `from` to `to`. */
  nodes: number[];
  /** ties[i] joins nodes[i] and nodes[i + 1]. */
  ties: PathTie[];
}

/**
 * All shortest paths from `from` to `to`, every one of the same length (at most `maxLength`);
 * none when they are further apart. A node to itself is one path of no tie.
 */
export function introductionPaths(snapshot: NetworkSnapshot, from: number, to: number, options: IntroductionPathOptions = {}): IntroductionPath[] {
  const maxLength = options.maxLength ?? DEFAULTS.maxLength;
  const limit = options.limit ?? DEFAULTS.limit;
  const confirmedOnly = options.confirmedOnly ?? DEFAULTS.confirmedOnly;
  const { graph } = snapshot;
  for (const [name, v] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) throw new Error(`graph/ecosystem/introductionPaths: ${name} node ${v} does not exist`);
  }
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new Error(`graph/ecosystem/introductionPaths: maxLength must be a positive integer, got ${maxLength}`);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`graph/ecosystem/introductionPaths: limit must be a positive integer, got ${limit}`);
  const usable = confirmedOnly ? (tie: number) => snapshot.ties[tie]!.confirmed : undefined;
  return allShortestPaths(graph, from, to, { maxLength, limit, usable }).map((nodes) => ({
    nodes,
    ties: nodes.slice(1).map((w, i) => {
      const tie = tieBetween(snapshot, nodes[i]!, w);
      return { tie, confirmed: snapshot.ties[tie]!.confirmed, strength: graph.edgeWeight[tie]! };
    }),
  }));
}

/** The tie joining u and w, by binary search of u's row (csrFromTies sorts each row). */
function tieBetween({ graph }: NetworkSnapshot, u: number, w: number): number {
  let low = graph.offsets[u]!;
  let high = graph.offsets[u + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const target = graph.targets[middle]!;
    if (target === w) return graph.edgeOf[middle]!;
    if (target < w) low = middle + 1;
    else high = middle - 1;
  }
  throw new Error(`graph/ecosystem/introductionPaths: nodes ${u} and ${w} are not tied`);
}
