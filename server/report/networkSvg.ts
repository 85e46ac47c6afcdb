/**
 * The ecosystem's network drawn as inline SVG: actors coloured by profile (the map's palette),
 * sized by their number of partners, fragile points as squares, catalysts with a white centre,
 * bridge actors ringed in black with their rank, bridge ties in dashed vermillion; a legend under
 * the drawing. Positions come from layout.ts, so the drawing is the same on every run.
 */
import { html, type Markup } from "./escape.js";
import type { EcosystemAnswer } from "./queries.js";
import { layoutNetwork } from "./layout.js";
import { BRIDGE_TIE_COLOUR, INK, MUTED, PROFILE_COLOURS, TIE_COLOUR } from "./palette.js";
import type { Texts } from "./texts.js";
import { PROFILES } from "../../record/vocabulary/lists.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const r = (x: number) => Math.round(x * 10) / 10;

export function networkSvg(network: EcosystemAnswer["network"], bridgeRanks: ReadonlyMap<string, number>, t: Texts, size = 640): Markup {
  const positions = layoutNetwork(
    network.nodes.map((n) => n.id),
    network.ties.map((tie) => ({ source: tie.source, target: tie.target, weight: tie.strength })),
  );
  const pad = 18;
  const at = (id: string) => {
    const p = positions.get(id) ?? { x: 0.5, y: 0.5 };
    return { x: pad + p.x * (size - 2 * pad), y: pad + p.y * (size - 2 * pad) };
  };
  const radius = (degree: number | null) => Math.min(9, 3 + Math.sqrt(degree ?? 0) * 1.1);
  const ties = network.ties.map((tie) => {
    const [a, b] = [at(tie.source), at(tie.target)];
    return tie.isBridge
      ? html`<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="${BRIDGE_TIE_COLOUR}" stroke-width="1.6" stroke-dasharray="4 2"/>`
      : html`<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="${TIE_COLOUR}" stroke-width="0.7" stroke-opacity="0.8"/>`;
  });
  const nodes = network.nodes.map((node) => {
    const { x, y } = at(node.id);
    const size = radius(node.degree);
    const fill = PROFILE_COLOURS[node.profile];
    const shape = node.isArticulationPoint
      ? html`<rect x="${r(x - size)}" y="${r(y - size)}" width="${r(2 * size)}" height="${r(2 * size)}" fill="${fill}" stroke="${INK}" stroke-width="1"/>`
      : html`<circle cx="${r(x)}" cy="${r(y)}" r="${r(size)}" fill="${fill}" stroke="#ffffff" stroke-width="0.8"/>`;
    const centre = node.isCatalyst ? html`<circle cx="${r(x)}" cy="${r(y)}" r="1.6" fill="#ffffff"/>` : "";
    return html`<g><title>${node.name}</title>${shape}${centre}</g>`;
  });
  const bridges = network.nodes.flatMap((node) => {
    const rank = bridgeRanks.get(node.id);
    if (rank === undefined) return [];
    const { x, y } = at(node.id);
    const ring = radius(node.degree) + 3.5;
    return [
      html`<circle cx="${r(x)}" cy="${r(y)}" r="${r(ring)}" fill="none" stroke="${INK}" stroke-width="2"/><text x="${r(x + ring + 2)}" y="${r(y - ring + 2)}" font-size="13" font-weight="bold" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${rank}</text>`,
    ];
  });
  const legend = legendRows(t, size);
  const height = size + legend.height;
  return html`<svg xmlns="${SVG_NS}" class="network" viewBox="0 0 ${size} ${height}" width="${size}" height="${height}" role="img"><title>${t.network.figure}</title><g class="ties">${ties}</g><g class="actors">${nodes}</g><g class="bridges">${bridges}</g>${legend.markup}</svg>`;
}

function legendRows(t: Texts, width: number): { markup: Markup; height: number } {
  const top = width + 10;
  const row = 20;
  const profiles = PROFILES.map((profile, i) => {
    const x = 10 + (i % 2) * (width / 2);
    const y = top + Math.floor(i / 2) * row;
    return html`<circle cx="${x + 6}" cy="${y}" r="6" fill="${PROFILE_COLOURS[profile]}"/><text x="${x + 18}" y="${y + 4}" font-size="12" fill="${INK}">${t.profile[profile]}</text>`;
  });
  const y = top + 2 * row;
  const marks = [
    html`<circle cx="16" cy="${y}" r="5" fill="${MUTED}"/><circle cx="16" cy="${y}" r="8.5" fill="none" stroke="${INK}" stroke-width="2"/><text x="30" y="${y + 4}" font-size="12" fill="${INK}">${t.network.legendBridge}</text>`,
    html`<rect x="${width / 2 + 11}" y="${y - 5}" width="10" height="10" fill="${MUTED}" stroke="${INK}" stroke-width="1"/><text x="${width / 2 + 28}" y="${y + 4}" font-size="12" fill="${INK}">${t.network.legendCut}</text>`,
    html`<circle cx="16" cy="${y + row}" r="5" fill="${MUTED}"/><circle cx="16" cy="${y + row}" r="1.6" fill="#ffffff"/><text x="30" y="${y + row + 4}" font-size="12" fill="${INK}">${t.network.legendCatalyst}</text>`,
    html`<line x1="${width / 2 + 8}" y1="${y + row}" x2="${width / 2 + 24}" y2="${y + row}" stroke="${BRIDGE_TIE_COLOUR}" stroke-width="1.6" stroke-dasharray="4 2"/><text x="${width / 2 + 28}" y="${y + row + 4}" font-size="12" fill="${INK}">${t.network.legendBridgeTie}</text>`,
  ];
  return { markup: html`<g class="legend">${profiles}${marks}</g>`, height: 4 * row + 10 };
}
