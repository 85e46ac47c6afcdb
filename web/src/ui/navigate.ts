/** Moving between routes, and bringing focus to a new page's title. */
import { lang } from "../i18n/lang.ts";
import { formatHash, parseHash, type AppLocation, type Route } from "../router.ts";

export function currentLocation(): AppLocation {
  return parseHash(location.hash);
}

/**
 * Goes to a route: a new history entry, or in place (`replace`) for filters and selections, so
 * that Back leaves the view rather than undoing each click.
 */
export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}): void {
  const hash = formatHash({ route, lang: lang() });
  if (hash === location.hash) return;
  if (replace) {
    history.replaceState(history.state, "", hash);
    window.dispatchEvent(new Event("hashchange"));
  } else location.hash = hash;
}

let focusWanted = false;

/** Set by the shell when a new view opens after a navigation (not on first load). */
export function requestHeadingFocus(wanted: boolean): void {
  focusWanted = wanted;
}

/** Views call this once their title is drawn. */
export function focusHeading(root: HTMLElement): void {
  if (!focusWanted) return;
  const heading = root.querySelector<HTMLElement>("h1[tabindex]");
  if (!heading) return;
  focusWanted = false;
  heading.focus({ preventScroll: true });
}
