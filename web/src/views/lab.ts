/**
 * A test bench, not linked from the app: a seeded synthetic network of #/lab?nodes=N actors
 * drawn by the same NetworkView, with the frame rate measured while ForceAtlas2 runs and while
 * the camera moves. `window.__lab` exposes the figures to a headless check.
 */
import type { NetworkNode, NetworkTie } from "../api/queries.ts";
import { PROFILES } from "../api/types.ts";
import { buildGraph, seededRandom } from "../graph/networkGraph.ts";
import { NetworkView } from "../graph/networkView.ts";
import { fmtNumber, t } from "../i18n/lang.ts";
import type { Route } from "../router.ts";
import { h, mount } from "../ui/dom.ts";
import { networkLegend, zoomControls } from "./networkChrome.ts";
import type { View } from "./view.ts";

export function syntheticNetwork(n: number, seed = 7): { nodes: NetworkNode[]; ties: NetworkTie[] } {
  const rng = seededRandom(seed);
  const communities = Math.max(2, Math.round(Math.sqrt(n) / 2));
  const nodes: NetworkNode[] = [];
  const members: string[][] = Array.from({ length: communities }, () => []);
  for (let i = 0; i < n; i++) {
    const community = Math.floor(rng() * communities);
    const id = `n${i}`;
    members[community]!.push(id);
    nodes.push({
      id,
      name: `Acteur ${i}`,
      profile: PROFILES[Math.floor(rng() * 4)]!,
      kind: "ASSOCIATION",
      isCatalyst: false,
      inEcosystem: true,
      ecosystem: null,
      betweenness: null,
      bridgeScore: Math.pow(rng(), 6),
      community,
      constraint: null,
      degree: null,
      isArticulationPoint: null,
    });
  }
  const ties: NetworkTie[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    const own = members[node.community!]!;
    for (let k = 0; k < 3; k++) {
      const other = rng() < 0.88 ? own[Math.floor(rng() * own.length)]! : nodes[Math.floor(rng() * n)]!.id;
      const key = node.id < other ? `${node.id}|${other}` : `${other}|${node.id}`;
      if (other === node.id || seen.has(key)) continue;
      seen.add(key);
      ties.push({
        source: node.id,
        target: other,
        confirmed: rng() < 0.7,
        crossesProfiles: false,
        firstDate: "2024-01-01",
        lastDate: "2025-01-01",
        isBridge: null,
        kinds: ["MEETING"],
        strength: 0.2 + rng() * 0.8,
        value: rng(),
      });
    }
  }
  return { nodes, ties };
}

interface LabStats {
  nodes: number;
  ties: number;
  buildMs: number;
  layoutFps: number[];
  cameraFps: number | null;
  layoutDone: boolean;
  /** Mean time of a full refresh (reducers, upload, draw), after the layout. */
  refreshMs: number | null;
}

declare global {
  interface Window {
    __lab?: LabStats;
    __labRefresh?: (times: number) => number;
  }
}

export function createLabView(root: HTMLElement, route: Extract<Route, { view: "lab" }>): View {
  const canvas = h("div", { class: "graph-canvas" });
  const stats = h("p", { class: "muted", role: "status" });
  const started = performance.now();
  const { nodes, ties } = syntheticNetwork(route.nodes);
  const graph = buildGraph(nodes, ties);
  const lab: LabStats = {
    nodes: graph.order,
    ties: graph.size,
    buildMs: Math.round(performance.now() - started),
    layoutFps: [],
    cameraFps: null,
    layoutDone: false,
    refreshMs: null,
  };
  window.__lab = lab;

  let frames = 0;
  let windowStart = performance.now();
  let raf = 0;
  let measuring: ((fps: number) => void) | null = null;
  const tick = (now: number) => {
    frames++;
    if (now - windowStart >= 1000) {
      const fps = (frames * 1000) / (now - windowStart);
      if (!lab.layoutDone) lab.layoutFps.push(Math.round(fps));
      measuring?.(fps);
      stats.textContent = `${t().labFps(fmtNumber(fps, 0))} · ${lab.nodes} / ${lab.ties}`;
      frames = 0;
      windowStart = now;
    }
    raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);

  const view = new NetworkView(canvas, {
    onSelect: (node) => view.setHighlight({ selected: node }),
    onLayout: (running) => {
      if (running) return;
      const start = performance.now();
      for (let i = 0; i < 5; i++) view.setHighlight({ selected: i % 2 ? "n0" : null });
      lab.refreshMs = Math.round((performance.now() - start) / 5);
      lab.layoutDone = true;
    },
  });

  window.__labRefresh = (times) => {
    const start = performance.now();
    for (let i = 0; i < times; i++) view.setHighlight({ selected: i % 2 ? "n0" : null });
    return (performance.now() - start) / times;
  };

  const moveCamera = () => {
    lab.cameraFps = null;
    view.zoomIn();
    setTimeout(() => view.zoomOut(), 300);
    setTimeout(() => view.resetCamera(), 600);
    measuring = (fps) => {
      lab.cameraFps = Math.round(fps);
      measuring = null;
    };
  };

  mount(
    root,
    h(
      "div",
      { class: "page lab-page" },
      h("h1", { tabindex: "-1" }, t().labTitle(route.nodes)),
      stats,
      h("p", null, h("button", { type: "button", class: "button", id: "lab-camera", onclick: moveCamera }, "Camera")),
      h(
        "div",
        { class: "graph-area lab" },
        h(
          "div",
          { class: "graph-stage" },
          canvas,
          h(
            "div",
            { class: "graph-chrome" },
            zoomControls(() => view),
          ),
        ),
        networkLegend(),
      ),
    ),
  );
  view.setGraph(graph);

  return {
    update() {},
    destroy() {
      cancelAnimationFrame(raf);
      view.kill();
    },
  };
}
