/**
 * France as a tile-grid cartogram drawn in SVG: one tile per région at its approximate place,
 * the overseas régions in a strip below, each tile holding its ecosystems as small squares.
 * Schematic on purpose: no tile server, no geometry, works offline and at any width.
 */
import { lang } from "../i18n/lang.ts";
import { s, h } from "../ui/dom.ts";
import { levelColour, PATH_COLOUR } from "../ui/palette.ts";

interface RegionTile {
  code: string;
  name: { fr: string; en: string };
  col: number;
  row: number;
  /** Width in columns. */
  span: number;
}

const name = (fr: string, en = fr) => ({ fr, en });

/** Metropolitan régions (INSEE codes), north at the top; wide régions take two columns. */
export const METRO_TILES: readonly RegionTile[] = [
  { code: "32", name: name("Hauts-de-France"), col: 2, row: 0, span: 1 },
  { code: "28", name: name("Normandie", "Normandy"), col: 1, row: 1, span: 1 },
  { code: "11", name: name("Île-de-France"), col: 2, row: 1, span: 1 },
  { code: "44", name: name("Grand Est"), col: 3, row: 1, span: 1 },
  { code: "53", name: name("Bretagne", "Brittany"), col: 0, row: 2, span: 1 },
  { code: "52", name: name("Pays de la Loire"), col: 1, row: 2, span: 1 },
  { code: "24", name: name("Centre-Val de Loire"), col: 2, row: 2, span: 1 },
  { code: "27", name: name("Bourgogne-Franche-Comté"), col: 3, row: 2, span: 1 },
  { code: "75", name: name("Nouvelle-Aquitaine"), col: 1, row: 3, span: 2 },
  { code: "84", name: name("Auvergne-Rhône-Alpes"), col: 3, row: 3, span: 1 },
  { code: "76", name: name("Occitanie"), col: 1, row: 4, span: 2 },
  { code: "93", name: name("Provence-Alpes-Côte d'Azur"), col: 3, row: 4, span: 1 },
  { code: "94", name: name("Corse", "Corsica"), col: 4, row: 4, span: 1 },
];

export const OVERSEAS_TILES: readonly RegionTile[] = [
  { code: "01", name: name("Guadeloupe"), col: 0, row: 0, span: 1 },
  { code: "02", name: name("Martinique"), col: 1, row: 0, span: 1 },
  { code: "03", name: name("Guyane", "French Guiana"), col: 2, row: 0, span: 1 },
  { code: "04", name: name("La Réunion", "Réunion"), col: 3, row: 0, span: 1 },
  { code: "06", name: name("Mayotte"), col: 4, row: 0, span: 1 },
];

export function regionName(code: string): string | null {
  const tile = [...METRO_TILES, ...OVERSEAS_TILES].find((r) => r.code === code);
  return tile ? tile.name[lang()] : null;
}

export const GRID = { tileW: 150, tileH: 98, overseasH: 64, gap: 8, square: 22, squareGap: 5, pad: 9, header: 28, cols: 5, rows: 5, stripLabel: 30 };

export interface CartogramItem {
  id: string;
  regionCode: string;
  level: number | null;
  href: string;
  /** Accessible name of the link. */
  label: string;
  /** Outlined (e.g. where peers are); when any item is, the others fade. */
  outlined?: boolean;
}

export interface CartogramOptions {
  label: string;
  /** Drawn in the empty north-west corner. */
  legend?: { title: string; items: { level: number; label: string }[] };
  overseasLabel: string;
  emptyLabel: string;
  /** Shown beside an item on hover and keyboard focus. */
  describe(item: CartogramItem): Node;
}

function tileRect(tile: RegionTile, top: number, height: number) {
  const x = tile.col * (GRID.tileW + GRID.gap);
  const y = top + tile.row * (GRID.tileH + GRID.gap);
  const w = tile.span * GRID.tileW + (tile.span - 1) * GRID.gap;
  return { x, y, w, h: height };
}

/** The cartogram in a wrapper that also holds its tooltip. */
export function renderCartogram(items: readonly CartogramItem[], options: CartogramOptions): HTMLElement {
  const width = GRID.cols * GRID.tileW + (GRID.cols - 1) * GRID.gap;
  const stripTop = GRID.rows * (GRID.tileH + GRID.gap) + GRID.stripLabel;
  const height = stripTop + GRID.overseasH;
  const byRegion = new Map<string, CartogramItem[]>();
  for (const item of items) {
    const list = byRegion.get(item.regionCode) ?? [];
    list.push(item);
    byRegion.set(item.regionCode, list);
  }
  const anyOutlined = items.some((i) => i.outlined);

  const tooltip = h("div", { class: "map-tooltip", role: "tooltip", hidden: true });
  const wrapper = h("div", { class: "cartogram" });
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": options.label, class: "cartogram-svg" });

  const show = (item: CartogramItem, anchor: SVGGraphicsElement) => {
    tooltip.replaceChildren(options.describe(item));
    tooltip.hidden = false;
    const box = anchor.getBoundingClientRect();
    const frame = wrapper.getBoundingClientRect();
    const left = box.left - frame.left + box.width / 2;
    tooltip.style.left = `${Math.max(8, Math.min(frame.width - 8, left))}px`;
    tooltip.style.top = `${box.top - frame.top}px`;
    tooltip.classList.toggle("flip", left > frame.width - 140);
  };
  const hide = () => (tooltip.hidden = true);

  const drawTile = (tile: RegionTile, top: number, tileHeight: number) => {
    const r = tileRect(tile, top, tileHeight);
    const list = byRegion.get(tile.code) ?? [];
    const group = s("g", { class: list.length ? "tile" : "tile tile-empty" });
    const lines = wrapName(tile.name[lang()], r.w);
    const header = GRID.header + (lines.length - 1) * 14;
    group.append(
      s("rect", { x: r.x, y: r.y, width: r.w, height: r.h, rx: 7, class: "tile-bg" }),
      s(
        "text",
        { x: r.x + GRID.pad, y: r.y + 18, class: "tile-name" },
        lines.map((line, i) => s("tspan", { x: r.x + GRID.pad, dy: i === 0 ? 0 : 14 }, line)),
      ),
    );
    if (list.length) group.append(s("text", { x: r.x + r.w - GRID.pad, y: r.y + 18, class: "tile-count", "text-anchor": "end" }, String(list.length)));
    else group.append(s("text", { x: r.x + GRID.pad, y: r.y + header + 12, class: "tile-empty-label" }, options.emptyLabel));
    const perRow = Math.max(1, Math.floor((r.w - 2 * GRID.pad + GRID.squareGap) / (GRID.square + GRID.squareGap)));
    list.forEach((item, i) => {
      const x = r.x + GRID.pad + (i % perRow) * (GRID.square + GRID.squareGap);
      const y = r.y + header + Math.floor(i / perRow) * (GRID.square + GRID.squareGap);
      const colour = levelColour(item.level);
      const faded = anyOutlined && !item.outlined;
      const square = s("rect", { x, y, width: GRID.square, height: GRID.square, rx: 3, fill: colour.fill, class: "eco-square" });
      const link = s(
        "a",
        { href: item.href, class: `eco${item.outlined ? " eco-outlined" : ""}${faded ? " eco-faded" : ""}`, "aria-label": item.label },
        square,
        item.outlined
          ? s("rect", { x: x - 3, y: y - 3, width: GRID.square + 6, height: GRID.square + 6, rx: 5, fill: "none", stroke: PATH_COLOUR, "stroke-width": 3 })
          : null,
        s(
          "text",
          { x: x + GRID.square / 2, y: y + GRID.square / 2 + 4, "text-anchor": "middle", fill: colour.text, class: "eco-digit", "aria-hidden": "true" },
          item.level ?? "–",
        ),
      );
      link.addEventListener("mouseenter", () => show(item, square));
      link.addEventListener("focus", () => show(item, square));
      link.addEventListener("mouseleave", hide);
      link.addEventListener("blur", hide);
      group.append(link);
    });
    svg.append(group);
  };

  for (const tile of METRO_TILES) drawTile(tile, 0, GRID.tileH);
  if (options.legend) {
    const legend = s("g", { class: "map-legend" }, s("text", { x: 0, y: 14, class: "map-legend-title" }, options.legend.title));
    options.legend.items.forEach((item, i) => {
      const y = 26 + i * 24;
      const colour = levelColour(item.level);
      legend.append(
        s("rect", { x: 0, y, width: 18, height: 18, rx: 3, fill: colour.fill, class: "eco-square" }),
        s("text", { x: 9, y: y + 13, "text-anchor": "middle", fill: colour.text, class: "eco-digit" }, String(item.level)),
        s("text", { x: 26, y: y + 13, class: "map-legend-label" }, item.label),
      );
    });
    svg.append(legend);
  }
  svg.append(s("line", { x1: 0, x2: width, y1: stripTop - GRID.stripLabel + 4, y2: stripTop - GRID.stripLabel + 4, class: "strip-rule" }));
  svg.append(s("text", { x: 0, y: stripTop - 9, class: "strip-label" }, options.overseasLabel));
  for (const tile of OVERSEAS_TILES) drawTile(tile, stripTop, GRID.overseasH);

  wrapper.append(svg, tooltip);
  return wrapper;
}

/** Long région names on a one-column tile go on two lines, cut after the hyphen or space nearest the middle. */
export function wrapName(text: string, width: number): string[] {
  const max = Math.floor((width - 2 * GRID.pad - 18) / 6.4);
  if (text.length <= max) return [text];
  let best = -1;
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] !== "-" && text[i] !== " ") continue;
    if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  }
  if (best < 0) return [text];
  const cut = text[best] === "-" ? best + 1 : best;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}
