/**
 * Maillage's map: boots the shell and swaps views as the hash route changes. Views that draw
 * networks load sigma.js on demand, so France at a glance needs only this small entry chunk.
 */
import "./styles.css";
import { setLang, t, lang } from "./i18n/lang.ts";
import { formatHash, type Route } from "./router.ts";
import { h, mount } from "./ui/dom.ts";
import { currentLocation, focusHeading, requestHeadingFocus } from "./ui/navigate.ts";
import { errorBlock, loadingBlock } from "./ui/status.ts";
import { createOverview } from "./views/overview.ts";
import type { View } from "./views/view.ts";

const main = document.getElementById("main")!;
const nav = document.getElementById("nav")!;
const langButton = document.getElementById("lang") as HTMLButtonElement;
const skip = document.getElementById("skip") as HTMLButtonElement;

let current: { key: string; view: View } | null = null;
let generation = 0;
let firstView = true;

/** Views that keep their state across routes with the same key (same ecosystem, same actor). */
function viewKey(route: Route): string {
  switch (route.view) {
    case "ecosystem":
      return `ecosystem:${route.code}:${route.level ?? ""}`;
    case "actor":
      return `actor:${route.id}`;
    case "lab":
      return `lab:${route.nodes}`;
    case "notFound":
      return `notFound:${route.path}`;
    default:
      return route.view;
  }
}

async function createView(route: Route, root: HTMLElement): Promise<View> {
  switch (route.view) {
    case "overview":
      return createOverview(root);
    case "ecosystem":
      return (await import("./views/ecosystem.ts")).createEcosystemView(root, route);
    case "actor":
      return (await import("./views/actor.ts")).createActorView(root, route);
    case "peers":
      return (await import("./views/peers.ts")).createPeersView(root, route);
    case "lab":
      return (await import("./views/lab.ts")).createLabView(root, route);
    case "notFound":
      mount(
        root,
        h(
          "div",
          { class: "page" },
          h("h1", { tabindex: "-1" }, t().notFound),
          h("p", null, h("a", { href: formatHash({ route: { view: "overview" }, lang: lang() }) }, t().backHome)),
        ),
      );
      return { update() {}, destroy() {} };
  }
}

function renderShell(route: Route): void {
  document.title = t().appName;
  skip.textContent = t().skipToContent;
  const link = (target: Route, label: string, active: boolean) =>
    h("a", { href: formatHash({ route: target, lang: lang() }), "aria-current": active ? "page" : null }, label);
  mount(
    nav,
    link({ view: "overview" }, t().navOverview, route.view === "overview"),
    link({ view: "peers", actor: null }, t().navPeers, route.view === "peers"),
  );
  (document.getElementById("brand") as HTMLAnchorElement).href = formatHash({ route: { view: "overview" }, lang: lang() });
  langButton.textContent = t().switchLang;
  langButton.setAttribute("lang", lang() === "fr" ? "en" : "fr");
  langButton.setAttribute("aria-label", t().switchLangLabel);
}

async function render(): Promise<void> {
  const { route, lang: wanted } = currentLocation();
  setLang(wanted);
  renderShell(route);
  const key = viewKey(route);
  if (current && current.key === key) {
    current.view.update(route);
    return;
  }
  const mine = ++generation;
  requestHeadingFocus(!firstView);
  firstView = false;
  current?.view.destroy();
  current = null;
  const root = h("div", { class: "view-root" });
  mount(main, root);
  mount(root, loadingBlock());
  try {
    const view = await createView(route, root);
    if (mine !== generation) return view.destroy();
    current = { key, view };
  } catch (error) {
    if (mine === generation)
      mount(
        root,
        errorBlock(error, () => void render()),
      );
    return;
  }
  // A new page: bring keyboard and screen reader users to its title (views that load their
  // data call focusHeading again once it is drawn).
  focusHeading(root);
  window.scrollTo(0, 0);
}

langButton.addEventListener("click", () => {
  const here = currentLocation();
  history.replaceState(history.state, "", formatHash({ route: here.route, lang: here.lang === "fr" ? "en" : "fr" }));
  void render();
});
skip.addEventListener("click", () => {
  const target = main.querySelector<HTMLElement>("h1[tabindex]") ?? main;
  target.focus();
});
window.addEventListener("hashchange", () => void render());
void render();
