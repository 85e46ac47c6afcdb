/** The parts of an actor's page that need no network: metrics in words, alliances, timeline, peers. */
import type { ActorDetail, ActorInteraction, ActorMetrics, BridgeContribution, Membership, Peer } from "../api/queries.ts";
import { INTERACTION_KINDS } from "../api/types.ts";
import { fmtDate, fmtFixed, fmtNumber, fmtPercent, lang, pick, t } from "../i18n/lang.ts";
import { href } from "../router.ts";
import { h, s } from "../ui/dom.ts";
import { INTERACTION_COLOURS, PROFILE_COLOURS } from "../ui/palette.ts";
import { ecosystemHref, levelBadge } from "./overview.ts";

export function actorLink(actor: { id: string; name: string; profile: keyof typeof PROFILE_COLOURS }): HTMLElement {
  return h(
    "a",
    { href: href({ view: "actor", id: actor.id, peer: null, allTies: false }, lang()), class: "actor-link" },
    h("span", { class: "dot", style: `background:${PROFILE_COLOURS[actor.profile]}`, "aria-hidden": "true" }),
    actor.name,
  );
}

// ------------------------------------------------------------------ metrics in words

const BRIDGE_COLOURS: Record<BridgeContribution["component"], string> = {
  CROSS_GROUP_BETWEENNESS: "#0072B2",
  BROKERAGE: "#E69F00",
  LOW_CONSTRAINT: "#009E73",
  ARTICULATION: "#CC79A7",
};

function metricCard(title: string, value: string, sentence: string, extra?: Node | null): HTMLElement {
  return h("div", { class: "metric" }, h("h3", null, title), h("p", { class: "metric-value" }, value), h("p", null, sentence), extra ?? null);
}

function mainBrokerRole(b: ActorMetrics["brokerage"]): ["coordinator" | "gatekeeper" | "representative" | "liaison" | "itinerant", number] {
  const roles = [
    ["liaison", b.liaison],
    ["gatekeeper", b.gatekeeper],
    ["representative", b.representative],
    ["itinerant", b.itinerant],
    ["coordinator", b.coordinator],
  ] as const;
  let best: (typeof roles)[number] = roles[0];
  for (const role of roles) if (role[1] > best[1]) best = role;
  return [best[0], best[1]];
}

function breakdownBar(parts: readonly BridgeContribution[]): HTMLElement {
  return h(
    "div",
    { class: "breakdown" },
    h("h4", null, t().bridgeBreakdown),
    h(
      "div",
      { class: "stacked", role: "img", "aria-label": parts.map((p) => `${t().bridgeComponent[p.component]} ${fmtFixed(p.contribution, 2)}`).join(", ") },
      parts.map((p) => h("span", { style: `width:${100 * p.contribution}%;background:${BRIDGE_COLOURS[p.component]}` })),
    ),
    h(
      "ul",
      { class: "breakdown-legend" },
      parts.map((p) =>
        h(
          "li",
          null,
          h("span", { class: "swatch", style: `background:${BRIDGE_COLOURS[p.component]}` }),
          `${t().bridgeComponent[p.component]} — ${fmtFixed(p.contribution, 2)} / ${fmtFixed(p.weight, 2)}`,
        ),
      ),
    ),
  );
}

export function metricsSection(metrics: ActorMetrics | null): HTMLElement {
  if (!metrics) return h("section", { class: "card" }, h("h2", null, t().metricsTitle), h("p", null, t().noMetrics));
  const dict = t();
  const main = [...metrics.bridgeBreakdown].sort((a, b) => b.contribution - a.contribution)[0];
  const bridgeSentence =
    metrics.bridgeScore < 0.05 || !main
      ? dict.bridgeScoreLow(fmtFixed(metrics.bridgeScore, 2))
      : dict.bridgeScoreSentence(fmtFixed(metrics.bridgeScore, 2), dict.bridgeComponent[main.component]);
  const [role, count] = mainBrokerRole(metrics.brokerage);
  const brokerage =
    metrics.brokerage.total === 0 ? dict.brokerageNone : dict.brokerageSentence(fmtNumber(metrics.brokerage.total), dict.brokerRole[role], fmtNumber(count));
  const c = metrics.constraint;
  const constraint = c === null ? dict.constraintNone : dict.constraintSentence(fmtFixed(c, 2), c < 0.2 ? "low" : c < 0.5 ? "mid" : "high");
  return h(
    "section",
    { class: "card" },
    h("h2", null, dict.metricsTitle),
    h("p", { class: "note" }, dict.metricsScope),
    h(
      "div",
      { class: "metrics-grid" },
      metricCard(dict.bridgeScore, fmtFixed(metrics.bridgeScore, 2), bridgeSentence),
      metricCard(
        dict.betweenness,
        fmtFixed(metrics.betweenness, 3),
        dict.betweennessSentence(fmtFixed(metrics.betweenness, 3), fmtPercent(metrics.betweenness, 1)),
      ),
      metricCard(dict.brokerageTitle, fmtNumber(metrics.brokerage.total), brokerage),
      metricCard(dict.constraint, c === null ? "—" : fmtFixed(c, 2), constraint),
    ),
    metrics.isArticulationPoint ? h("p", { class: "warning" }, dict.articulationPoint) : null,
    breakdownBar(metrics.bridgeBreakdown),
    metrics.algorithm.betweenness === "SAMPLED" ? h("p", { class: "note" }, dict.sampled(fmtFixed(metrics.algorithm.errorBound, 3))) : null,
  );
}

// ------------------------------------------------------------------ alliances

function membership(m: Membership, selfId: string): HTMLElement {
  const a = m.alliance;
  const others = a.members.filter((x) => x.actor.id !== selfId);
  const shown = others.slice(0, 5);
  return h(
    "li",
    { class: "alliance" },
    h(
      "div",
      { class: "alliance-head" },
      h("strong", null, a.name),
      h("span", { class: `tag ${a.confirmed ? "tag-ok" : "tag-pending"}` }, a.confirmed ? t().confirmed : t().unconfirmed),
    ),
    h(
      "div",
      { class: "muted small" },
      `${t().role[m.role]} · `,
      a.endDate ? t().fromTo(fmtDate(a.startDate, "short"), fmtDate(a.endDate, "short")) : t().since(fmtDate(a.startDate, "short")),
    ),
    a.modalities.length || a.levers.length
      ? h(
          "div",
          { class: "chips-row" },
          a.modalities.map((x) => h("span", { class: "chip" }, t().modality[x])),
          a.levers.map((x) => h("span", { class: "chip chip-lever" }, t().lever[x])),
        )
      : null,
    shown.length
      ? h(
          "div",
          { class: "small" },
          `${t().withMembers} `,
          shown.map((x, i) => [i ? ", " : "", actorLink(x.actor)]),
          others.length > shown.length ? ` ${t().andOthers(others.length - shown.length)}` : "",
        )
      : null,
  );
}

export function alliancesSection(actor: ActorDetail): HTMLElement {
  const list = [...actor.memberships.nodes].sort((a, b) => b.alliance.startDate.localeCompare(a.alliance.startDate));
  return h(
    "section",
    { class: "card" },
    h("h2", null, t().alliances, h("span", { class: "count" }, ` ${t().alliancesCount(actor.memberships.totalCount)}`)),
    h(
      "ul",
      { class: "alliances scroll-list" },
      list.map((m) => membership(m, actor.id)),
    ),
  );
}

// ------------------------------------------------------------------ timeline

/** One dot per interaction, stacked by month, on a time axis; the list below says the same in words. */
function timelineChart(interactions: readonly ActorInteraction[]): SVGSVGElement {
  const width = 640;
  const height = 132;
  const left = 8;
  const right = 8;
  const axisY = height - 22;
  const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const months = interactions.map((i) => monthIndex(i.date));
  const first = Math.min(...months);
  const last = Math.max(...months);
  const span = Math.max(1, last - first + 1);
  const step = (width - left - right) / span;
  const r = Math.max(1.6, Math.min(3.2, step / 2 - 0.3));
  const byMonth = new Map<number, ActorInteraction[]>();
  for (const i of [...interactions].sort((a, b) => INTERACTION_KINDS.indexOf(a.kind) - INTERACTION_KINDS.indexOf(b.kind))) {
    const m = monthIndex(i.date);
    byMonth.set(m, [...(byMonth.get(m) ?? []), i]);
  }
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img", "aria-label": t().timelineLabel });
  svg.append(s("line", { x1: left, x2: width - right, y1: axisY, y2: axisY, class: "axis" }));
  const firstYear = Math.floor(first / 12);
  const lastYear = Math.floor(last / 12);
  for (let y = firstYear; y <= lastYear + 1; y++) {
    const x = left + (y * 12 - first) * step;
    if (x < left - 0.5 || x > width - right + 0.5) continue;
    svg.append(s("line", { x1: x, x2: x, y1: axisY, y2: axisY + 5, class: "axis" }), s("text", { x: x + 3, y: axisY + 16, class: "axis-label" }, String(y)));
  }
  const maxStack = Math.floor((axisY - 6) / (2 * r + 1));
  for (const [m, list] of byMonth) {
    const cx = left + (m - first + 0.5) * step;
    list.slice(0, maxStack).forEach((interaction, k) => {
      svg.append(
        s(
          "circle",
          { cx, cy: axisY - r - 2 - k * (2 * r + 1), r, fill: INTERACTION_COLOURS[interaction.kind] },
          s("title", null, `${fmtDate(interaction.date)} · ${t().interactionKind[interaction.kind]}`),
        ),
      );
    });
  }
  return svg;
}

export function timelineSection(actor: ActorDetail): HTMLElement {
  const interactions = actor.interactions.nodes.map((n) => n.interaction);
  const latest = [...interactions].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 8);
  return h(
    "section",
    { class: "card" },
    h("h2", null, t().timeline),
    h("p", { class: "note" }, t().timelineCount(interactions.length, actor.interactions.totalCount)),
    interactions.length ? timelineChart(interactions) : null,
    h(
      "ul",
      { class: "legend-inline" },
      INTERACTION_KINDS.map((k) => h("li", null, h("span", { class: "dot", style: `background:${INTERACTION_COLOURS[k]}` }), t().interactionKind[k])),
    ),
    latest.length ? h("h3", null, t().latestInteractions) : null,
    h(
      "ul",
      { class: "interactions" },
      latest.map((i) => {
        const others = i.participants.filter((p) => p.id !== actor.id);
        return h(
          "li",
          null,
          h("time", { datetime: i.date }, fmtDate(i.date, "short")),
          h("span", { class: "dot", style: `background:${INTERACTION_COLOURS[i.kind]}` }),
          h("span", null, t().interactionKind[i.kind]),
          i.amountEuros ? h("span", { class: "muted" }, ` · ${fmtNumber(i.amountEuros)} €`) : null,
          others.length
            ? h(
                "span",
                null,
                ` ${t().withWhom} `,
                others.slice(0, 3).map((p, k) => [k ? ", " : "", actorLink(p)]),
              )
            : null,
          i.alliance ? h("div", { class: "muted small" }, i.alliance.name) : null,
        );
      }),
    ),
  );
}

// ------------------------------------------------------------------ peers

export function peerList(peers: readonly Peer[], selectedPeer: string | null, pathHref: (peerId: string) => string): HTMLElement {
  if (!peers.length) return h("p", null, t().noPeers);
  return h(
    "ol",
    { class: "peers" },
    peers.map((p) =>
      h(
        "li",
        { class: p.actor.id === selectedPeer ? "peer selected" : "peer" },
        h("div", { class: "peer-head" }, actorLink(p.actor), h("span", { class: "peer-score", title: t().score }, fmtFixed(p.score, 2))),
        h(
          "div",
          { class: "muted small" },
          p.ecosystem ? [levelBadge(p.level, true), " ", h("a", { href: ecosystemHref(p.ecosystem) }, p.ecosystem.name)] : null,
          ` · ${t().kind[p.actor.kind]}`,
        ),
        h(
          "ul",
          { class: "chips-row reasons", "aria-label": t().reasons },
          p.reasons.map((r) => h("li", { class: "chip" }, pick(r))),
        ),
        h("a", { class: "button small", href: pathHref(p.actor.id), "aria-current": p.actor.id === selectedPeer ? "true" : null }, t().showPaths),
      ),
    ),
  );
}
