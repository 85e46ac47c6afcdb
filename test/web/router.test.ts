import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../../web/src/graph/filters.ts";
import { ecosystemRoute, formatHash, parseHash } from "../../web/src/router.ts";

describe("web router", () => {
  it("reads an empty hash as France at a glance, in French", () => {
    expect(parseHash("")).toEqual({ route: { view: "overview" }, lang: "fr" });
    expect(formatHash({ route: { view: "overview" }, lang: "fr" })).toBe("#/");
  });

  it("keeps English in the URL of every view", () => {
    expect(formatHash({ route: { view: "peers", actor: "QWN0b3I6MjEz" }, lang: "en" })).toBe("#/peers?actor=QWN0b3I6MjEz&lang=en");
    expect(parseHash("#/peers?actor=QWN0b3I6MjEz&lang=en")).toEqual({ route: { view: "peers", actor: "QWN0b3I6MjEz" }, lang: "en" });
  });

  it("leaves default filters out of an ecosystem's URL", () => {
    expect(formatHash({ route: ecosystemRoute("200055655"), lang: "fr" })).toBe("#/ecosystem/200055655");
  });

  it("round-trips an ecosystem with its selection and every filter", () => {
    const route = ecosystemRoute("DEMO-PAYS-02", {
      level: "PROJECT",
      actor: "QWN0b3I6MjA2MQ==",
      leave: true,
      outside: true,
      bridges: false,
      filters: {
        ...DEFAULT_FILTERS,
        profiles: ["ECONOMIC", "PUBLIC"],
        kinds: ["ALLIANCE"],
        confirmedOnly: true,
        from: 2021,
        to: 2024,
        modalities: ["POOL_RESOURCES"],
        levers: ["FINANCE", "DATA"],
      },
    });
    const hash = formatHash({ route, lang: "en" });
    expect(hash).toBe(
      "#/ecosystem/DEMO-PAYS-02?level=PROJECT&actor=QWN0b3I6MjA2MQ%3D%3D&leave=1&outside=1&bridges=0&profiles=ECONOMIC,PUBLIC&kinds=ALLIANCE&confirmed=1&from=2021&to=2024&modalities=POOL_RESOURCES&levers=FINANCE,DATA&lang=en",
    );
    // Lists come back in their canonical order whatever order the URL used.
    expect(parseHash(hash)).toEqual({ route: { ...route, filters: { ...route.filters, levers: ["DATA", "FINANCE"] } }, lang: "en" });
  });

  it("drops a removal toggle without a selected actor", () => {
    expect(formatHash({ route: ecosystemRoute("200055655", { leave: true }), lang: "fr" })).toBe("#/ecosystem/200055655");
  });

  it("ignores unknown values rather than failing", () => {
    const { route } = parseHash("#/ecosystem/200055655?profiles=PUBLIC,NOPE&from=20x&level=PLANET");
    expect(route).toMatchObject({ view: "ecosystem", level: null, filters: { profiles: ["PUBLIC"], from: null } });
  });

  it("opens an actor with a chosen peer, and says so for paths that are not routes", () => {
    expect(parseHash("#/actor/QWN0b3I6MjEz?peer=QWN0b3I6MjA2MQ%3D%3D&allTies=1").route).toEqual({
      view: "actor",
      id: "QWN0b3I6MjEz",
      peer: "QWN0b3I6MjA2MQ==",
      allTies: true,
    });
    expect(parseHash("#/nowhere/at/all").route).toEqual({ view: "notFound", path: "/nowhere/at/all" });
  });
});
