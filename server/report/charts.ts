/**
 * The notebook's charts as inline SVG: horizontal bars and lines over time. Plain shapes and text
 * only (no script, no external font or image), so they print as drawn and open offline. Every
 * chart carries a <title> for screen readers, and its figures are also in a table next to it.
 */
import { html, type Markup } from "./escape.js";
import { GRID, INK, MUTED } from "./palette.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const r = (x: number) => Math.round(x * 10) / 10;

export interface Bar {
  label: string;
  value: number;
  colour: string;
  /** The value as printed at the end of the bar. */
  text: string;
}

/** Bars left to right from a common axis, scaled to `max` (the largest value by default). */
export function barChart({ title, bars, max, width = 640 }: { title: string; bars: Bar[]; max?: number; width?: number }): Markup {
  const labelWidth = 220;
  const valueWidth = 70;
  const row = 26;
  const height = bars.length * row + 8;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value)) || 1;
  const span = width - labelWidth - valueWidth;
  return html`<svg xmlns="${SVG_NS}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${title}</title>${bars.map(
    (bar, i) => {
      const y = 4 + i * row;
      const length = Math.max(0, (bar.value / top) * span);
      return html`<text x="${labelWidth - 8}" y="${r(y + row / 2 + 4)}" text-anchor="end" font-size="12" fill="${INK}">${bar.label}</text><rect x="${labelWidth}" y="${y + 4}" width="${r(length)}" height="${row - 8}" fill="${bar.colour}"/><text x="${r(labelWidth + length + 6)}" y="${r(y + row / 2 + 4)}" font-size="12" fill="${INK}">${bar.text}</text>`;
    },
  )}<line x1="${labelWidth}" y1="2" x2="${labelWidth}" y2="${height - 2}" stroke="${MUTED}" stroke-width="1"/></svg>`;
}

export interface Series {
  name: string;
  colour: string;
  /** SVG stroke-dasharray, so lines differ by more than colour. */
  dash: string;
  values: number[];
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above x. */
function niceCeiling(x: number): number {
  if (x <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x) ?? 10) * power;
}

/** Lines over shared x labels (dates), with a y axis from 0, a legend below, and a marker line. */
export function lineChart({
  title,
  labels,
  series,
  formatY,
  yMax,
  markerIndex,
  markerLabel,
  width = 640,
}: {
  title: string;
  labels: string[];
  series: Series[];
  formatY: (y: number) => string;
  yMax?: number;
  /** A dashed vertical line at this x (the start of the accompaniment). */
  markerIndex?: number;
  markerLabel?: string;
  width?: number;
}): Markup {
  const margin = { left: 56, right: 24, top: 14, bottom: 44 };
  const legendRow = 18;
  const plotHeight = 190;
  const height = margin.top + plotHeight + margin.bottom + series.length * legendRow;
  const plotWidth = width - margin.left - margin.right;
  const top = yMax ?? niceCeiling(Math.max(0, ...series.flatMap((s) => s.values)));
  const x = (i: number) => margin.left + (labels.length <= 1 ? plotWidth / 2 : (i / (labels.length - 1)) * plotWidth);
  const y = (v: number) => margin.top + plotHeight - (Math.max(0, v) / top) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const legendTop = margin.top + plotHeight + margin.bottom;
  return html`<svg xmlns="${SVG_NS}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${title}</title>${ticks.map(
    (t) =>
      html`<line x1="${margin.left}" y1="${r(y(t))}" x2="${width - margin.right}" y2="${r(y(t))}" stroke="${GRID}" stroke-width="1"/><text x="${margin.left - 6}" y="${r(y(t) + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${formatY(t)}</text>`,
  )}${labels.map((label, i) => {
    // The first and last labels lean inwards, so a long one is not cut at the edge.
    const anchor = labels.length > 1 && i === 0 ? "start" : labels.length > 1 && i === labels.length - 1 ? "end" : "middle";
    return html`<text x="${r(x(i))}" y="${margin.top + plotHeight + 18}" text-anchor="${anchor}" font-size="11" fill="${INK}">${label}</text>`;
  })}${
    markerIndex !== undefined && markerIndex >= 0 && markerIndex < labels.length
      ? html`<line x1="${r(x(markerIndex))}" y1="${margin.top}" x2="${r(x(markerIndex))}" y2="${margin.top + plotHeight}" stroke="${MUTED}" stroke-width="1" stroke-dasharray="2 3"/><text x="${r(x(markerIndex) + 4)}" y="${margin.top + 10}" font-size="10" fill="${MUTED}">${markerLabel ?? ""}</text>`
      : ""
  }${series.map(
    (s) =>
      html`<polyline fill="none" stroke="${s.colour}" stroke-width="2.5" stroke-dasharray="${s.dash}" points="${s.values.map((v, i) => `${r(x(i))},${r(y(v))}`).join(" ")}"/>${s.values.map((v, i) => html`<circle cx="${r(x(i))}" cy="${r(y(v))}" r="3.5" fill="${s.colour}"/>`)}`,
  )}${series.map(
    (s, k) =>
      html`<line x1="${margin.left}" y1="${legendTop + k * legendRow}" x2="${margin.left + 28}" y2="${legendTop + k * legendRow}" stroke="${s.colour}" stroke-width="2.5" stroke-dasharray="${s.dash}"/><text x="${margin.left + 36}" y="${legendTop + k * legendRow + 4}" font-size="12" fill="${INK}">${s.name}</text>`,
  )}<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotHeight}" stroke="${MUTED}" stroke-width="1"/></svg>`;
}
