import { describe, expect, it } from "vitest";
import { barChart, lineChart } from "../../server/report/charts.js";
import { html, Markup } from "../../server/report/escape.js";
import { formatter } from "../../server/report/format.js";
import { historyDays } from "../../server/report/history.js";
import { layoutNetwork } from "../../server/report/layout.js";
import { parseSvgs } from "./reportDocument.js";

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

describe("the html tag", () => {
  it("escapes every value but the markup it built, in text and in attributes", () => {
    const name = `<b title="x">O'Neil & Co</b>`;
    const out = html`<p title="${name}">${name}${html`<i>${1.5}</i>`}${[html`<br>`, "<"]}${null}${false}${undefined}</p>`;
    expect(out).toBeInstanceOf(Markup);
    expect(out.value).toBe(
      `<p title="&lt;b title=&quot;x&quot;&gt;O&#39;Neil &amp; Co&lt;/b&gt;">&lt;b title=&quot;x&quot;&gt;O&#39;Neil &amp; Co&lt;/b&gt;<i>1.5</i><br>&lt;</p>`,
    );
  });
});

describe("the network layout", () => {
  const nodes = ["a", "b", "c", "d", "e", "lone"];
  const ties = [
    { source: "a", target: "b", weight: 1 },
    { source: "b", target: "c", weight: 0.5 },
    { source: "c", target: "a", weight: 0.2 },
    { source: "c", target: "d", weight: 1 },
    { source: "d", target: "e", weight: 1 },
  ];

  it("gives the same positions for the same network and seed, in the unit square", () => {
    const first = layoutNetwork(nodes, ties);
    expect([...layoutNetwork(nodes, ties)]).toEqual([...first]);
    expect([...first.keys()].sort()).toEqual([...nodes].sort());
    for (const { x, y } of first.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
    }
    expect([...layoutNetwork(nodes, ties, { seed: 2 })]).not.toEqual([...first]);
  });

  it("puts the parts apart from the largest one below it, and lays out a network without ties as a grid", () => {
    const positions = layoutNetwork(nodes, ties);
    const mainBottom = Math.max(...["a", "b", "c", "d", "e"].map((n) => positions.get(n)!.y));
    expect(positions.get("lone")!.y).toBeGreaterThan(mainBottom);
    const grid = layoutNetwork(["p", "q", "r", "s"], []);
    expect([...grid.values()]).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
      { x: 1, y: 1 },
    ]);
    expect(layoutNetwork([], []).size).toBe(0);
  });
});

describe("the charts", () => {
  it("are valid SVG, with one point, with zeros only, and with names to escape", () => {
    const svgs = [
      lineChart({ title: "A & B", labels: ["2024"], series: [{ name: "<ties>", colour: "#000", dash: "none", values: [3] }], formatY: String }),
      lineChart({
        title: "zeros",
        labels: ["2023", "2024"],
        series: [{ name: "s", colour: "#000", dash: "2 2", values: [0, 0] }],
        formatY: String,
        markerIndex: 1,
        markerLabel: "start",
      }),
      barChart({ title: "bars", bars: [{ label: "Public & co", value: 0, colour: "#0072B2", text: "0" }] }),
    ].map((m) => m.value);
    const parsed = parseSvgs(svgs.join(""));
    expect(parsed).toHaveLength(3);
    expect(svgs.join("")).not.toMatch(/NaN|Infinity/);
    // A lone point sits in the middle of the plot.
    expect(svgs[0]).toContain(`<circle cx="336"`);
  });
});

describe("the history's days", () => {
  it("are the year end before the accompaniment, then every year end the record has reached", () => {
    expect(historyDays(new Date("2024-10-02"), day("2026-11-20")).map((d) => `${d.kind} ${d.date.toISOString().slice(0, 10)}`)).toEqual([
      "before 2023-12-31",
      "yearEnd 2024-12-31",
      "yearEnd 2025-12-31",
    ]);
    expect(historyDays(new Date("2024-01-01"), day("2024-12-31"))).toHaveLength(1);
  });
});

describe("the formatter", () => {
  it("writes numbers, shares and dates the French or the English way", () => {
    const fr = formatter("fr-FR");
    const en = formatter("en-GB");
    expect(fr.number(1234.5, 1)).toBe("1\u202f234,5");
    expect(en.number(1234.5, 1)).toBe("1,234.5");
    expect(en.share(0.256)).toBe("25.6%");
    expect(fr.share(0.125)).toBe("12,5\u00a0%");
    expect(fr.date("2024-10-02")).toBe("2 octobre 2024");
    expect(en.date("2024-10-02")).toBe("2 October 2024");
    expect(en.signed(3)).toBe("+3");
    expect(en.signed(-0.5, 1)).toBe("-0.5");
  });
});
