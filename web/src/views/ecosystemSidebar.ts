/** The ecosystem view's side panel: search, maturity, filters, bridge actors, actors, figures. */
import type { NetworkNode } from "../api/queries.ts";
import { LEVERS, MODALITIES, PROFILES, TIE_KINDS } from "../api/types.ts";
import { DEFAULT_FILTERS, type NetworkFilters } from "../graph/filters.ts";
import { fmtFixed, fmtNumber, fmtPercent, lang, t } from "../i18n/lang.ts";
import type { EcosystemRoute } from "../router.ts";
import { h } from "../ui/dom.ts";
import { PROFILE_COLOURS } from "../ui/palette.ts";
import type { EcosystemState } from "./ecosystem.ts";
import { maturityPanel } from "./maturityPanel.ts";

export interface SidebarHandlers {
  /** Sections the user left open, by `data-section`; null on first draw. */
  openSections: Set<string> | null;
  alliancesLoading: boolean;
  filtersActive: boolean;
  onFilters(filters: NetworkFilters): void;
  onRoute(patch: Partial<EcosystemRoute>): void;
  onSearch(value: string): void;
  onPick(actorId: string): void;
}

const DEFAULT_OPEN = new Set(["maturity", "filters", "bridges"]);

function section(id: string, title: string, open: Set<string> | null, ...content: (Node | null)[]): HTMLDetailsElement {
  const details = h(
    "details",
    { "data-section": id, open: (open ?? DEFAULT_OPEN).has(id) },
    h("summary", null, h("h2", null, title)),
    h("div", { class: "section-body" }, content),
  );
  return details;
}

function checkbox(id: string, label: Node | string, checked: boolean, onChange: (checked: boolean) => void, disabled = false): HTMLElement {
  return h(
    "label",
    { class: "check", for: id },
    h("input", { type: "checkbox", id, checked, disabled, onchange: (e: Event) => onChange((e.target as HTMLInputElement).checked) }),
    h("span", null, label),
  );
}

function toggleIn<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((v) => set.has(v));
}

function actorButton(node: NetworkNode, idPrefix: string, onPick: (id: string) => void, extra?: Node | string): HTMLElement {
  return h(
    "button",
    { type: "button", class: "actor-row", id: `${idPrefix}-${node.id}`, onclick: () => onPick(node.id) },
    h("span", { class: "dot", style: `background:${PROFILE_COLOURS[node.profile]}`, "aria-hidden": "true" }),
    h("span", { class: "actor-row-name" }, node.name),
    extra !== undefined ? h("span", { class: "actor-row-extra muted" }, extra) : null,
  );
}

function searchBlock(state: EcosystemState, handlers: SidebarHandlers): HTMLElement {
  const input = h("input", {
    type: "search",
    id: "eco-search",
    value: state.search,
    placeholder: t().searchPlaceholder,
    autocomplete: "off",
    oninput: (e: Event) => handlers.onSearch((e.target as HTMLInputElement).value),
    onkeydown: (e: KeyboardEvent) => {
      if (e.key === "Enter" && state.matches && state.matches.size > 0) {
        const first = state.detail.network.nodes.find((n) => state.matches!.has(n.id));
        if (first) handlers.onPick(first.id);
      }
    },
  });
  const matchList = state.matches
    ? h(
        "div",
        { class: "matches" },
        h("p", { class: "muted small", role: "status" }, t().matches(state.matches.size)),
        h(
          "ul",
          { class: "actor-list" },
          state.detail.network.nodes
            .filter((n) => state.matches!.has(n.id))
            .slice(0, 8)
            .map((n) => h("li", null, actorButton(n, "match", handlers.onPick))),
        ),
      )
    : null;
  return h("div", { class: "search-block" }, h("label", { for: "eco-search", class: "field-label" }, t().searchActor), input, matchList);
}

function yearRange(state: EcosystemState): [number, number] {
  let min = 9999;
  let max = 0;
  for (const tie of state.detail.network.ties) {
    min = Math.min(min, Number(tie.firstDate.slice(0, 4)));
    max = Math.max(max, Number(tie.lastDate.slice(0, 4)));
  }
  return min > max ? [2019, 2026] : [min, max];
}

function filtersBlock(state: EcosystemState, handlers: SidebarHandlers): Node[] {
  const f = state.route.filters;
  const set = (patch: Partial<NetworkFilters>) => handlers.onFilters({ ...f, ...patch });
  const [minYear, maxYear] = yearRange(state);
  const years: number[] = [];
  for (let y = minYear; y <= maxYear; y++) years.push(y);
  const yearSelect = (id: string, value: number | null, onChange: (v: number | null) => void) =>
    h(
      "select",
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value ? Number((e.target as HTMLSelectElement).value) : null) },
      h("option", { value: "", selected: value === null }, "—"),
      years.map((y) => h("option", { value: String(y), selected: value === y }, String(y))),
    );

  return [
    h(
      "fieldset",
      null,
      h("legend", null, t().profilesFilter),
      PROFILES.map((p) =>
        checkbox(
          `f-profile-${p}`,
          h("span", null, h("span", { class: "dot", style: `background:${PROFILE_COLOURS[p]}` }), t().profile[p]),
          f.profiles.includes(p),
          (on) => set({ profiles: toggleIn(f.profiles, p, on, PROFILES) }),
        ),
      ),
    ),
    h(
      "fieldset",
      null,
      h("legend", null, t().tieKindsFilter),
      TIE_KINDS.map((k) => checkbox(`f-kind-${k}`, t().tieKind[k], f.kinds.includes(k), (on) => set({ kinds: toggleIn(f.kinds, k, on, TIE_KINDS) }))),
      checkbox("f-confirmed", t().confirmedOnly, f.confirmedOnly, (on) => set({ confirmedOnly: on })),
    ),
    h(
      "fieldset",
      { class: "period" },
      h("legend", null, t().period),
      h("label", { for: "f-from" }, t().periodFrom),
      yearSelect("f-from", f.from, (from) => set({ from, to: from !== null && f.to !== null && f.to < from ? from : f.to })),
      h("label", { for: "f-to" }, t().periodTo),
      yearSelect("f-to", f.to, (to) => set({ to, from: to !== null && f.from !== null && f.from > to ? to : f.from })),
    ),
    h(
      "fieldset",
      { class: "chips" },
      h("legend", null, t().modalitiesFilter),
      MODALITIES.map((m) =>
        checkbox(`f-mod-${m}`, t().modality[m], f.modalities.includes(m), (on) => set({ modalities: toggleIn(f.modalities, m, on, MODALITIES) })),
      ),
    ),
    h(
      "fieldset",
      { class: "chips" },
      h("legend", null, t().leversFilter),
      LEVERS.map((l) => checkbox(`f-lever-${l}`, t().lever[l], f.levers.includes(l), (on) => set({ levers: toggleIn(f.levers, l, on, LEVERS) }))),
    ),
    h("p", { class: "note" }, t().modalityNote),
    handlers.alliancesLoading ? h("p", { class: "muted small", role: "status" }, t().alliancesLoading) : null,
    checkbox("f-outside", t().outsideActors, state.route.outside, (on) => handlers.onRoute({ outside: on })),
    handlers.filtersActive
      ? h("button", { type: "button", class: "button", id: "f-reset", onclick: () => handlers.onFilters({ ...DEFAULT_FILTERS }) }, t().resetFilters)
      : null,
  ].filter((n) => n !== null);
}

function bridgesBlock(state: EcosystemState, handlers: SidebarHandlers): Node[] {
  const byId = new Map(state.detail.network.nodes.map((n) => [n.id, n]));
  return [
    h("p", { class: "note" }, t().bridgesIntro),
    checkbox("f-bridges", t().highlightBridges, state.route.bridges, (on) => handlers.onRoute({ bridges: on })),
    state.bridges
      ? h(
          "ol",
          { class: "actor-list ranked" },
          state.bridges.map((b) => {
            const node = byId.get(b.actor.id);
            if (!node) return null;
            const pieces = b.ifRemoved.pieces.length > 1 ? t().ifRemovedPieces(b.ifRemoved.pieces.map((p) => fmtNumber(p)).join(" + ")) : null;
            return h(
              "li",
              null,
              actorButton(
                node,
                "bridge",
                handlers.onPick,
                h("span", null, fmtFixed(b.score, 2), pieces ? h("small", { class: "pieces-hint" }, ` · ${pieces}`) : null),
              ),
            );
          }),
        )
      : h("p", { class: "muted small" }, t().loading),
  ];
}

function actorsBlock(state: EcosystemState, handlers: SidebarHandlers): Node[] {
  const visible = state.detail.network.nodes
    .filter((n) => state.filtered.nodes.has(n.id))
    .sort((a, b) => (b.bridgeScore ?? -1) - (a.bridgeScore ?? -1) || a.name.localeCompare(b.name));
  const shown = visible.slice(0, 300);
  return [
    h("p", { class: "note" }, t().actorsListIntro),
    h(
      "ul",
      { class: "actor-list" },
      shown.map((n) => h("li", null, actorButton(n, "actor", handlers.onPick, n.bridgeScore === null ? "" : fmtFixed(n.bridgeScore, 2)))),
    ),
    visible.length > shown.length ? h("p", { class: "muted small" }, `${shown.length} / ${visible.length}`) : null,
  ].filter((n) => n !== null);
}

function statsBlock(state: EcosystemState): Node {
  const s = state.detail.network.stats;
  const row = (label: string, value: string) => [h("dt", null, label), h("dd", null, value)];
  return h(
    "dl",
    { class: "stats" },
    row(t().stat.nodes, fmtNumber(s.nodes)),
    row(t().stat.ties, fmtNumber(s.ties)),
    row(t().stat.density, fmtFixed(s.density, 3)),
    row(t().stat.meanDegree, fmtNumber(s.meanDegree, 1)),
    row(t().stat.components, fmtNumber(s.components)),
    row(t().stat.largestComponentShare, fmtPercent(s.largestComponentShare)),
    row(t().stat.articulationPoints, fmtNumber(s.articulationPoints)),
    row(t().stat.bridges, fmtNumber(s.bridges)),
    row(t().stat.communities, `${s.communities.count}${s.communities.modularity === null ? "" : ` (Q = ${fmtFixed(s.communities.modularity, 2)})`}`),
    row(t().stat.eiIndex, s.eiIndexByProfile === null ? "—" : fmtFixed(s.eiIndexByProfile, 2)),
  );
}

/** The ecosystem's printable report, rendered by the service (server/report), in the map's language. */
function notebookLink(state: EcosystemState): Node {
  const href = `/report/${encodeURIComponent(state.detail.territory.code)}?lang=${lang()}`;
  return h("p", { class: "notebook-link" }, h("a", { href, target: "_blank", rel: "noopener" }, t().observationNotebook));
}

export function sidebar(state: EcosystemState, handlers: SidebarHandlers): Node[] {
  const open = handlers.openSections;
  return [
    searchBlock(state, handlers),
    section("maturity", t().maturity, open, ...maturityPanel(state.detail.maturity), notebookLink(state)),
    section("filters", t().filters, open, ...filtersBlock(state, handlers)),
    section("bridges", t().bridges, open, ...bridgesBlock(state, handlers)),
    section("actors", t().actorsList, open, ...actorsBlock(state, handlers)),
    section("stats", t().networkStats, open, statsBlock(state)),
  ];
}
