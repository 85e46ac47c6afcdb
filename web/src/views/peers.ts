/** Find peers: pick an organisation, see its peers ranked across France and where they are. */
import { cachedRequest, request } from "../api/client.ts";
import { actorNode, OVERVIEW, PEERS, type OverviewEcosystem, type Peer } from "../api/queries.ts";
import { LEVELS, type Profile } from "../api/types.ts";
import { fmtFixed, labelled, lang, pick, t } from "../i18n/lang.ts";
import { href, type Route } from "../router.ts";
import { actorSearch } from "../ui/actorSearch.ts";
import { h, mount } from "../ui/dom.ts";
import { focusHeading, navigate } from "../ui/navigate.ts";
import { errorBlock, isAbort, loadingBlock } from "../ui/status.ts";
import { actorLink } from "./actorSections.ts";
import { regionName, renderCartogram } from "./franceGrid.ts";
import { ecosystemHref, levelBadge } from "./overview.ts";
import type { View } from "./view.ts";

type PeersRoute = Extract<Route, { view: "peers" }>;

interface Loaded {
  actorId: string;
  actor: { id: string; name: string; profile: Profile } | null;
  peers: Peer[];
  ecosystems: OverviewEcosystem[];
}

function peersMap(loaded: Loaded): HTMLElement {
  const counts = new Map<string, number>();
  for (const p of loaded.peers) if (p.ecosystem) counts.set(p.ecosystem.id, (counts.get(p.ecosystem.id) ?? 0) + 1);
  const byId = new Map(loaded.ecosystems.map((e) => [e.id, e]));
  return renderCartogram(
    loaded.ecosystems.map((e) => ({
      id: e.id,
      regionCode: e.territory.region?.code ?? "",
      level: e.maturity.level,
      href: ecosystemHref(e),
      label: `${e.name}, ${t().level(e.maturity.level)}${counts.get(e.id) ? `, ${counts.get(e.id)} ${t().colPeer.toLowerCase()}` : ""}`,
      outlined: counts.has(e.id),
    })),
    {
      label: t().peersMapTitle,
      overseasLabel: t().overseas,
      emptyLabel: t().noEcosystem,
      legend: { title: t().legendLevels, items: LEVELS.map((level) => ({ level, label: `${level} ${t().levelName[level]}` })) },
      describe: (item) => {
        const e = byId.get(item.id)!;
        const mine = loaded.peers.filter((p) => p.ecosystem?.id === e.id);
        return h(
          "div",
          null,
          h("strong", null, e.name),
          h("div", { class: "muted" }, `${t().level(e.maturity.level)} ${t().levelName[e.maturity.level]}`),
          mine.map((p) => h("div", null, `• ${p.actor.name}`)),
        );
      },
    },
  );
}

function peersTable(loaded: Loaded): HTMLElement {
  return h(
    "table",
    { class: "peers-table" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col", class: "num" }, t().colRank),
        h("th", { scope: "col" }, t().colPeer),
        h("th", { scope: "col" }, t().colEcosystem),
        h("th", { scope: "col", class: "num" }, t().colScore),
        h("th", { scope: "col" }, t().colReasons),
        h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t().openPaths)),
      ),
    ),
    h(
      "tbody",
      null,
      loaded.peers.map((p, i) =>
        h(
          "tr",
          null,
          h("td", { class: "num" }, String(i + 1)),
          h("th", { scope: "row" }, actorLink(p.actor), h("div", { class: "muted small" }, t().kind[p.actor.kind])),
          h(
            "td",
            null,
            p.ecosystem
              ? h(
                  "span",
                  { class: "eco-cell" },
                  levelBadge(p.level, true),
                  h("a", { href: ecosystemHref(p.ecosystem), title: p.level ? `${t().level(p.level)} ${t().levelName[p.level]}` : null }, p.ecosystem.name),
                )
              : "—",
            p.ecosystem?.territory.region
              ? h("div", { class: "muted small" }, regionName(p.ecosystem.territory.region.code) ?? p.ecosystem.territory.region.name)
              : null,
          ),
          h(
            "td",
            { class: "num" },
            h(
              "span",
              { class: "score-cell" },
              fmtFixed(p.score, 2),
              h("span", { class: "meter" }, h("span", { class: "meter-fill", style: `width:${Math.round(100 * p.score)}%` })),
            ),
          ),
          h("td", { class: "reasons-cell" }, p.reasons.map((r) => pick(r)).join(" · ")),
          h(
            "td",
            null,
            h(
              "a",
              {
                class: "button small nowrap",
                href: href({ view: "actor", id: loaded.actorId, peer: p.actor.id, allTies: false }, lang()),
                "aria-label": labelled(t().openPaths, p.actor.name),
              },
              t().openPaths,
            ),
          ),
        ),
      ),
    ),
  );
}

export function createPeersView(root: HTMLElement, initial: PeersRoute): View {
  let route = initial;
  let loaded: Loaded | null = null;
  let error: unknown = null;
  let controller = new AbortController();
  const results = h("div", { class: "peers-results" });
  const searchSlot = h("div", { class: "card search-card" });

  function renderResults(): void {
    if (!route.actor) return mount(results);
    if (error)
      return mount(
        results,
        errorBlock(error, () => void load()),
      );
    if (!loaded || loaded.actorId !== route.actor) return mount(results, loadingBlock());
    if (!loaded.actor) return mount(results, h("p", null, t().actorNotFound));
    mount(
      results,
      h("h2", null, t().peersFor(""), actorLink(loaded.actor)),
      h(
        "div",
        { class: "peers-grid" },
        h("section", { class: "card" }, loaded.peers.length ? peersTable(loaded) : h("p", null, t().noPeers)),
        h("section", { class: "card" }, h("h3", null, t().peersMapTitle), h("p", { class: "note" }, t().peersMapNote), peersMap(loaded)),
      ),
    );
  }

  function render(): void {
    mount(searchSlot, actorSearch({ id: "peer-search", onPick: (actor) => navigate({ view: "peers", actor: actor.id }) }));
    mount(
      root,
      h(
        "div",
        { class: "page peers-page" },
        h("header", { class: "page-head" }, h("h1", { tabindex: "-1" }, t().peersPageTitle), h("p", { class: "lead" }, t().peersPageIntro)),
        searchSlot,
        results,
      ),
    );
    renderResults();
  }

  async function load(): Promise<void> {
    error = null;
    const actorId = route.actor;
    if (!actorId) return renderResults();
    controller.abort();
    controller = new AbortController();
    renderResults();
    try {
      const [peers, overview] = await Promise.all([request(PEERS, { id: actorId, first: 30 }, controller.signal), cachedRequest(OVERVIEW, {})]);
      if (route.actor !== actorId) return;
      const actor = actorNode(peers.node);
      loaded = { actorId, actor, peers: actor?.peers ?? [], ecosystems: overview.ecosystems.nodes };
    } catch (e) {
      if (isAbort(e)) return;
      error = e;
    }
    renderResults();
  }

  render();
  focusHeading(root);
  void load();

  return {
    update(next) {
      if (next.view !== "peers") return;
      const changed = next.actor !== route.actor;
      route = next;
      if (changed) void load();
      else {
        // Language: redraw the texts, keep what was typed.
        const typed = (document.getElementById("peer-search") as HTMLInputElement | null)?.value ?? "";
        render();
        const input = document.getElementById("peer-search") as HTMLInputElement | null;
        if (input) input.value = typed;
      }
    },
    destroy() {
      controller.abort();
    },
  };
}
