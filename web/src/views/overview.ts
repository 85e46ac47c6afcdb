/**
 * France at a glance: the ecosystems on the région cartogram, coloured by computed maturity
 * level, with counts by level (computed and assessed) and actors by profile.
 */
import { cachedRequest } from "../api/client.ts";
import { OVERVIEW, type OverviewEcosystem } from "../api/queries.ts";
import { LEVELS, PROFILES } from "../api/types.ts";
import { fmtNumber, fmtPercent, labelled, lang, t } from "../i18n/lang.ts";
import { href, ecosystemRoute } from "../router.ts";
import { h, mount } from "../ui/dom.ts";
import { levelColour, PROFILE_COLOURS } from "../ui/palette.ts";
import { focusHeading } from "../ui/navigate.ts";
import { errorBlock, loadingBlock } from "../ui/status.ts";
import { regionName, renderCartogram, type CartogramItem } from "./franceGrid.ts";
import type { View } from "./view.ts";

export function ecosystemHref(e: { territory: { code: string } }): string {
  return href(ecosystemRoute(e.territory.code), lang());
}

export function levelBadge(level: number | null, small = false): HTMLElement {
  const colour = levelColour(level);
  return h(
    "span",
    { class: `level-badge${small ? " small" : ""}`, style: `background:${colour.fill};color:${colour.text}` },
    level === null ? "–" : String(level),
  );
}

function cartogramItems(ecosystems: readonly OverviewEcosystem[]): CartogramItem[] {
  return [...ecosystems]
    .sort((a, b) => a.maturity.level - b.maturity.level || a.name.localeCompare(b.name))
    .map((e) => ({
      id: e.id,
      regionCode: e.territory.region?.code ?? "",
      level: e.maturity.level,
      href: ecosystemHref(e),
      label: `${e.name}, ${t().computedLevel} ${e.maturity.level} ${t().levelName[e.maturity.level]}`,
    }));
}

function describe(byId: Map<string, OverviewEcosystem>) {
  return (item: CartogramItem): Node => {
    const e = byId.get(item.id)!;
    const actors = e.actorsByProfile.reduce((sum, p) => sum + p.count, 0);
    return h(
      "div",
      null,
      h("strong", null, e.name),
      h("div", { class: "muted" }, regionName(e.territory.region?.code ?? "") ?? e.territory.region?.name ?? ""),
      h("div", null, labelled(t().computedLevel, `${e.maturity.level} ${t().levelName[e.maturity.level]}`)),
      h("div", null, labelled(t().assessedLevel, e.needLevel ? `${e.needLevel} ${t().levelName[e.needLevel]}` : t().notAssessed)),
      h("div", null, labelled(t().growthStageLabel, t().growthStage[e.maturity.growthStage])),
      h("div", null, t().actors(actors)),
    );
  };
}

function levelCounts(ecosystems: readonly OverviewEcosystem[]): HTMLElement {
  const computed = new Map<number, number>();
  const assessed = new Map<number, number>();
  for (const e of ecosystems) {
    computed.set(e.maturity.level, (computed.get(e.maturity.level) ?? 0) + 1);
    if (e.needLevel) assessed.set(e.needLevel, (assessed.get(e.needLevel) ?? 0) + 1);
  }
  const max = Math.max(1, ...computed.values(), ...assessed.values());
  const bar = (n: number, cls: string) => h("span", { class: `bar ${cls}`, style: `width:${(70 * n) / max}%` });
  return h(
    "section",
    { class: "card facts" },
    h("h2", null, t().byLevel),
    h(
      "table",
      { class: "bars-table" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t().colLevel)),
          h("th", { scope: "col" }, t().byLevelComputed),
          h("th", { scope: "col" }, t().byLevelAssessed),
        ),
      ),
      h(
        "tbody",
        null,
        LEVELS.map((level) =>
          h(
            "tr",
            null,
            h("th", { scope: "row" }, levelBadge(level, true), " ", t().levelName[level]),
            h(
              "td",
              null,
              h(
                "span",
                { class: "bar-cell" },
                bar(computed.get(level) ?? 0, "bar-computed"),
                h("span", { class: "bar-value" }, String(computed.get(level) ?? 0)),
              ),
            ),
            h(
              "td",
              null,
              h(
                "span",
                { class: "bar-cell" },
                bar(assessed.get(level) ?? 0, "bar-assessed"),
                h("span", { class: "bar-value" }, String(assessed.get(level) ?? 0)),
              ),
            ),
          ),
        ),
      ),
    ),
    h("p", { class: "note" }, t().byLevelNote),
  );
}

function profileCounts(ecosystems: readonly OverviewEcosystem[]): HTMLElement {
  const counts = new Map<string, number>();
  for (const e of ecosystems) for (const p of e.actorsByProfile) counts.set(p.profile, (counts.get(p.profile) ?? 0) + p.count);
  const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
  const max = Math.max(1, ...counts.values());
  return h(
    "section",
    { class: "card facts" },
    h("h2", null, t().byProfile),
    h(
      "ul",
      { class: "profile-bars" },
      PROFILES.map((profile) => {
        const n = counts.get(profile) ?? 0;
        return h(
          "li",
          null,
          h(
            "span",
            { class: "profile-name" },
            h("span", { class: "swatch", style: `background:${PROFILE_COLOURS[profile]}` }),
            t().profile[profile],
            h("small", { class: "muted" }, ` · ${t().profileHint[profile]}`),
          ),
          h(
            "span",
            { class: "bar-cell" },
            h("span", { class: "bar", style: `width:${(72 * n) / max}%;background:${PROFILE_COLOURS[profile]}` }),
            h("span", { class: "bar-value" }, `${fmtNumber(n)} (${fmtPercent(n / total)})`),
          ),
        );
      }),
    ),
    h("p", { class: "note" }, t().byProfileNote),
  );
}

export function createOverview(root: HTMLElement): View {
  let data: OverviewEcosystem[] | null = null;
  let error: unknown = null;

  const render = () => {
    if (error) return mount(root, errorBlock(error, load));
    if (!data) return mount(root, loadingBlock());
    const byId = new Map(data.map((e) => [e.id, e]));
    const demo = data.some((e) => e.source === "demo");
    mount(
      root,
      h(
        "div",
        { class: "page overview" },
        h(
          "header",
          { class: "page-head" },
          h("h1", { tabindex: "-1" }, t().overviewTitle),
          h("p", { class: "lead" }, t().overviewIntro(data.length)),
          demo ? h("p", { class: "demo-notice" }, t().demoNotice) : null,
        ),
        h(
          "div",
          { class: "overview-grid" },
          h(
            "figure",
            { class: "card map-card" },
            renderCartogram(cartogramItems(data), {
              label: t().mapLabel,
              overseasLabel: t().overseas,
              emptyLabel: t().noEcosystem,
              describe: describe(byId),
              legend: { title: t().legendLevels, items: LEVELS.map((level) => ({ level, label: `${level} ${t().levelName[level]}` })) },
            }),
          ),
          h("div", { class: "facts-column" }, levelCounts(data), profileCounts(data)),
        ),
      ),
    );
  };

  function load() {
    error = null;
    data = null;
    render();
    cachedRequest(OVERVIEW, {})
      .then((result) => {
        data = result.ecosystems.nodes;
        render();
        focusHeading(root);
      })
      .catch((e: unknown) => {
        error = e;
        render();
      });
  }
  load();

  return { update: render, destroy() {} };
}
