/**
 * A sigma.js (WebGL) view of a network graph. It owns the renderer, the ForceAtlas2 run and
 * the highlight state; views set that state and the reducers draw it, so filters, selection,
 * search, bridges, removal pieces and paths never rebuild the graph.
 */
import Sigma from "sigma";
import type { NodeDisplayData, EdgeDisplayData } from "sigma/types";
import { DIMMED_NODE, DIMMED_TIE, NEW_COLOUR, PATH_COLOUR, PROFILE_COLOURS, SELECTED_RING, UNTOUCHED_PIECE_COLOUR } from "../ui/palette.ts";
import { runLayout, type LayoutRun } from "./layout.ts";
import type { EdgeAttributes, NetworkGraph, NodeAttributes } from "./networkGraph.ts";

export interface Highlight {
  /** Actors shown; null: all. */
  nodes: Set<string> | null;
  /** Ties shown, by key; null: all between shown actors. */
  ties: Set<string> | null;
  selected: string | null;
  /** Actors matching the search; null when not searching. */
  matches: Set<string> | null;
  /** Ringed actors. */
  bridges: Set<string>;
  /** "What if it leaves": the piece colour of each actor, and who left. */
  pieces: Map<string, string> | null;
  removed: string | null;
  /** Introduction paths. */
  path: { nodes: Set<string>; ties: Set<string>; ends: Set<string> } | null;
}

export const EMPTY_HIGHLIGHT: Highlight = {
  nodes: null,
  ties: null,
  selected: null,
  matches: null,
  bridges: new Set(),
  pieces: null,
  removed: null,
  path: null,
};

export interface NetworkViewOptions {
  onSelect(node: string | null): void;
  onLayout?(running: boolean): void;
}

type NodeChanges = Partial<NodeDisplayData>;
type EdgeChanges = Partial<EdgeDisplayData>;

function ring(colour: string, width: number): NodeChanges {
  return {
    backdropVisibility: "visible",
    backdropArea: "node",
    backdropColor: "#ffffff",
    backdropBorderColor: colour,
    backdropBorderWidth: width,
    backdropPadding: width,
    backdropShadowBlur: 0,
  };
}

export class NetworkView {
  private sigma: Sigma<NodeAttributes, EdgeAttributes> | null = null;
  private graph: NetworkGraph | null = null;
  private layout: LayoutRun | null = null;
  private highlight: Highlight = EMPTY_HIGHLIGHT;
  private neighbours = new Set<string>();
  private readonly resizeObserver: ResizeObserver;
  /** Actors and ties a live update added, grown in and ringed for a moment. */
  private revealing: { nodes: Set<string>; ties: Set<string>; started: number; frame: number } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: NetworkViewOptions,
  ) {
    this.resizeObserver = new ResizeObserver(() => this.sigma?.scheduleRefresh());
    this.resizeObserver.observe(container);
  }

  /** Draws a new graph (or the same network refetched), then lays it out. */
  setGraph(graph: NetworkGraph, { layout = true }: { layout?: boolean } = {}): void {
    this.layout?.stop();
    this.graph = graph;
    if (!this.sigma) {
      this.sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, this.container, {
        settings: {
          itemSizesReference: "screen",
          zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
          enableCameraRotation: false,
          enableCameraMouseRotation: false,
          labelRenderedSizeThreshold: 7,
          labelDensity: 0.6,
          // Software-rendered or weak GPUs choke on thousands of ties while the camera moves.
          hideEdgesOnMove: graph.size > 4000,
          minCameraRatio: 0.05,
          maxCameraRatio: 4,
          stagePadding: 24,
          // Fit labels too, so that a hub's name at the edge is not cut off.
          autoRescaleContent: "labels",
        },
        nodeReducer: (key, _data, _attrs, state) => this.reduceNode(key, state.isHovered),
        edgeReducer: (key) => this.reduceEdge(key),
      });
      this.sigma.on("clickNode", ({ node }) => this.options.onSelect(node));
      this.sigma.on("clickStage", () => this.options.onSelect(null));
    } else {
      this.sigma.setGraph(graph);
    }
    this.computeNeighbours();
    if (layout) this.startLayout();
  }

  getGraph(): NetworkGraph | null {
    return this.graph;
  }

  startLayout(budgetMs?: number): void {
    if (!this.graph) return;
    this.layout?.stop();
    const run = runLayout(this.graph, budgetMs);
    this.layout = run;
    this.options.onLayout?.(true);
    void run.done.then(() => {
      if (this.layout === run) {
        this.layout = null;
        this.options.onLayout?.(false);
      }
    });
  }

  setHighlight(patch: Partial<Highlight>): void {
    this.highlight = { ...this.highlight, ...patch };
    this.computeNeighbours();
    this.sigma?.refresh({ skipIndexation: true });
  }

  /** Moves the camera onto an actor. */
  focus(node: string): void {
    if (!this.sigma || !this.graph?.hasNode(node)) return;
    const data = this.sigma.getNodeDisplayData(node);
    if (!data) return;
    void this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.6) }, { duration: 450 });
  }

  zoomIn(): void {
    void this.sigma?.getCamera().zoomIn({ duration: 250 });
  }

  zoomOut(): void {
    void this.sigma?.getCamera().zoomOut({ duration: 250 });
  }

  resetCamera(): void {
    // A live update froze the frame (keepFrame); "see the whole network" fits it again.
    this.sigma?.setCustomBBox(null);
    void this.sigma?.getCamera().reset({ duration: 300 });
  }

  /**
   * Keeps the picture where it is through the next changes: the camera is never moved by a new
   * graph, but sigma fits the graph's extent to the screen, so new actors at the edge would
   * shift and shrink everything. The frame stays until resetCamera.
   */
  keepFrame(): void {
    if (this.sigma && !this.sigma.getCustomBBox()) this.sigma.setCustomBBox(this.sigma.getBBox());
  }

  /** Grows new actors and ties in, ringed for a moment (at once with reduced motion). */
  reveal(nodes: Set<string>, ties: Set<string>, durationMs = 2_500): void {
    if (!this.sigma || (nodes.size === 0 && ties.size === 0)) return;
    if (this.revealing) cancelAnimationFrame(this.revealing.frame);
    const duration = matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : durationMs;
    const revealing = { nodes, ties, started: performance.now(), frame: 0 };
    this.revealing = revealing;
    const step = () => {
      if (this.revealing !== revealing || !this.sigma) return;
      if (performance.now() - revealing.started >= duration) this.revealing = null;
      else revealing.frame = requestAnimationFrame(step);
      this.sigma.refresh({ skipIndexation: true });
    };
    step();
  }

  /** 0 to 1 over the first 700 ms of a reveal (ease-out), 1 after. */
  private revealGrowth(): number {
    const elapsed = this.revealing ? performance.now() - this.revealing.started : Infinity;
    const p = Math.min(1, elapsed / 700);
    return 1 - (1 - p) ** 3;
  }

  kill(): void {
    if (this.revealing) cancelAnimationFrame(this.revealing.frame);
    this.revealing = null;
    this.layout?.stop();
    this.resizeObserver.disconnect();
    this.sigma?.kill();
    this.sigma = null;
  }

  private computeNeighbours(): void {
    this.neighbours = new Set();
    const { selected } = this.highlight;
    if (selected && this.graph?.hasNode(selected)) {
      this.graph.forEachNeighbor(selected, (n) => this.neighbours.add(n));
    }
  }

  private isShown(node: string): boolean {
    const { nodes, removed } = this.highlight;
    return (nodes === null || nodes.has(node)) && node !== removed;
  }

  private reduceNode(key: string, hovered: boolean): NodeChanges {
    const h = this.highlight;
    const { nodes, selected, matches, bridges, pieces, removed, path } = h;
    if (nodes !== null && !nodes.has(key) && key !== selected) return { visibility: "hidden" };
    const changes: NodeChanges = { cursor: "pointer" };
    let dimmed = false;
    if (key === removed) {
      return { ...changes, color: "#ffffff", ...ring(SELECTED_RING, 2), labelVisibility: "visible", zIndex: 3 };
    }
    if (pieces) {
      changes.color = pieces.get(key) ?? UNTOUCHED_PIECE_COLOUR;
    } else if (path) {
      if (path.nodes.has(key)) {
        const attributes = this.graph?.getNodeAttributes(key);
        changes.labelVisibility = "visible";
        changes.zIndex = 2;
        // Actors of other territories are grey on the map, but on a path their profile matters.
        if (attributes) {
          changes.color = PROFILE_COLOURS[attributes.profile];
          changes.size = Math.max(attributes.size, 6);
        }
        if (path.ends.has(key)) Object.assign(changes, ring(PATH_COLOUR, 2.5));
      } else dimmed = true;
    } else if (selected) {
      if (key === selected) {
        Object.assign(changes, ring(SELECTED_RING, 2.5), { labelVisibility: "visible", zIndex: 3 });
      } else if (this.neighbours.has(key)) {
        changes.zIndex = 1;
      } else dimmed = true;
    } else if (matches) {
      if (matches.has(key)) {
        changes.labelVisibility = "visible";
        changes.zIndex = 2;
      } else dimmed = true;
    }
    if (dimmed) {
      changes.color = DIMMED_NODE;
      // See-through, so that highlighted ties (drawn under nodes) stay continuous.
      changes.opacity = 0.5;
      changes.labelVisibility = "hidden";
      changes.zIndex = 0;
    } else if (bridges.has(key) && key !== selected && !(path?.ends.has(key) ?? false)) {
      Object.assign(changes, ring("#222222", 1.5));
      if (!hovered && changes.labelVisibility === undefined) changes.labelVisibility = "visible";
    }
    if (this.revealing?.nodes.has(key) && !dimmed) {
      const size = changes.size ?? this.graph?.getNodeAttributes(key).size ?? 4;
      Object.assign(changes, ring(NEW_COLOUR, 2.5), { size: Math.max(0.5, size * this.revealGrowth()), labelVisibility: "visible", zIndex: 3 });
    }
    if (hovered) {
      // Sigma's hover card: the label on a white backdrop over everything else.
      changes.backdropArea = "both";
      changes.backdropColor = "#ffffff";
      changes.backdropShadowBlur = 12;
      changes.backdropBorderWidth = 0;
      changes.labelVisibility = "visible";
      changes.zIndex = 4;
    }
    return changes;
  }

  private reduceEdge(key: string): EdgeChanges {
    const graph = this.graph;
    if (!graph) return {};
    const h = this.highlight;
    const [source, target] = graph.extremities(key);
    if (!this.isShown(source) || !this.isShown(target)) return { visibility: "hidden" };
    if (h.ties !== null && !h.ties.has(key)) return { visibility: "hidden" };
    if (h.pieces) {
      const a = h.pieces.get(source);
      return a && a === h.pieces.get(target) ? { color: a, opacity: 0.35 } : { color: DIMMED_TIE };
    }
    if (h.path) {
      return h.path.ties.has(key) ? { color: PATH_COLOUR, size: 3.5, zIndex: 2 } : { color: DIMMED_TIE };
    }
    if (h.selected) {
      return source === h.selected || target === h.selected ? { color: "#6b7280", zIndex: 1 } : { color: DIMMED_TIE };
    }
    if (h.matches) {
      return h.matches.has(source) || h.matches.has(target) ? {} : { color: DIMMED_TIE };
    }
    if (this.revealing?.ties.has(key)) {
      return { color: NEW_COLOUR, size: Math.max(0.2, graph.getEdgeAttribute(key, "size") * this.revealGrowth() * 1.5), zIndex: 2 };
    }
    return {};
  }
}
