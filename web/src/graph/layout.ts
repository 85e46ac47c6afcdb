/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker), for a time budget that
 * grows with the network, so that the page stays responsive while the map settles.
 */
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import type { NetworkGraph } from "./networkGraph.ts";
import { packComponents } from "./pack.ts";

export interface LayoutRun {
  stop(): void;
  /** Resolves when the layout stops, by its budget or by `stop`. */
  done: Promise<void>;
}

/** @default budget 1.5 s plus 1 ms per actor, at most 8 s */
export function runLayout(graph: NetworkGraph, budgetMs = Math.min(8000, 1500 + graph.order)): LayoutRun {
  if (graph.order < 2) return { stop() {}, done: Promise.resolve() };
  const settings = {
    ...inferSettings(graph),
    // Barnes-Hut makes each iteration O(n log n): worth it from a few hundred actors.
    barnesHutOptimize: graph.order > 400,
    // LinLog spreads communities apart instead of one dense ball (Noack 2007).
    linLogMode: true,
    edgeWeightInfluence: 1,
    slowDown: graph.order > 1000 ? 3 : 2,
  };
  const supervisor = new FA2LayoutSupervisor(graph, { settings, getEdgeWeight: "weight" });
  supervisor.start();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    supervisor.kill();
    packComponents(graph);
    finish();
  };
  const timer = setTimeout(stop, budgetMs);
  return { stop, done };
}
