/** The notebook's sections, each a function of the gathered data, its analysis and the language. */
import { PROFILES } from "../../record/vocabulary/lists.js";
import { analyse, PEER_ECOSYSTEMS, UNDER_REPRESENTED_SHARE, type ReportAnalysis } from "./analysis.js";
import { barChart, lineChart } from "./charts.js";
import { html, type Markup } from "./escape.js";
import type { Formatter } from "./format.js";
import { networkSvg } from "./networkSvg.js";
import { LEVEL_COLOURS, PROFILE_COLOURS, SERIES_COLOURS } from "./palette.js";
import { PEERS_PER_ACTOR, type ReportData } from "./reportData.js";
import type { Texts } from "./texts.js";

export interface View {
  data: ReportData;
  analysis: ReportAnalysis;
  t: Texts;
  f: Formatter;
}

export function view(data: ReportData, t: Texts, f: Formatter): View {
  return { data, analysis: analyse(data), t, f };
}

const section = (id: string, title: string, body: Markup | (Markup | string)[]) => html`<section id="${id}"><h2>${title}</h2>${body}</section>`;
const levelBadge = (level: number, t: Texts) => {
  const colour = LEVEL_COLOURS[level] ?? { fill: "#e5e5e5", text: "#111" };
  return html`<span class="nowrap"><span class="level" style="background:${colour.fill};color:${colour.text}">${level}</span> ${t.levelName[level] ?? ""}</span>`;
};

export function summary({ data, analysis, t, f }: View): Markup {
  const { maturity, network, interactionValue } = data.ecosystem;
  const card = (label: string, value: Markup | string) => html`<div class="card"><div class="label">${label}</div><div class="value">${value}</div></div>`;
  return section("summary", t.summary.title, [
    html`<div class="cards">${[
      card(t.summary.level, levelBadge(maturity.level, t)),
      card(t.summary.actors, f.number(analysis.actorCount)),
      card(t.summary.ties, f.number(network.stats.ties)),
      card(t.summary.crossShare, analysis.crossProfileShare === null ? "–" : f.share(analysis.crossProfileShare)),
      card(t.summary.value, f.number(interactionValue.mean, 2)),
      card(t.summary.stage, t.growthStage[maturity.growthStage] ?? maturity.growthStage),
    ]}</div>`,
  ]);
}

export function maturity({ data, t, f }: View): Markup {
  const { maturity: m, needLevel } = data.ecosystem;
  const value = (v: number | null, digits = 2) => (v === null ? t.maturity.noValue : f.number(v, digits));
  const rows = m.components.map(
    (c) =>
      html`<tr><td>${c.label}</td><td class="num">${value(c.value)}</td><td class="num">${f.number(c.target, 2)}</td><td class="num"><span class="meter"><span style="width:${Math.round(c.score * 100)}%"></span></span> ${f.number(c.score, 2)}</td><td class="num">${f.number(c.weight, 2)}</td><td class="num">${f.number(c.contribution, 3)}</td></tr>`,
  );
  const next = m.nextStep;
  return section("maturity", t.maturity.title, [
    html`<p class="lead" data-level="${m.level}">${levelBadge(m.level, t)}</p><p>${t.maturity.intro(m.level, t.levelName[m.level]!, t.levelAim[m.level]!, f.number(m.composite, 3))}</p><p>${t.maturity.stage(t.growthStage[m.growthStage] ?? m.growthStage)}</p>`,
    html`<p>${needLevel ? t.maturity.assessed(needLevel, t.levelName[needLevel] ?? "") : t.maturity.notAssessed}</p>`,
    html`<h3>${t.maturity.evidence}</h3><p class="note">${t.maturity.evidenceIntro}</p>`,
    html`<table class="evidence"><thead><tr><th>${t.maturity.colMeasure}</th><th>${t.maturity.colValue}</th><th>${t.maturity.colTarget}</th><th>${t.maturity.colScore}</th><th>${t.maturity.colWeight}</th><th>${t.maturity.colContribution}</th></tr></thead><tbody>${rows}</tbody></table>`,
    html`<div class="next-step"><h3>${t.maturity.nextStep}</h3><p>${next.towardsLevel ? t.maturity.towards(next.towardsLevel, t.levelName[next.towardsLevel] ?? "") : t.maturity.top}</p><ul>${next.weakest.map(
      (c) => html`<li>${c.label} — ${value(c.value)} / ${f.number(c.target, 2)} (${t.maturity.gap(f.share(1 - c.score))})</li>`,
    )}</ul><h4>${t.maturity.offers}</h4><ul>${next.offers.map((o) => html`<li>${o.text}</li>`)}</ul></div>`,
  ]);
}

export function profiles({ analysis, t, f }: View): Markup {
  const chart = barChart({
    title: t.profiles.chart,
    bars: analysis.profiles.map((p) => ({
      label: t.profile[p.profile],
      value: p.count,
      colour: PROFILE_COLOURS[p.profile],
      text: `${f.number(p.count)} (${f.share(p.share)})`,
    })),
  });
  const rows = analysis.profiles.map(
    (p) =>
      html`<tr data-profile="${p.profile}" data-count="${p.count}"><td><span class="swatch" style="background:${PROFILE_COLOURS[p.profile]}"></span>${t.profile[p.profile]} <span class="note">(${t.profileHint[p.profile]})</span></td><td class="num">${f.number(p.count)}</td><td class="num">${f.share(p.share)}</td></tr>`,
  );
  const pairs = html`<table class="pairs"><thead><tr><th></th>${PROFILES.map((p) => html`<th>${t.profile[p]}</th>`)}</tr></thead><tbody>${PROFILES.map(
    (a, i) =>
      html`<tr><th>${t.profile[a]}</th>${PROFILES.map((_, j) => html`<td class="num${j < i ? " dim" : ""}">${f.number(analysis.pairTies[i]![j]!)}</td>`)}</tr>`,
  )}</tbody></table>`;
  return section("profiles", t.profiles.title, [
    html`<p>${t.profiles.intro}</p><figure>${chart}<figcaption>${t.profiles.chart}</figcaption></figure>`,
    html`<table><thead><tr><th>${t.profiles.colProfile}</th><th>${t.profiles.colCount}</th><th>${t.profiles.colShare}</th></tr></thead><tbody>${rows}</tbody></table>`,
    html`<h3>${t.profiles.pairs}</h3><p class="note">${t.profiles.pairsIntro}</p>${pairs}`,
  ]);
}

export function network({ data, analysis, t, f }: View): Markup {
  const { stats } = data.ecosystem.network;
  const ranks = new Map(analysis.bridges.map((b) => [b.actor.id, b.rank]));
  return section("network", t.network.title, [
    html`<p>${t.network.intro(stats.nodes, stats.ties)} ${t.network.stats(f.number(stats.density, 3), f.number(stats.meanDegree, 1), stats.components, stats.communities.count)}</p>`,
    html`<figure class="network-figure">${networkSvg(data.ecosystem.network, ranks, t)}<figcaption>${t.network.figure}. ${t.network.layoutNote}</figcaption></figure>`,
  ]);
}

const piecesText = (pieces: number[], f: Formatter) => pieces.map((p) => f.number(p)).join(" + ");

export function bridges({ analysis, t, f }: View): Markup {
  if (analysis.bridges.length === 0) return section("bridges", t.bridges.title, html`<p>${t.bridges.none}</p>`);
  const rows = analysis.bridges.map((b) => {
    const main = [...b.breakdown].sort((x, y) => y.contribution - x.contribution)[0];
    const split = b.ifRemoved.pieces.length > 1;
    return html`<tr data-rank="${b.rank}"><td class="num">${b.rank}</td><td><span class="actor-name">${b.actor.name}</span>${b.actor.isCatalyst ? html` <span class="tag">${t.bridges.catalyst}</span>` : ""}<div class="note">${t.kind[b.actor.kind] ?? b.actor.kind}</div></td><td><span class="swatch" style="background:${PROFILE_COLOURS[b.actor.profile]}"></span>${t.profile[b.actor.profile]}</td><td class="num">${f.number(b.score, 2)}</td><td class="note">${main?.label ?? ""}</td><td>${split ? t.bridges.splits(piecesText(b.ifRemoved.pieces, f), f.share(b.ifRemoved.disconnectedShare)) : t.bridges.intact}</td></tr>`;
  });
  return section("bridges", t.bridges.title, [
    html`<p>${t.bridges.intro}</p>`,
    html`<table class="bridges"><thead><tr><th>${t.bridges.colRank}</th><th>${t.bridges.colActor}</th><th>${t.bridges.colProfile}</th><th>${t.bridges.colScore}</th><th>${t.bridges.colWhy}</th><th>${t.bridges.colIfRemoved}</th></tr></thead><tbody>${rows}</tbody></table>`,
  ]);
}

export function fragile({ data, analysis, t, f }: View): Markup {
  const { stats } = data.ecosystem.network;
  const body = [html`<p>${t.fragile.intro}</p><p>${t.fragile.summary(stats.articulationPoints, stats.bridges)}</p>`];
  if (analysis.fragile.length === 0) body.push(html`<p>${t.fragile.none}</p>`);
  else {
    body.push(
      html`<table><thead><tr><th>${t.fragile.colActor}</th><th>${t.fragile.colPieces}</th><th>${t.fragile.colShare}</th></tr></thead><tbody>${analysis.fragile.map(
        (p) =>
          html`<tr><td><span class="swatch" style="background:${PROFILE_COLOURS[p.actor.profile]}"></span>${p.actor.name}</td><td class="num">${piecesText(p.pieces, f)}</td><td class="num">${f.share(p.disconnectedShare)}</td></tr>`,
      )}</tbody></table><p class="note">${t.fragile.advice}</p>`,
    );
  }
  return section("fragile", t.fragile.title, body);
}

/** At most this many isolated actors are named; the rest are counted. */
const ISOLATED_NAMED = 15;

export function gaps({ data, analysis, t, f }: View): Markup {
  const { gaps: g } = analysis;
  const names = (list: readonly (typeof PROFILES)[number][]) => list.map((p) => t.profile[p]).join(", ");
  const items = [
    g.missing.length ? t.gaps.missing(names(g.missing)) : t.gaps.noneMissing,
    g.underRepresented.length ? t.gaps.under(names(g.underRepresented), f.share(UNDER_REPRESENTED_SHARE)) : t.gaps.noneUnder,
    g.pairsWithoutTie.length ? t.gaps.pairs(g.pairsWithoutTie.map(([a, b]) => `${t.profile[a]} – ${t.profile[b]}`).join(", ")) : t.gaps.nonePairs,
  ].map((text) => html`<li>${text}</li>`);
  const isolated = g.isolated.length
    ? html`<li>${t.gaps.isolated(g.isolated.length)} ${g.isolated.slice(0, ISOLATED_NAMED).join(", ")}${g.isolated.length > ISOLATED_NAMED ? `, ${t.gaps.more(g.isolated.length - ISOLATED_NAMED)}` : ""}.</li>`
    : html`<li>${t.gaps.noneIsolated}</li>`;
  const detached = g.detached > 0 ? html`<li>${t.gaps.detached(g.detached, f.share(1 - data.ecosystem.network.stats.largestComponentShare))}</li>` : "";
  return section("gaps", t.gaps.title, html`<ul class="gaps">${items}${isolated}${detached}</ul>`);
}

export function value({ data, t, f }: View): Markup {
  const v = data.ecosystem.interactionValue;
  const chart = barChart({
    title: t.value.chart,
    // The chart's labels without their explanation in brackets: the table below gives it.
    bars: v.breakdown.map((b) => ({
      label: (t.valueComponent[b.component] ?? b.component).replace(/\s*\(.*\)$/, ""),
      value: b.contribution,
      colour: "#0072B2",
      text: f.number(b.contribution, 3),
    })),
  });
  return section("value", t.value.title, [
    html`<p>${t.value.intro}</p><p>${t.value.figures(v.ties, f.number(v.total, 1), f.number(v.mean, 3))}</p>`,
    html`<figure>${chart}<figcaption>${t.value.chart}</figcaption></figure>`,
    html`<table><thead><tr><th>${t.value.colComponent}</th><th>${t.value.colWeight}</th><th>${t.value.colContribution}</th></tr></thead><tbody>${v.breakdown.map(
      (b) =>
        html`<tr><td>${t.valueComponent[b.component] ?? b.component}</td><td class="num">${f.number(b.weight, 2)}</td><td class="num">${f.number(b.contribution, 3)}</td></tr>`,
    )}</tbody></table>`,
  ]);
}

export function peers({ analysis, t, f }: View): Markup {
  if (analysis.peerEcosystems.length === 0) return section("peers", t.peers.title, html`<p>${t.peers.none}</p>`);
  const ecosystems = analysis.peerEcosystems
    .slice(0, PEER_ECOSYSTEMS)
    .map(
      (e) =>
        html`<tr><td>${e.ecosystem.name} <span class="note">(${e.ecosystem.territory.code})</span></td><td>${e.level ? levelBadge(e.level, t) : "–"}</td><td class="num">${f.number(e.actorsFromHere)}</td><td class="num">${f.number(e.best, 2)}</td></tr>`,
    );
  const best = analysis.bridgePeers.map(
    ({ actor, peer }) =>
      html`<tr><td>${actor.name}</td><td>${peer.actor.name}<div class="note">${peer.ecosystem?.name ?? ""}</div></td><td class="num">${f.number(peer.score, 2)}</td><td class="note">${peer.reasons
        .slice(0, 3)
        .map((r) => r.text)
        .join(" · ")}</td></tr>`,
  );
  return section("peers", t.peers.title, [
    html`<p>${t.peers.intro(PEERS_PER_ACTOR)}</p><table><thead><tr><th>${t.peers.colEcosystem}</th><th>${t.peers.colLevel}</th><th>${t.peers.colPairs}</th><th>${t.peers.colBest}</th></tr></thead><tbody>${ecosystems}</tbody></table>`,
    best.length
      ? html`<h3>${t.peers.bridgesPeers}</h3><table><thead><tr><th>${t.peers.colActor}</th><th>${t.peers.colPeer}</th><th>${t.bridges.colScore}</th><th>${t.peers.colReasons}</th></tr></thead><tbody>${best}</tbody></table>`
      : "",
  ]);
}

export function history({ data, t, f }: View): Markup {
  const points = data.history;
  const label = (p: (typeof points)[number]) => (p.kind === "current" ? `${t.history.current} (${p.date.slice(0, 4)})` : p.date.slice(0, 4));
  const labels = points.map(label);
  const counts = lineChart({
    title: t.history.chart,
    labels,
    formatY: (y) => f.number(y),
    markerIndex: points.findIndex((p) => p.kind !== "before"),
    markerLabel: t.meta.accompaniedSince,
    series: [
      { name: t.history.colActors, colour: SERIES_COLOURS[0], dash: "none", values: points.map((p) => p.actors) },
      { name: t.history.colTies, colour: SERIES_COLOURS[1], dash: "6 3", values: points.map((p) => p.ties) },
      { name: t.history.colCross, colour: SERIES_COLOURS[2], dash: "2 2", values: points.map((p) => p.crossProfileTies) },
    ],
  });
  const score = lineChart({
    title: t.history.scoreChart,
    labels,
    yMax: 1,
    formatY: (y) => f.number(y, 2),
    series: [{ name: t.history.colComposite, colour: SERIES_COLOURS[0], dash: "none", values: points.map((p) => p.composite) }],
  });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const rows = points.map(
    (p) =>
      html`<tr><td>${f.date(p.date)}${p.kind === "before" ? html` <span class="note">(${t.history.before})</span>` : p.kind === "current" ? html` <span class="note">(${t.history.current})</span>` : ""}</td><td class="num">${f.number(p.actors)}</td><td class="num">${f.number(p.ties)}</td><td class="num">${f.number(p.crossProfileTies)}</td><td>${levelBadge(p.level, t)}</td><td class="num">${f.number(p.composite, 3)}</td></tr>`,
  );
  return section("history", t.history.title, [
    html`<p>${t.history.intro}</p><p>${t.history.change(f.signed(last.actors - first.actors), f.signed(last.ties - first.ties), f.signed(last.composite - first.composite, 3))}</p>`,
    html`<figure>${counts}<figcaption>${t.history.chart}</figcaption></figure><figure>${score}<figcaption>${t.history.scoreChart}</figcaption></figure>`,
    html`<table><thead><tr><th>${t.history.colDate}</th><th>${t.history.colActors}</th><th>${t.history.colTies}</th><th>${t.history.colCross}</th><th>${t.history.colLevel}</th><th>${t.history.colComposite}</th></tr></thead><tbody>${rows}</tbody></table>`,
  ]);
}

export function method({ data, t, f }: View): Markup {
  const { computedOn } = data.ecosystem.maturity;
  return section("method", t.method.title, [
    html`<ul>${t.method.items.map((item) => html`<li>${item}</li>`)}</ul>`,
    html`<p class="note">${t.computedOn(computedOn.graphVersion, f.date(computedOn.asOf))} ${t.publicNotice}</p>`,
  ]);
}
