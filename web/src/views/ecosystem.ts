/**
 * An ecosystem: its network (sigma.js, ForceAtlas2 in a worker), its maturity with evidence and
 * next step, filters, search, bridge actors, and "what if this actor leaves". Everything the
 * user chooses lives in the route, so the URL reopens the same picture.
 */
import { request } from "../api/client.ts";
import {
  BRIDGE_ACTORS,
  ECOSYSTEM,
  ECOSYSTEM_ALLIANCES,
  toEcosystemDetail,
  type AllianceSummary,
  type AlliancesPage,
  type BridgeActor,
  type EcosystemDetail,
} from "../api/queries.ts";
import { piecesWithout } from "../graph/components.ts";
import { applyFilters, filtersActive, indexAlliances, type FilterResult, type PairAlliances } from "../graph/filters.ts";
import { buildGraph } from "../graph/networkGraph.ts";
import { NetworkView } from "../graph/networkView.ts";
import { fmtDate, fmtNumber, fmtTime, lang, t } from "../i18n/lang.ts";
import { coalesce, watchEcosystem, type LiveState } from "../live.ts";
import { href, type EcosystemRoute, type Route } from "../router.ts";
import { h, mount, remount } from "../ui/dom.ts";
import { onEscape } from "../ui/escape.ts";
import { focusHeading, navigate } from "../ui/navigate.ts";
import { pieceColour, UNTOUCHED_PIECE_COLOUR } from "../ui/palette.ts";
import { errorBlock, isAbort, loadingBlock } from "../ui/status.ts";
import { actorPanel, type Removal } from "./ecosystemActorPanel.ts";
import { sidebar } from "./ecosystemSidebar.ts";
import { regionName } from "./franceGrid.ts";
import { networkLegend, zoomControls } from "./networkChrome.ts";
import { levelBadge } from "./overview.ts";
import type { View } from "./view.ts";

export interface EcosystemState {
  route: EcosystemRoute;
  detail: EcosystemDetail;
  bridges: BridgeActor[] | null;
  alliances: Map<string, PairAlliances> | null;
  filtered: FilterResult;
  search: string;
  matches: Set<string> | null;
}

export function createEcosystemView(root: HTMLElement, initial: EcosystemRoute): View {
  let route = initial;
  let detail: EcosystemDetail | null = null;
  let bridges: BridgeActor[] | null = null;
  let alliances: Map<string, PairAlliances> | null = null;
  let alliancesLoading = false;
  let filtered: FilterResult | null = null;
  let filteredFor = "";
  let search = "";
  let refreshedAt: Date | null = null;
  let sidebarOpen = false;
  let loadedOutside: boolean | null = null;
  let stopLive = () => {};
  let liveState: LiveState = "connecting";
  /** "Network updated", shown for a few seconds after a live update. */
  let liveNotice = false;
  let liveNoticeTimer = 0;
  let popEscape: (() => void) | null = null;
  const controller = new AbortController();

  const sidebarEl = h("aside", { class: "eco-sidebar", id: "eco-sidebar" });
  const canvas = h("div", { class: "graph-canvas" });
  const graphStatus = h("div", { class: "graph-status", role: "status", "aria-live": "polite" });
  const panelEl = h("aside", { class: "actor-panel", hidden: true, "aria-labelledby": "actor-panel-title" });
  const headEl = h("header", { class: "eco-head" });
  const chrome = h("div", { class: "graph-chrome" });
  const legendEl = h("div", { class: "legend-slot" });
  let layoutRunning = false;

  const network = new NetworkView(canvas, {
    onSelect: (node) => select(node, { focus: false }),
    onLayout: (running) => {
      layoutRunning = running;
      renderGraphStatus();
    },
  });

  const go = (patch: Partial<EcosystemRoute>) => navigate({ ...route, ...patch }, { replace: true });

  /** Where focus goes back when the panel closes: the list button that opened it. */
  let opener: string | null = null;
  let focusPanel = false;

  function select(node: string | null, { focus }: { focus: boolean }): void {
    if (node && focus) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement.id || null : null;
      focusPanel = true;
    }
    if (!node && route.actor && opener) {
      const back = opener;
      opener = null;
      requestAnimationFrame(() => document.getElementById(back)?.focus());
    }
    go({ actor: node, leave: node ? route.leave && route.actor === node : false });
    if (node && focus) network.focus(node);
  }

  // ------------------------------------------------------------------ data

  /** `live`: a refetch on a live update, which keeps the frame and grows the new actors and ties in. */
  async function load({ live = false }: { live?: boolean } = {}): Promise<void> {
    const outside = route.outside;
    const raw = await request(ECOSYSTEM, { code: route.code, level: route.level ?? undefined, outside }, controller.signal);
    if (!raw.ecosystem) throw new Error(t().ecosystemNotFound(route.code));
    const first = detail === null;
    detail = toEcosystemDetail(raw.ecosystem);
    loadedOutside = outside;
    refreshedAt = new Date();
    filteredFor = "";
    const previous = network.getGraph() ?? undefined;
    const graph = buildGraph(detail.network.nodes, detail.network.ties, previous);
    const newNodes = new Set(previous ? graph.filterNodes((n) => !previous.hasNode(n)) : []);
    const newTies = new Set(previous ? graph.filterEdges((e) => !previous.hasEdge(e)) : []);
    if (first) {
      mountPage();
      stopLive = watchEcosystem({
        code: route.code,
        level: route.level,
        onChange: liveRefetch,
        onState: (state) => {
          liveState = state;
          if (detail) renderHead(detail);
        },
      });
      void loadBridges();
    }
    if (live) network.keepFrame();
    network.setGraph(graph, { layout: false });
    // A refetch keeps the map in place: only new actors need the layout to find them a place.
    if (first || newNodes.size > 0) network.startLayout(first ? undefined : 1200);
    if (live) {
      network.reveal(newNodes, newTies);
      showLiveNotice();
    }
    update(route);
    if (first) focusHeading(root);
  }

  async function loadBridges(): Promise<void> {
    if (!detail) return;
    try {
      bridges = (await request(BRIDGE_ACTORS, { ecosystem: detail.id, first: 10 }, controller.signal)).bridgeActors;
      update(route);
    } catch (error) {
      if (!isAbort(error)) console.warn("bridge actors", error);
    }
  }

  async function loadAlliances(): Promise<void> {
    if (!detail || alliances || alliancesLoading) return;
    alliancesLoading = true;
    const all: AllianceSummary[] = [];
    let after: string | null = null;
    try {
      for (;;) {
        const page: AlliancesPage = await request(ECOSYSTEM_ALLIANCES, { territory: detail.territory.id, after }, controller.signal);
        all.push(...page.alliances.nodes);
        if (!page.alliances.pageInfo.hasNextPage) break;
        after = page.alliances.pageInfo.endCursor;
      }
      alliances = indexAlliances(all);
      filteredFor = "";
      update(route);
    } catch (error) {
      if (!isAbort(error)) console.warn("alliances", error);
    } finally {
      alliancesLoading = false;
    }
  }

  async function refetch({ live = false }: { live?: boolean } = {}): Promise<void> {
    try {
      await load({ live });
      await loadBridges();
    } catch (error) {
      if (!isAbort(error)) console.warn("refetch", error);
    }
  }

  /** A burst of changes gives one refetch (and one more if changes came during it). */
  const liveRefetch = coalesce(() => refetch({ live: true }));

  function showLiveNotice(): void {
    liveNotice = true;
    clearTimeout(liveNoticeTimer);
    liveNoticeTimer = window.setTimeout(() => {
      liveNotice = false;
      renderGraphStatus();
    }, 5_000);
    renderGraphStatus();
  }

  // ------------------------------------------------------------------ rendering

  function mountPage(): void {
    mount(
      root,
      h(
        "div",
        { class: "eco-page" },
        headEl,
        h(
          "div",
          { class: "eco-layout" },
          sidebarEl,
          h("section", { class: "graph-area" }, h("div", { class: "graph-stage" }, canvas, chrome, graphStatus, panelEl), legendEl),
        ),
      ),
    );
  }

  let headSignature = "";

  function renderHead(d: EcosystemDetail): void {
    // Redrawn only when something in it changed, so that a focused title or button keeps focus.
    const signature = [lang(), sidebarOpen, refreshedAt?.getTime(), d.id, d.maturity.level, d.name, liveState].join("|");
    if (signature === headSignature) return;
    headSignature = signature;
    const region = d.territory.region ? (regionName(d.territory.region.code) ?? d.territory.region.name) : null;
    remount(
      headEl,
      h(
        "nav",
        { class: "breadcrumb", "aria-label": t().breadcrumb },
        h("a", { href: href({ view: "overview" }, lang()) }, t().navOverview),
        region ? h("span", null, region) : null,
      ),
      h(
        "div",
        { class: "eco-title" },
        levelBadge(d.maturity.level),
        h(
          "div",
          { class: "eco-title-text" },
          h("h1", { tabindex: "-1", id: "page-title" }, d.name),
          h("span", { class: "muted eco-meta" }, [
            `${t().level(d.maturity.level)} ${t().levelName[d.maturity.level]}`,
            d.needLevel ? ` · ${t().assessedLevel} ${d.needLevel}` : "",
            ` · ${t().accompaniedSince(fmtDate(d.accompaniedSince))}`,
            d.territory.population ? ` · ${t().population(fmtNumber(d.territory.population))}` : "",
          ]),
        ),
      ),
      h(
        "div",
        { class: "eco-actions" },
        h(
          "button",
          {
            type: "button",
            class: "button panel-toggle",
            id: "panel-toggle",
            "aria-controls": "eco-sidebar",
            "aria-expanded": String(sidebarOpen),
            onclick: () => toggleSidebar(!sidebarOpen),
          },
          sidebarOpen ? t().hidePanel : t().showPanel,
        ),
        h("span", { class: "live-state", id: "live-state", "data-live": liveState, title: t().liveHint }, t().liveState[liveState]),
        h("button", { type: "button", class: "button", id: "refresh", title: t().liveHint, onclick: () => void refetch() }, t().refresh),
        refreshedAt ? h("span", { class: "muted small" }, t().refreshed(fmtTime(refreshedAt))) : null,
        d.source === "demo" ? h("span", { class: "demo-notice compact" }, t().demoNotice) : null,
      ),
    );
  }

  function toggleSidebar(open: boolean): void {
    sidebarOpen = open;
    sidebarEl.classList.toggle("open", open);
    if (detail) renderHead(detail);
    if (open) sidebarEl.querySelector<HTMLElement>("summary, button, input")?.focus();
    else document.getElementById("panel-toggle")?.focus();
    syncEscape();
  }

  function renderGraphStatus(): void {
    if (!filtered) return;
    mount(
      graphStatus,
      h("span", null, t().visibleCount(filtered.nodes.size, filtered.ties.size)),
      filtered.isolatedHidden ? h("span", null, ` · ${t().hiddenIsolated(filtered.isolatedHidden)}`) : null,
      layoutRunning ? h("span", { class: "layout-running" }, ` · ${t().layoutRunning}`) : null,
      liveNotice ? h("span", { class: "live-notice" }, ` · ${t().liveUpdated}`) : null,
    );
  }

  function computeRemoval(): Removal | null {
    if (!detail || !filtered || !route.actor || !route.leave) return null;
    const ties: [string, string][] = [];
    for (const key of filtered.ties) {
      const [a, b] = key.split("|") as [string, string];
      ties.push([a, b]);
    }
    const nodes = new Set(filtered.nodes);
    nodes.add(route.actor);
    const { pieces, untouched } = piecesWithout(nodes, ties, route.actor);
    const colours = new Map<string, string>();
    pieces.forEach((piece, i) => piece.forEach((n) => colours.set(n, pieceColour(i))));
    untouched.forEach((piece) => piece.forEach((n) => colours.set(n, UNTOUCHED_PIECE_COLOUR)));
    return { pieces: pieces.map((p) => p.length), colours, hadTies: ties.some(([a, b]) => a === route.actor || b === route.actor) };
  }

  function syncEscape(): void {
    popEscape?.();
    popEscape = null;
    if (route.actor) popEscape = onEscape(() => select(null, { focus: false }));
    else if (sidebarOpen) popEscape = onEscape(() => toggleSidebar(false));
  }

  function update(next: Route): void {
    if (next.view !== "ecosystem") return;
    const previousActor = route.actor;
    route = next;
    if (!detail) return;
    if (loadedOutside !== null && route.outside !== loadedOutside) {
      void load().catch((error: unknown) => !isAbort(error) && console.warn(error));
      return;
    }
    if ((route.filters.modalities.length || route.filters.levers.length) && !alliances) void loadAlliances();

    const key = JSON.stringify(route.filters) + (alliances ? "a" : "");
    if (key !== filteredFor || !filtered) {
      filtered = applyFilters(detail.network.nodes, detail.network.ties, route.filters, alliances);
      filteredFor = key;
    }
    const term = search.trim().toLocaleLowerCase();
    const matches = term.length >= 2 ? new Set(detail.network.nodes.filter((n) => n.name.toLocaleLowerCase().includes(term)).map((n) => n.id)) : null;
    const node = route.actor ? detail.network.nodes.find((n) => n.id === route.actor) : undefined;
    const removal = node ? computeRemoval() : null;
    // Piece colours replace profile colours: rings would only add noise then.
    const bridgeIds = route.bridges && bridges && !removal ? new Set(bridges.map((b) => b.actor.id)) : new Set<string>();
    network.setHighlight({
      nodes: filtered.nodes,
      ties: filtered.ties,
      selected: node ? node.id : null,
      matches,
      bridges: bridgeIds,
      pieces: removal?.colours ?? null,
      removed: removal ? route.actor : null,
    });

    const state: EcosystemState = { route, detail, bridges, alliances, filtered, search, matches };
    renderHead(detail);
    renderSidebar(state);
    mount(
      chrome,
      zoomControls(() => network),
    );
    mount(legendEl, networkLegend({ outside: route.outside, bridges: route.bridges }));
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", t().graphLabel(detail.name));
    renderGraphStatus();

    if (node) {
      panelEl.hidden = false;
      remount(
        panelEl,
        actorPanel(node, {
          removal,
          leave: route.leave,
          bridge: bridges?.find((b) => b.actor.id === node.id) ?? null,
          onLeave: (on) => go({ leave: on }),
          onClose: () => {
            select(null, { focus: false });
          },
        }),
      );
      if (focusPanel || (previousActor !== route.actor && !sidebarEl.contains(document.activeElement))) {
        panelEl.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
      }
      focusPanel = false;
    } else {
      panelEl.hidden = true;
      panelEl.replaceChildren();
    }
    syncEscape();
  }

  function renderSidebar(state: EcosystemState): void {
    // The sidebar is redrawn on every change: keep the keyboard and the open sections where they were.
    const openSections = new Set([...sidebarEl.querySelectorAll("details")].filter((d) => d.open).map((d) => d.dataset.section ?? ""));
    remount(
      sidebarEl,
      sidebar(state, {
        openSections: sidebarEl.childElementCount ? openSections : null,
        alliancesLoading,
        filtersActive: filtersActive(route.filters),
        onFilters: (filters) => go({ filters, leave: false }),
        onRoute: (patch) => go(patch),
        onSearch: (value) => {
          search = value;
          update(route);
        },
        onPick: (id) => {
          select(id, { focus: true });
        },
      }),
    );
  }

  mount(root, loadingBlock());
  const retry = () => {
    mount(root, loadingBlock());
    load().catch(fail);
  };
  const fail = (error: unknown) => {
    if (!isAbort(error)) mount(root, errorBlock(error, retry));
  };
  load().catch(fail);

  return {
    update,
    destroy() {
      controller.abort();
      stopLive();
      clearTimeout(liveNoticeTimer);
      popEscape?.();
      network.kill();
    },
  };
}
