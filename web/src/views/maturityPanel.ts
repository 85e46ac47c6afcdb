/** An ecosystem's maturity with its evidence and its next step. */
import type { Maturity, MaturityComponent } from "../api/queries.ts";
import { fmtFixed, fmtNumber, fmtPercent, labelled, pick, t } from "../i18n/lang.ts";
import { h } from "../ui/dom.ts";
import { levelBadge } from "./overview.ts";

/** Components measured as shares read better in percent. */
const SHARES = new Set(["crossProfileTies", "connectedness", "outwardTies"]);

export function fmtComponent(key: string, value: number | null): string {
  if (value === null) return "—";
  return SHARES.has(key) ? fmtPercent(value) : fmtNumber(value, 2);
}

function scoreBar(score: number): HTMLElement {
  return h(
    "span",
    { class: "meter", role: "img", "aria-label": fmtPercent(score) },
    h("span", { class: "meter-fill", style: `width:${Math.round(100 * Math.min(1, Math.max(0, score)))}%` }),
  );
}

function evidenceTable(components: readonly MaturityComponent[]): HTMLElement {
  return h(
    "table",
    { class: "evidence" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, t().colMeasure),
        h("th", { scope: "col", class: "num" }, t().colValue),
        h("th", { scope: "col", class: "num" }, t().colTarget),
        h("th", { scope: "col" }, t().colScore),
        h("th", { scope: "col", class: "num" }, t().colContribution),
      ),
    ),
    h(
      "tbody",
      null,
      components.map((c) =>
        h(
          "tr",
          { class: c.score < 1 ? "short" : null },
          h("th", { scope: "row" }, pick(c.label)),
          h("td", { class: "num" }, fmtComponent(c.key, c.value)),
          h("td", { class: "num" }, fmtComponent(c.key, c.target)),
          h("td", null, scoreBar(c.score)),
          h("td", { class: "num", title: `${fmtNumber(c.weight, 2)} × ${fmtNumber(c.score, 2)}` }, `+${fmtFixed(c.contribution, 3)}`),
        ),
      ),
    ),
  );
}

export function maturityPanel(maturity: Maturity): HTMLElement[] {
  const { nextStep } = maturity;
  return [
    h(
      "div",
      { class: "maturity-head" },
      levelBadge(maturity.level),
      h(
        "div",
        null,
        h("div", { class: "maturity-level" }, `${t().level(maturity.level)} · ${t().levelName[maturity.level]}`),
        h("div", { class: "muted" }, t().levelAim[maturity.level]),
      ),
    ),
    h("p", { class: "composite" }, h("span", null, `${t().composite} `), h("strong", null, fmtFixed(maturity.composite, 2)), scoreBar(maturity.composite)),
    h("p", null, labelled(t().growthStageLabel, t().growthStage[maturity.growthStage])),
    h("h3", null, t().evidence),
    h("p", { class: "note" }, t().evidenceIntro),
    evidenceTable(maturity.components),
    h("h3", null, t().nextStep),
    h("p", null, nextStep.towardsLevel ? h("strong", null, t().towardsLevel(nextStep.towardsLevel, t().levelName[nextStep.towardsLevel] ?? "")) : t().topLevel),
    nextStep.weakest.length
      ? h(
          "div",
          null,
          h("h4", null, t().weakest),
          h(
            "ul",
            { class: "weakest" },
            nextStep.weakest.map((c) =>
              h(
                "li",
                null,
                h("span", null, pick(c.label)),
                h(
                  "span",
                  { class: "muted" },
                  ` — ${fmtComponent(c.key, c.value)} / ${fmtComponent(c.key, c.target)}`,
                  c.value !== null && c.value < c.target ? ` (${t().missing(fmtComponent(c.key, c.target - c.value))})` : "",
                ),
              ),
            ),
          ),
        )
      : null,
    nextStep.offers.length
      ? h(
          "div",
          null,
          h("h4", null, t().offers),
          h(
            "ul",
            { class: "offers" },
            nextStep.offers.map((o) => h("li", null, pick(o))),
          ),
        )
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}
