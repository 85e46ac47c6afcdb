/**
 * An organisation picker: a combobox (ARIA 1.2 pattern) over `actors(filter: { search })`.
 * Arrow keys move in the list, Enter picks, Escape closes it.
 */
import { request } from "../api/client.ts";
import { SEARCH_ACTORS, type ActorSearchHit } from "../api/queries.ts";
import { t } from "../i18n/lang.ts";
import { h, mount } from "./dom.ts";
import { PROFILE_COLOURS } from "./palette.ts";
import { isAbort } from "./status.ts";

export function actorSearch({ id, onPick }: { id: string; onPick(actor: ActorSearchHit): void }): HTMLElement {
  const listId = `${id}-list`;
  let hits: ActorSearchHit[] = [];
  let total = 0;
  let active = -1;
  let timer: number | undefined;
  let pending: AbortController | null = null;

  const input = h("input", {
    id,
    type: "text",
    role: "combobox",
    autocomplete: "off",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder: t().searchPlaceholder,
  });
  const list = h("ul", { id: listId, role: "listbox", class: "combo-list", hidden: true, "aria-label": t().pickActor });
  const status = h("p", { class: "muted small", role: "status" }, t().searchHint);

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const pick = (hit: ActorSearchHit) => {
    input.value = hit.name;
    close();
    onPick(hit);
  };
  const draw = () => {
    mount(
      list,
      hits.map((hit, i) =>
        h(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            class: i === active ? "active" : null,
            "aria-selected": String(i === active),
            onmousedown: (e: MouseEvent) => e.preventDefault(),
            onclick: () => pick(hit),
          },
          h("span", { class: "dot", style: `background:${PROFILE_COLOURS[hit.profile]}` }),
          h("span", null, hit.name),
          h("span", { class: "muted small" }, ` · ${t().profile[hit.profile]}${hit.territories[0] ? ` · ${hit.territories[0].name}` : ""}`),
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
    else input.removeAttribute("aria-activedescendant");
    list.querySelector(".active")?.scrollIntoView({ block: "nearest" });
  };

  const search = async (term: string) => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const result = await request(SEARCH_ACTORS, { search: term }, controller.signal);
      hits = result.actors.nodes;
      total = result.actors.totalCount;
      active = -1;
      status.textContent = hits.length ? t().searchResults(hits.length, total) : t().noResult;
      draw();
    } catch (error) {
      if (!isAbort(error)) status.textContent = String(error);
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const term = input.value.trim();
    if (term.length < 2) {
      hits = [];
      status.textContent = t().searchHint;
      draw();
      return;
    }
    timer = window.setTimeout(() => void search(term), 180);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + hits.length) % hits.length;
      draw();
    } else if (e.key === "Enter") {
      const hit = hits[active] ?? (hits.length === 1 ? hits[0] : undefined);
      if (hit) {
        e.preventDefault();
        pick(hit);
      }
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));

  return h("div", { class: "combo" }, h("label", { for: id, class: "field-label" }, t().pickActor), h("div", { class: "combo-box" }, input, list), status);
}
