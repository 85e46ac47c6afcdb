import type { Route } from "../router.ts";

/**
 * A mounted view. `update` receives every later route of the same view and key (a filter, a
 * selection, the language) and redraws in place; `destroy` releases what the view holds.
 */
export interface View {
  update(route: Route): void;
  destroy(): void;
}
