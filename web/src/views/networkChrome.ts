/** What sits around a network drawing: its legend and its zoom buttons. */
import { PROFILES } from "../api/types.ts";
import type { NetworkView } from "../graph/networkView.ts";
import { t } from "../i18n/lang.ts";
import { h } from "../ui/dom.ts";
import { OUTSIDE_COLOUR, PROFILE_COLOURS } from "../ui/palette.ts";

export function networkLegend({ outside = false, bridges = true }: { outside?: boolean; bridges?: boolean } = {}): HTMLElement {
  return h(
    "div",
    { class: "graph-legend", "aria-label": t().legend, role: "group" },
    h(
      "ul",
      null,
      PROFILES.map((p) => h("li", null, h("span", { class: "dot", style: `background:${PROFILE_COLOURS[p]}` }), t().profile[p])),
      outside ? h("li", null, h("span", { class: "dot", style: `background:${OUTSIDE_COLOUR}` }), t().legendOutside) : null,
    ),
    h(
      "ul",
      { class: "legend-encodings" },
      h("li", null, h("span", { class: "dot-sizes", "aria-hidden": "true" }, h("i"), h("i"), h("i")), t().legendSize),
      h("li", null, h("span", { class: "line-widths", "aria-hidden": "true" }, h("i"), h("i")), t().legendWidth),
      bridges ? h("li", null, h("span", { class: "dot ringed", "aria-hidden": "true" }), t().legendBridge) : null,
      h("li", null, h("span", { class: "line-pale", "aria-hidden": "true" }), t().legendUnconfirmed),
    ),
  );
}

export function zoomControls(view: () => NetworkView | null): HTMLElement {
  const button = (label: string, text: string, action: (v: NetworkView) => void) =>
    h(
      "button",
      {
        type: "button",
        class: "icon-button",
        "aria-label": label,
        title: label,
        onclick: () => {
          const v = view();
          if (v) action(v);
        },
      },
      text,
    );
  return h(
    "div",
    { class: "zoom-controls", role: "group" },
    button(t().zoomIn, "+", (v) => v.zoomIn()),
    button(t().zoomOut, "−", (v) => v.zoomOut()),
    button(t().zoomReset, "⤢", (v) => v.resetCamera()),
  );
}
