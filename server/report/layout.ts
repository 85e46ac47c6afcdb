/**
 * Positions of an ecosystem's actors for the printed network: ForceAtlas2 (Jacomy et al. 2014,
 * "ForceAtlas2, a continuous graph layout algorithm", PLoS ONE 9(6)) run here, on the server, for a
 * fixed number of iterations from seeded initial positions, so the same network always gives the
 * same drawing (the web map runs it in a worker for a time budget, which is not reproducible).
 * LinLog mode as on the map, so communities spread apart. The small connected parts are then
 * gathered in rows under the largest one (as web/src/graph/pack.ts does), or ForceAtlas2's
 * repulsion would push them to the edges and shrink the main part to a dot.
 */
import { UndirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { mulberry32 } from "../../graph/algorithms/random.js";

// CommonJS typed as `export default`: Node hands over module.exports, the function itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface LayoutOptions {
  /** @default 1 */
  seed?: number;
  /** @default 400 */
  iterations?: number;
}

export const LAYOUT_DEFAULTS: Readonly<Required<LayoutOptions>> = Object.freeze({ seed: 1, iterations: 400 });

/** Node positions in the unit square (y downwards), keyed by node id. */
export type Positions = Map<string, { x: number; y: number }>;

export function layoutNetwork(
  nodes: readonly string[],
  ties: readonly { source: string; target: string; weight: number }[],
  options: LayoutOptions = {},
): Positions {
  const { seed, iterations } = { ...LAYOUT_DEFAULTS, ...options };
  const graph = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  const random = mulberry32(seed);
  for (const id of nodes) graph.addNode(id, { x: random() * 100, y: random() * 100 });
  for (const { source, target, weight } of ties) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target) && !graph.hasEdge(source, target)) graph.addEdge(source, target, { weight });
  }
  if (graph.size === 0) return grid(nodes);
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: "weight",
      settings: { ...forceAtlas2.inferSettings(graph), linLogMode: true, edgeWeightInfluence: 1, barnesHutOptimize: graph.order > 400 },
    });
  }
  return normalise(packParts(graph));
}

type Graph = UndirectedGraph<{ x: number; y: number }, { weight: number }>;
interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function parts(graph: Graph): string[][] {
  const seen = new Set<string>();
  const found: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    seen.add(start);
    const part = [start];
    for (let i = 0; i < part.length; i += 1) {
      graph.forEachNeighbor(part[i]!, (next) => {
        if (seen.has(next)) return;
        seen.add(next);
        part.push(next);
      });
    }
    found.push(part);
  });
  // Largest first; equal sizes in node order, so the rows come out the same every time.
  return found.sort((a, b) => b.length - a.length);
}

function boxOf(positions: Positions | Graph, nodes: readonly string[]): Box {
  const box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const n of nodes) {
    const { x, y } = positions instanceof Map ? positions.get(n)! : positions.getNodeAttributes(n);
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

/** The largest part where the layout put it; the others in rows below it, each keeping its shape. */
function packParts(graph: Graph): Positions {
  const positions: Positions = new Map();
  const all = parts(graph);
  const main = all[0] ?? [];
  for (const n of main) positions.set(n, { ...graph.getNodeAttributes(n) });
  if (all.length < 2) return positions;
  const box = main.length > 1 ? boxOf(graph, main) : { minX: 0, maxX: 1, minY: 0, maxY: 1 };
  const width = Math.max(1, box.maxX - box.minX);
  const gap = Math.max(width, box.maxY - box.minY) * 0.08;
  let cursorX = box.minX;
  let rowY = box.maxY + gap * 1.5;
  let rowHeight = 0;
  for (const part of all.slice(1)) {
    const b = boxOf(graph, part);
    const w = b.maxX - b.minX;
    if (cursorX > box.minX && cursorX + w > box.minX + width) {
      cursorX = box.minX;
      rowY += rowHeight + gap;
      rowHeight = 0;
    }
    for (const n of part) {
      const { x, y } = graph.getNodeAttributes(n);
      positions.set(n, { x: cursorX + (x - b.minX), y: rowY + (y - b.minY) });
    }
    cursorX += w + gap;
    rowHeight = Math.max(rowHeight, b.maxY - b.minY);
  }
  return positions;
}

/** Into [0, 1] on the longer side, keeping the aspect ratio, centred on the shorter. */
function normalise(positions: Positions): Positions {
  if (positions.size === 0) return positions;
  const box = boxOf(positions, [...positions.keys()]);
  const span = Math.max(box.maxX - box.minX, box.maxY - box.minY) || 1;
  const offsetX = (1 - (box.maxX - box.minX) / span) / 2;
  const offsetY = (1 - (box.maxY - box.minY) / span) / 2;
  return new Map([...positions].map(([n, { x, y }]) => [n, { x: offsetX + (x - box.minX) / span, y: offsetY + (y - box.minY) / span }]));
}

/** Without a single tie there is nothing to lay out: the actors in a square grid, in order. */
function grid(nodes: readonly string[]): Positions {
  const side = Math.max(1, Math.ceil(Math.sqrt(nodes.length)));
  return normalise(new Map(nodes.map((n, i) => [n, { x: i % side, y: Math.floor(i / side) }])));
}
