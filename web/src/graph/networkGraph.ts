/**
 * The graphology graph a network view draws: one node per actor, one undirected edge per tie
 * keyed by `tieKey`. Actors already placed keep their position (a refetch does not reshuffle
 * the map); new ones start near their community, communities spread on a spiral, which
 * ForceAtlas2 then only has to refine.
 */
import { UndirectedGraph } from "graphology";
import type { NetworkNode, NetworkTie } from "../api/queries.ts";
import type { Profile } from "../api/types.ts";
import { OUTSIDE_COLOUR, PROFILE_COLOURS, TIE_COLOUR, TIE_UNCONFIRMED_COLOUR } from "../ui/palette.ts";
import { tieKey } from "./filters.ts";

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  profile: Profile;
  inEcosystem: boolean;
  bridgeScore: number;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  /** What ForceAtlas2 pulls with: the tie's strength. */
  weight: number;
  confirmed: boolean;
}

export type NetworkGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

/** Small seeded generator (mulberry32), so the same network starts from the same layout. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nodeSize(bridgeScore: number | null): number {
  return 2.5 + 14 * Math.max(0, bridgeScore ?? 0);
}

export function tieSize(value: number): number {
  return 0.4 + 2.6 * Math.max(0, Math.min(1, value));
}

export function buildGraph(nodes: readonly NetworkNode[], ties: readonly NetworkTie[], previous?: NetworkGraph, rng = seededRandom(81)): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  const communities = new Set<number>();
  for (const node of nodes) if (node.community !== null) communities.add(node.community);
  const communityCount = Math.max(1, communities.size);
  const radius = 10 * Math.sqrt(nodes.length);
  // Communities on a sunflower spiral fill a disc evenly, each a cloud of its own.
  const spread = radius / Math.sqrt(communityCount);
  // Big networks get smaller dots, or they cover each other.
  const sizeScale = Math.min(1, Math.max(0.35, Math.sqrt(200 / Math.max(1, nodes.length))));

  for (const node of nodes) {
    const old = previous?.hasNode(node.id) ? previous.getNodeAttributes(node.id) : null;
    let x: number;
    let y: number;
    if (old) ({ x, y } = old);
    else if (!node.inEcosystem || node.community === null) {
      // Actors of other territories start on an outer ring: they are tied to the edge of the picture.
      const angle = rng() * 2 * Math.PI;
      x = Math.cos(angle) * radius * 1.4;
      y = Math.sin(angle) * radius * 1.4;
    } else {
      const c = node.community % communityCount;
      const r = radius * Math.sqrt((c + 0.5) / communityCount);
      const angle = c * 2.399963;
      const jitter = Math.sqrt(rng()) * spread;
      const turn = rng() * 2 * Math.PI;
      x = Math.cos(angle) * r + Math.cos(turn) * jitter;
      y = Math.sin(angle) * r + Math.sin(turn) * jitter;
    }
    graph.addNode(node.id, {
      x,
      y,
      size: nodeSize(node.bridgeScore) * sizeScale,
      color: node.inEcosystem ? PROFILE_COLOURS[node.profile] : OUTSIDE_COLOUR,
      label: node.name,
      profile: node.profile,
      inEcosystem: node.inEcosystem,
      bridgeScore: node.bridgeScore ?? 0,
    });
  }
  for (const tie of ties) {
    if (!graph.hasNode(tie.source) || !graph.hasNode(tie.target) || tie.source === tie.target) continue;
    const key = tieKey(tie.source, tie.target);
    if (graph.hasEdge(key)) continue;
    graph.addUndirectedEdgeWithKey(key, tie.source, tie.target, {
      size: tieSize(tie.value),
      color: tie.confirmed ? TIE_COLOUR : TIE_UNCONFIRMED_COLOUR,
      weight: Math.max(0.05, tie.strength),
      confirmed: tie.confirmed,
    });
  }
  return graph;
}
