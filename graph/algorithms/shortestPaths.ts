/**
 * All shortest paths between two nodes, by breadth-first search with predecessor lists
 * (Cormen et al., "Introduction to Algorithms", ch. 22; the enumeration networkx.all_shortest_paths
 * does). Used for introduction paths: who could introduce whom, through ties one may filter (only
 * confirmed ties), no longer than a few steps.
 */
import type { CsrGraph } from "../csr.js";

export interface ShortestPathOptions {
  /** Longest path, in ties, worth returning. */
  maxLength: number;
  /** Most paths returned (in lexicographic order of node ids). */
  limit: number;
  /** Which ties may be used (by tie index); all by default. */
  usable?: ((tie: number) => boolean) | undefined;
}

export const DEFAULTS: ShortestPathOptions = { maxLength: 3, limit: 20 };

/** Node sequences from `source` to `target`; empty when none is short enough. */
export function allShortestPaths(graph: CsrGraph, source: number, target: number, options: Partial<ShortestPathOptions> = {}): number[][] {
  const { maxLength, limit, usable } = { ...DEFAULTS, ...options };
  for (const [name, v] of [
    ["source", source],
    ["target", target],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) throw new Error(`graph/shortestPaths: ${name} node ${v} does not exist`);
  }
  if (source === target) return [[source]];
  const distance = new Int32Array(graph.nodeCount).fill(-1);
  const predecessors = new Map<number, number[]>();
  distance[source] = 0;
  let frontier = [source];
  // Level by level, stopping at the target's level: every predecessor found there is on a shortest path.
  for (let level = 0; level < maxLength && frontier.length > 0 && distance[target] === -1; level += 1) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i += 1) {
        if (usable && !usable(graph.edgeOf[i]!)) continue;
        const w = graph.targets[i]!;
        if (distance[w] === -1) {
          distance[w] = level + 1;
          next.push(w);
          predecessors.set(w, [v]);
        } else if (distance[w] === level + 1) {
          predecessors.get(w)!.push(v);
        }
      }
    }
    frontier = next;
  }
  if (distance[target] === -1) return [];
  const paths: number[][] = [];
  const walk = (v: number, suffix: number[]) => {
    if (paths.length >= limit) return;
    if (v === source) {
      paths.push([source, ...suffix]);
      return;
    }
    for (const p of [...predecessors.get(v)!].sort((a, b) => a - b)) walk(p, [v, ...suffix]);
  };
  walk(target, []);
  return paths.sort(compareLexicographic).slice(0, limit);
}

function compareLexicographic(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
