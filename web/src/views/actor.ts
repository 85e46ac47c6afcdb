/**
 * An actor: profile, alliances, timeline of interactions, metrics in plain words, peers in other
 * territories with their reasons, and introduction paths to a chosen peer drawn on its network.
 */
import { ApiError, request } from "../api/client.ts";
import {
  ACTOR,
  actorNode,
  ECOSYSTEM_NETWORK,
  PATHS,
  PEERS,
  type ActorDetail,
  type IntroductionPath,
  type NetworkNode,
  type NetworkTie,
  type Peer,
} from "../api/queries.ts";
import { tieKey } from "../graph/filters.ts";
import { buildGraph } from "../graph/networkGraph.ts";
import { NetworkView } from "../graph/networkView.ts";
import { lang, t } from "../i18n/lang.ts";
import { coalesce, watchEcosystem, type EcosystemChange } from "../live.ts";
import { ecosystemRoute, href, type Route } from "../router.ts";
import { h, mount } from "../ui/dom.ts";
import { focusHeading, navigate } from "../ui/navigate.ts";
import { PROFILE_COLOURS } from "../ui/palette.ts";
import { errorBlock, isAbort, loadingBlock } from "../ui/status.ts";
import { actorLink, alliancesSection, metricsSection, peerList, timelineSection } from "./actorSections.ts";
import { networkLegend, zoomControls } from "./networkChrome.ts";
import type { View } from "./view.ts";

type ActorRoute = Extract<Route, { view: "actor" }>;

interface PathsState {
  key: string;
  paths: IntroductionPath[] | null;
  error: unknown;
}

/** Adds the actors and ties of the paths that the ecosystem's network lacks (a peer elsewhere). */
function withPaths(nodes: readonly NetworkNode[], ties: readonly NetworkTie[], paths: readonly IntroductionPath[]): [NetworkNode[], NetworkTie[]] {
  const allNodes = [...nodes];
  const allTies = [...ties];
  const known = new Set(nodes.map((n) => n.id));
  const knownTies = new Set(ties.map((tie) => tieKey(tie.source, tie.target)));
  for (const path of paths) {
    for (const actor of path.actors) {
      if (known.has(actor.id)) continue;
      known.add(actor.id);
      allNodes.push({
        id: actor.id,
        name: actor.name,
        profile: actor.profile,
        kind: "ASSOCIATION",
        isCatalyst: false,
        inEcosystem: false,
        ecosystem: null,
        betweenness: null,
        bridgeScore: null,
        community: null,
        constraint: null,
        degree: null,
        isArticulationPoint: null,
      });
    }
    path.ties.forEach((tie, i) => {
      const a = path.actors[i]!.id;
      const b = path.actors[i + 1]!.id;
      if (knownTies.has(tieKey(a, b))) return;
      knownTies.add(tieKey(a, b));
      allTies.push({
        source: a,
        target: b,
        confirmed: tie.confirmed,
        crossesProfiles: false,
        firstDate: "",
        lastDate: "",
        isBridge: null,
        kinds: [],
        strength: tie.strength,
        value: tie.strength,
      });
    });
  }
  return [allNodes, allTies];
}

export function createActorView(root: HTMLElement, initial: ActorRoute): View {
  let route = initial;
  let actor: ActorDetail | null = null;
  let peers: Peer[] | null = null;
  let network: { name: string; nodes: NetworkNode[]; ties: NetworkTie[] } | null = null;
  let paths: PathsState | null = null;
  let stopLive = () => {};
  const controller = new AbortController();

  const head = h("header", { class: "page-head" });
  const left = h("div", { class: "actor-col" });
  const peersEl = h("section", { class: "card" });
  const canvas = h("div", { class: "graph-canvas" });
  const chrome = h("div", { class: "graph-chrome" });
  const legendEl = h("div", { class: "legend-slot" });
  const networkHead = h("div");
  const pathsEl = h("div", { class: "paths", "aria-live": "polite" });
  const view = new NetworkView(canvas, {
    onSelect: (node) => {
      if (node && node !== actor?.id) navigate({ view: "actor", id: node, peer: null, allTies: false });
    },
  });

  const ecosystemOf = (a: ActorDetail) => a.territories.find((tr) => tr.ecosystem)?.ecosystem ?? null;
  const pathHref = (peerId: string) => href({ ...route, peer: route.peer === peerId ? null : peerId }, lang());

  /** `live`: redrawn on a live update, which keeps the frame and grows the new actors and ties in. */
  function redrawNetwork({ live = false }: { live?: boolean } = {}): void {
    if (!actor) return;
    const found = paths?.paths ?? [];
    const [nodes, ties] = withPaths(network?.nodes ?? [], network?.ties ?? [], found);
    if (!nodes.some((n) => n.id === actor!.id)) {
      nodes.push({
        id: actor.id,
        name: actor.name,
        profile: actor.profile,
        kind: actor.kind,
        isCatalyst: actor.isCatalyst,
        inEcosystem: true,
        ecosystem: null,
        betweenness: null,
        bridgeScore: actor.metrics?.bridgeScore ?? null,
        community: null,
        constraint: null,
        degree: null,
        isArticulationPoint: null,
      });
    }
    const previous = view.getGraph() ?? undefined;
    const graph = buildGraph(nodes, ties, previous);
    const added = previous ? graph.filterNodes((n) => !previous.hasNode(n)).length : graph.order;
    if (live) view.keepFrame();
    view.setGraph(graph, { layout: false });
    if (added > 0) view.startLayout(previous ? 1500 : undefined);
    if (live && previous) view.reveal(new Set(graph.filterNodes((n) => !previous.hasNode(n))), new Set(graph.filterEdges((e) => !previous.hasEdge(e))));
    const pathNodes = new Set<string>();
    const pathTies = new Set<string>();
    for (const path of found) {
      path.actors.forEach((a, i) => {
        pathNodes.add(a.id);
        const next = path.actors[i + 1];
        if (next) pathTies.add(tieKey(a.id, next.id));
      });
    }
    view.setHighlight({
      selected: found.length ? null : actor.id,
      path: found.length ? { nodes: pathNodes, ties: pathTies, ends: new Set([actor.id, route.peer ?? ""]) } : null,
    });
  }

  function renderPaths(): void {
    if (!route.peer) return mount(pathsEl);
    const peer = peers?.find((p) => p.actor.id === route.peer);
    const name = peer?.actor.name ?? "…";
    const body = (() => {
      if (!paths || paths.key !== pathKey()) return h("p", { class: "muted", role: "status" }, t().pathsLoading);
      if (paths.error) return errorBlock(paths.error, () => void loadPaths());
      if (!paths.paths?.length) return h("p", null, t().pathsNone);
      return h(
        "ol",
        { class: "path-list" },
        paths.paths.map((p) =>
          h(
            "li",
            null,
            h("span", { class: "muted small" }, t().pathSteps(p.steps)),
            h(
              "span",
              { class: "path-chain" },
              p.actors.map((a, i) => [
                i ? h("span", { class: p.ties[i - 1]?.confirmed ? "arrow" : "arrow unconfirmed", "aria-hidden": "true" }, "→") : null,
                actorLink(a),
              ]),
            ),
          ),
        ),
      );
    })();
    mount(
      pathsEl,
      h("h3", null, t().pathsTitle(name)),
      h(
        "label",
        { class: "check", for: "paths-all" },
        h("input", {
          type: "checkbox",
          id: "paths-all",
          checked: route.allTies,
          onchange: (e: Event) => navigate({ ...route, allTies: (e.target as HTMLInputElement).checked }, { replace: true }),
        }),
        h("span", null, t().pathsAllTies),
      ),
      body,
      paths?.paths?.length ? h("p", { class: "note" }, t().pathsOnNetwork) : null,
    );
  }

  const pathKey = () => `${route.peer}|${route.allTies}`;

  async function loadPaths(): Promise<void> {
    if (!actor || !route.peer) {
      paths = null;
      redrawNetwork();
      renderPaths();
      return;
    }
    const key = pathKey();
    paths = { key, paths: null, error: null };
    renderPaths();
    try {
      const result = await request(PATHS, { from: actor.id, to: route.peer, confirmedOnly: !route.allTies, maxLength: 4 }, controller.signal);
      if (pathKey() !== key) return;
      paths = { key, paths: result.paths.paths, error: null };
    } catch (error) {
      if (isAbort(error)) return;
      paths = { key, paths: null, error };
    }
    redrawNetwork();
    renderPaths();
  }

  function render(): void {
    if (!actor) return;
    const a = actor;
    const eco = ecosystemOf(a);
    mount(
      head,
      h(
        "nav",
        { class: "breadcrumb", "aria-label": t().breadcrumb },
        h("a", { href: href({ view: "overview" }, lang()) }, t().navOverview),
        eco ? h("a", { href: href(ecosystemRoute(eco.territory.code, { actor: a.id }), lang()) }, eco.name) : null,
      ),
      h("h1", { tabindex: "-1" }, a.name),
      h(
        "p",
        { class: "actor-meta" },
        h("span", { class: "dot big", style: `background:${PROFILE_COLOURS[a.profile]}` }),
        `${t().profile[a.profile]} · ${t().kind[a.kind]}`,
        a.isCatalyst ? h("span", { class: "tag" }, t().catalyst) : null,
        a.territories.length ? h("span", { class: "muted" }, ` · ${a.territories.map((tr) => tr.name).join(", ")}`) : null,
      ),
      a.description ? h("p", { class: "lead" }, a.description) : null,
      h(
        "p",
        { class: "actions" },
        eco ? h("a", { class: "button", href: href(ecosystemRoute(eco.territory.code, { actor: a.id }), lang()) }, t().viewInEcosystem(eco.name)) : null,
        h("a", { class: "button", href: href({ view: "peers", actor: a.id }, lang()) }, t().findItsPeers),
      ),
      a.source === "demo" ? h("p", { class: "demo-notice compact" }, t().demoNotice) : null,
    );
    mount(left, metricsSection(a.metrics), timelineSection(a), alliancesSection(a));
    mount(peersEl, h("h2", null, t().peersTitle), h("p", { class: "note" }, t().peersIntro), peers ? peerList(peers, route.peer, pathHref) : loadingBlock());
    mount(networkHead, h("h2", null, t().networkTitle), h("p", { class: "note" }, t().networkIntro));
    mount(
      chrome,
      zoomControls(() => view),
    );
    mount(legendEl, networkLegend({ outside: true, bridges: false }));
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", t().graphLabel(network?.name ?? a.name));
    renderPaths();
  }

  async function load(): Promise<void> {
    const [actorResult, peersResult] = await Promise.all([
      request(ACTOR, { id: route.id }, controller.signal),
      request(PEERS, { id: route.id, first: 10 }, controller.signal).catch((error: unknown) => {
        if (!isAbort(error)) console.warn("peers", error);
        return null;
      }),
    ]);
    actor = actorNode(actorResult.node);
    if (!actor) throw new Error(t().actorNotFound);
    peers = actorNode(peersResult?.node)?.peers ?? [];
    mount(
      root,
      h(
        "div",
        { class: "page actor-page" },
        head,
        h(
          "div",
          { class: "actor-grid" },
          left,
          h(
            "div",
            { class: "actor-col" },
            peersEl,
            h(
              "section",
              { class: "card network-card" },
              networkHead,
              h("div", { class: "graph-area small" }, h("div", { class: "graph-stage" }, canvas, chrome), legendEl),
              pathsEl,
            ),
          ),
        ),
      ),
    );
    render();
    focusHeading(root);
    const eco = ecosystemOf(actor);
    if (eco) {
      const result = await request(ECOSYSTEM_NETWORK, { code: eco.territory.code, level: eco.territory.level }, controller.signal);
      if (result.ecosystem) network = { name: result.ecosystem.name, ...result.ecosystem.network };
      let pending: (EcosystemChange | null)[] = [];
      const refresh = coalesce(async () => {
        const changes = pending;
        pending = [];
        await liveRefresh(eco.territory.code, eco.territory.level, changes).catch((error: unknown) => !isAbort(error) && console.warn("live refresh", error));
      });
      stopLive = watchEcosystem({
        code: eco.territory.code,
        level: eco.territory.level,
        onChange: (change) => {
          pending.push(change);
          refresh();
        },
      });
    }
    redrawNetwork();
    if (route.peer) await loadPaths();
  }

  /** The ecosystem changed: its network again, and the actor's own page when the change concerns it. */
  async function liveRefresh(code: string, level: ActorDetail["territories"][number]["level"], changes: (EcosystemChange | null)[]): Promise<void> {
    if (!actor) return;
    const concernsActor = changes.some((change) => change === null || change.actorIds.includes(actor!.id));
    const [result, actorResult] = await Promise.all([
      request(ECOSYSTEM_NETWORK, { code, level }, controller.signal),
      concernsActor ? request(ACTOR, { id: route.id }, controller.signal) : Promise.resolve(null),
    ]);
    if (result.ecosystem) network = { name: result.ecosystem.name, ...result.ecosystem.network };
    const found = actorNode(actorResult?.node);
    if (found) {
      actor = found;
      render();
    }
    redrawNetwork({ live: true });
  }

  const fail = (error: unknown) => {
    if (isAbort(error)) return;
    // The API answers an unknown id with an error on `node` (not null): say it as a person would.
    const missing = error instanceof ApiError && error.path?.[0] === "node" && actor === null;
    mount(
      root,
      missing
        ? h(
            "div",
            { class: "page" },
            h("h1", { tabindex: "-1" }, t().actorNotFound),
            h("p", null, h("a", { href: href({ view: "overview" }, lang()) }, t().backHome)),
          )
        : errorBlock(error, () => void load().catch(fail)),
    );
  };
  mount(root, loadingBlock());
  load().catch(fail);

  return {
    update(next) {
      if (next.view !== "actor") return;
      const pathsChanged = next.peer !== route.peer || next.allTies !== route.allTies;
      route = next;
      render();
      if (pathsChanged && actor) {
        void loadPaths();
        // The paths are drawn on the network, further down the page: bring it into view.
        if (route.peer)
          root
            .querySelector(".network-card")
            ?.scrollIntoView({ behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth", block: "nearest" });
      }
    },
    destroy() {
      controller.abort();
      stopLive();
      view.kill();
    },
  };
}
