/**
 * The notebook as one self-contained HTML document: inline stylesheet (screen and A4 print, with
 * page breaks between groups of sections), inline SVG, no script, no external resource, so it
 * opens offline, prints as it shows, and can be mailed as one file.
 */
import { html, trusted, type Markup } from "./escape.js";
import { formatter } from "./format.js";
import type { ReportData } from "./reportData.js";
import * as sections from "./sections.js";
import { STYLESHEET } from "./stylesheet.js";
import { TEXTS, type Language } from "./texts.js";

export interface RenderOptions {
  language: Language;
  /** The day printed as the edition date. @default the network's own day (computedOn.asOf), so a report is reproducible */
  issuedOn?: Date;
}

/** Section ids in order; those in PAGE_BREAKS start a new printed page. */
export const SECTION_IDS = ["summary", "maturity", "profiles", "network", "bridges", "fragile", "gaps", "value", "peers", "history", "method"] as const;
const PAGE_BREAKS = new Set(["profiles", "network", "bridges", "value", "history"]);

export function renderHtml(data: ReportData, { language, issuedOn }: RenderOptions): string {
  const t = TEXTS[language];
  const f = formatter(t.locale);
  const v = sections.view(data, t, f);
  const { ecosystem } = data;
  const territory = ecosystem.territory;
  const rendered: Record<(typeof SECTION_IDS)[number], Markup> = {
    summary: sections.summary(v),
    maturity: sections.maturity(v),
    profiles: sections.profiles(v),
    network: sections.network(v),
    bridges: sections.bridges(v),
    fragile: sections.fragile(v),
    gaps: sections.gaps(v),
    value: sections.value(v),
    peers: sections.peers(v),
    history: sections.history(v),
    method: sections.method(v),
  };
  const titles: Record<(typeof SECTION_IDS)[number], string> = {
    summary: t.summary.title,
    maturity: t.maturity.title,
    profiles: t.profiles.title,
    network: t.network.title,
    bridges: t.bridges.title,
    fragile: t.fragile.title,
    gaps: t.gaps.title,
    value: t.value.title,
    peers: t.peers.title,
    history: t.history.title,
    method: t.method.title,
  };
  const meta: [string, string][] = [
    [t.meta.territory, `${territory.name} — ${t.territoryLevel[territory.level] ?? territory.level}`],
    [t.meta.code, territory.code],
    ...(territory.region ? [[t.meta.region, territory.region.name] as [string, string]] : []),
    ...(territory.population !== null ? [[t.meta.population, t.inhabitants(f.number(territory.population))] as [string, string]] : []),
    ...(territory.sizeSegment ? [[t.meta.segment, t.sizeSegment[territory.sizeSegment] ?? territory.sizeSegment] as [string, string]] : []),
    [t.meta.accompaniedSince, f.date(ecosystem.accompaniedSince)],
    [t.meta.assessedLevel, ecosystem.needLevel ? `${ecosystem.needLevel} — ${t.levelName[ecosystem.needLevel] ?? ""}` : t.notAssessed],
  ];
  const issued = issuedOn ?? new Date(ecosystem.maturity.computedOn.asOf);
  const document = html`<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} — ${ecosystem.name}</title>
<style>${trusted(STYLESHEET)}</style>
</head>
<body>
<main>
<header class="cover">
<p class="kicker">Maillage · ${t.title}</p>
<h1>${ecosystem.name}</h1>
<p class="subtitle">${t.subtitle} · ${t.generated(f.date(issued))}</p>
<dl class="meta">${meta.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
${ecosystem.source === "demo" ? html`<p class="notice">${t.demoNotice}</p>` : ""}
<p class="note">${t.publicNotice}</p>
<nav aria-label="${t.contents}"><h2>${t.contents}</h2><ol>${SECTION_IDS.map((id) => html`<li><a href="#${id}">${titles[id]}</a></li>`)}</ol></nav>
</header>
${SECTION_IDS.map((id) => (PAGE_BREAKS.has(id) ? html`<div class="page-break"></div>${rendered[id]}` : rendered[id]))}
</main>
</body>
</html>
`;
  return document.value;
}
