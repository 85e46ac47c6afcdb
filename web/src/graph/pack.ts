/**
 * Gathers the small connected parts of a laid-out network in a row under the largest one.
 * ForceAtlas2's repulsion pushes a lone actor or a pair far from the main part, and the camera,
 * fitting everything, then shows the main part tiny; packing keeps each part's own shape.
 */
import type { NetworkGraph } from "./networkGraph.ts";

interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function box(graph: NetworkGraph, nodes: readonly string[]): Box {
  const b = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const n of nodes) {
    const { x, y } = graph.getNodeAttributes(n);
    b.minX = Math.min(b.minX, x);
    b.maxX = Math.max(b.maxX, x);
    b.minY = Math.min(b.minY, y);
    b.maxY = Math.max(b.maxY, y);
  }
  return b;
}

export function components(graph: NetworkGraph): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    seen.add(start);
    const part = [start];
    for (let i = 0; i < part.length; i++) {
      graph.forEachNeighbor(part[i]!, (next) => {
        if (!seen.has(next)) {
          seen.add(next);
          part.push(next);
        }
      });
    }
    result.push(part);
  });
  return result.sort((a, b) => b.length - a.length);
}

export function packComponents(graph: NetworkGraph): void {
  const parts = components(graph);
  const main = parts[0];
  if (!main || parts.length < 2 || main.length < 3) return;
  const mainBox = box(graph, main);
  const width = Math.max(1, mainBox.maxX - mainBox.minX);
  const height = Math.max(1, mainBox.maxY - mainBox.minY);
  const gap = Math.max(width, height) * 0.06;
  let cursorX = mainBox.minX;
  let rowY = mainBox.minY - gap * 1.5;
  let rowHeight = 0;
  for (const part of parts.slice(1)) {
    const b = box(graph, part);
    const w = b.maxX - b.minX;
    const h = b.maxY - b.minY;
    if (cursorX + w > mainBox.maxX && cursorX > mainBox.minX) {
      cursorX = mainBox.minX;
      rowY -= rowHeight + gap;
      rowHeight = 0;
    }
    // Graph y grows upwards in sigma: "under" the main part is towards smaller y.
    const dx = cursorX - b.minX;
    const dy = rowY - b.maxY;
    for (const n of part) {
      graph.updateNodeAttributes(n, (a) => ({ ...a, x: a.x + dx, y: a.y + dy }));
    }
    cursorX += w + gap;
    rowHeight = Math.max(rowHeight, h);
  }
}
