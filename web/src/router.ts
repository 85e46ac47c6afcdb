/**
 * Hash routes, so that every view has a URL that reopens it and the built files need no server
 * rewrite: #/, #/ecosystem/<territoryCode>, #/actor/<id>, #/peers?actor=<id>, each with ?lang=en.
 * The ecosystem view also keeps its selection and filters in the URL.
 */
import type { Lever, Modality, Profile, TerritoryLevel, TieKind } from "./api/types.ts";
import { LEVERS, MODALITIES, PROFILES, TERRITORY_LEVELS, TIE_KINDS } from "./api/types.ts";
import { DEFAULT_FILTERS, type NetworkFilters } from "./graph/filters.ts";
import type { Lang } from "./i18n/lang.ts";

export interface EcosystemRoute {
  view: "ecosystem";
  code: string;
  level: TerritoryLevel | null;
  /** The selected actor. */
  actor: string | null;
  /** "What if this actor leaves" is on. */
  leave: boolean;
  outside: boolean;
  bridges: boolean;
  filters: NetworkFilters;
}

export type Route =
  | { view: "overview" }
  | EcosystemRoute
  | { view: "actor"; id: string; peer: string | null; allTies: boolean }
  | { view: "peers"; actor: string | null }
  | { view: "lab"; nodes: number }
  | { view: "notFound"; path: string };

export interface AppLocation {
  route: Route;
  lang: Lang;
}

function list<T extends string>(raw: string | null, allowed: readonly T[], fallback: readonly T[]): T[] {
  if (raw === null) return [...fallback];
  if (raw === "") return [];
  const wanted = new Set(raw.split(","));
  return allowed.filter((value) => wanted.has(value));
}

function year(raw: string | null): number | null {
  if (raw === null || !/^\d{4}$/.test(raw)) return null;
  return Number(raw);
}

export function ecosystemRoute(code: string, patch: Partial<Omit<EcosystemRoute, "view" | "code">> = {}): EcosystemRoute {
  return { view: "ecosystem", code, level: null, actor: null, leave: false, outside: false, bridges: true, filters: { ...DEFAULT_FILTERS }, ...patch };
}

export function parseHash(hash: string): AppLocation {
  const raw = hash.replace(/^#/, "");
  const [pathPart = "", queryPart = ""] = raw.split("?", 2);
  const params = new URLSearchParams(queryPart);
  const lang: Lang = params.get("lang") === "en" ? "en" : "fr";
  const segments = pathPart.split("/").filter(Boolean).map(decodeURIComponent);
  const [head, arg] = segments;

  let route: Route;
  if (!head) route = { view: "overview" };
  else if (head === "ecosystem" && arg && segments.length === 2) {
    const level = params.get("level");
    route = ecosystemRoute(arg, {
      level: TERRITORY_LEVELS.includes(level as TerritoryLevel) ? (level as TerritoryLevel) : null,
      actor: params.get("actor"),
      leave: params.get("leave") === "1",
      outside: params.get("outside") === "1",
      bridges: params.get("bridges") !== "0",
      filters: {
        profiles: list<Profile>(params.get("profiles"), PROFILES, PROFILES),
        kinds: list<TieKind>(params.get("kinds"), TIE_KINDS, TIE_KINDS),
        confirmedOnly: params.get("confirmed") === "1",
        from: year(params.get("from")),
        to: year(params.get("to")),
        modalities: list<Modality>(params.get("modalities"), MODALITIES, []),
        levers: list<Lever>(params.get("levers"), LEVERS, []),
      },
    });
  } else if (head === "actor" && arg && segments.length === 2) {
    route = { view: "actor", id: arg, peer: params.get("peer"), allTies: params.get("allTies") === "1" };
  } else if (head === "peers" && segments.length === 1) {
    route = { view: "peers", actor: params.get("actor") };
  } else if (head === "lab" && segments.length === 1) {
    const nodes = Number(params.get("nodes") ?? "3000");
    route = { view: "lab", nodes: Number.isFinite(nodes) ? Math.min(20_000, Math.max(10, Math.round(nodes))) : 3000 };
  } else route = { view: "notFound", path: pathPart };
  return { route, lang };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function formatHash({ route, lang }: AppLocation): string {
  const params = new URLSearchParams();
  let path: string;
  switch (route.view) {
    case "overview":
      path = "/";
      break;
    case "ecosystem": {
      path = `/ecosystem/${encodeURIComponent(route.code)}`;
      if (route.level) params.set("level", route.level);
      if (route.actor) params.set("actor", route.actor);
      if (route.actor && route.leave) params.set("leave", "1");
      if (route.outside) params.set("outside", "1");
      if (!route.bridges) params.set("bridges", "0");
      const f = route.filters;
      if (!sameList(f.profiles, PROFILES)) params.set("profiles", f.profiles.join(","));
      if (!sameList(f.kinds, TIE_KINDS)) params.set("kinds", f.kinds.join(","));
      if (f.confirmedOnly) params.set("confirmed", "1");
      if (f.from !== null) params.set("from", String(f.from));
      if (f.to !== null) params.set("to", String(f.to));
      if (f.modalities.length) params.set("modalities", f.modalities.join(","));
      if (f.levers.length) params.set("levers", f.levers.join(","));
      break;
    }
    case "actor":
      path = `/actor/${encodeURIComponent(route.id)}`;
      if (route.peer) params.set("peer", route.peer);
      if (route.allTies) params.set("allTies", "1");
      break;
    case "peers":
      path = "/peers";
      if (route.actor) params.set("actor", route.actor);
      break;
    case "lab":
      path = "/lab";
      params.set("nodes", String(route.nodes));
      break;
    case "notFound":
      path = `/${route.path.replace(/^\//, "")}`;
      break;
  }
  if (lang === "en") params.set("lang", "en");
  const query = params.toString().replaceAll("%2C", ",");
  return `#${path}${query ? `?${query}` : ""}`;
}

/** A link to a route in the current language. */
export function href(route: Route, lang: Lang): string {
  return formatHash({ route, lang });
}
