/** The selected actor over the network, with "what if this actor leaves". */
import type { BridgeActor, NetworkNode } from "../api/queries.ts";
import { fmtFixed, fmtNumber, lang, t } from "../i18n/lang.ts";
import { href } from "../router.ts";
import { h } from "../ui/dom.ts";
import { PROFILE_COLOURS, pieceColour } from "../ui/palette.ts";

export interface Removal {
  /** Sizes of the pieces its part falls into, largest first. */
  pieces: number[];
  colours: Map<string, string>;
  hadTies: boolean;
}

export interface ActorPanelOptions {
  removal: Removal | null;
  leave: boolean;
  bridge: BridgeActor | null;
  onLeave(on: boolean): void;
  onClose(): void;
}

function removalSummary(removal: Removal): HTMLElement {
  if (!removal.hadTies) return h("p", null, t().whatIfIsolated);
  if (removal.pieces.length <= 1) return h("p", null, t().whatIfNoSplit);
  return h(
    "div",
    null,
    h("p", null, t().whatIfSplit(removal.pieces.length)),
    h(
      "ul",
      { class: "pieces" },
      removal.pieces.slice(0, 8).map((size, i) => h("li", null, h("span", { class: "swatch", style: `background:${pieceColour(i)}` }), t().piece(size))),
      removal.pieces.length > 8 ? h("li", { class: "muted" }, `+ ${removal.pieces.length - 8}`) : null,
    ),
  );
}

export function actorPanel(node: NetworkNode, options: ActorPanelOptions): HTMLElement {
  const facts: [string, string][] = [];
  if (node.bridgeScore !== null) facts.push([t().bridgeScore, fmtFixed(node.bridgeScore, 2)]);
  if (node.betweenness !== null) facts.push([t().betweenness, fmtFixed(node.betweenness, 3)]);
  if (node.constraint !== null) facts.push([t().constraint, fmtFixed(node.constraint, 2)]);
  return h(
    "div",
    { class: "actor-panel-inner" },
    h(
      "div",
      { class: "panel-head" },
      h("h2", { id: "actor-panel-title", tabindex: "-1" }, node.name),
      h("button", { type: "button", class: "icon-button", "aria-label": t().close, title: `${t().close} (Esc)`, onclick: options.onClose }, "×"),
    ),
    h(
      "p",
      { class: "actor-meta" },
      h("span", { class: "dot", style: `background:${PROFILE_COLOURS[node.profile]}` }),
      `${t().profile[node.profile]} · ${t().kind[node.kind]}`,
      node.isCatalyst ? h("span", { class: "tag" }, t().catalyst) : null,
    ),
    !node.inEcosystem ? h("p", { class: "muted" }, t().outsideActor) : null,
    node.degree !== null ? h("p", null, t().partners(node.degree)) : null,
    facts.length
      ? h(
          "dl",
          { class: "stats compact" },
          facts.map(([k, v]) => [h("dt", null, k), h("dd", null, v)]),
        )
      : null,
    node.isArticulationPoint ? h("p", { class: "warning" }, t().articulationPoint) : null,
    h("p", null, h("a", { class: "button primary", href: href({ view: "actor", id: node.id, peer: null, allTies: false }, lang()) }, t().openActor)),
    h(
      "div",
      { class: "what-if" },
      h(
        "label",
        { class: "switch", for: "what-if-toggle" },
        h("input", {
          type: "checkbox",
          role: "switch",
          id: "what-if-toggle",
          checked: options.leave,
          onchange: (e: Event) => options.onLeave((e.target as HTMLInputElement).checked),
        }),
        h("span", null, t().whatIfLeaves),
      ),
      options.leave && options.removal ? removalSummary(options.removal) : null,
      options.leave ? h("p", { class: "note" }, t().whatIfNote) : null,
      options.leave && options.bridge && options.bridge.ifRemoved.pieces.length > 1
        ? h("p", { class: "note" }, t().ifRemovedApi(options.bridge.ifRemoved.pieces.map((p) => fmtNumber(p)).join(" + ")))
        : null,
    ),
  );
}
