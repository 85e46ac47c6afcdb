import { describe, expect, it } from "vitest";
import type { AllianceSummary, NetworkNode, NetworkTie } from "../../web/src/api/queries.ts";
import type { Profile, TieKind } from "../../web/src/api/types.ts";
import { applyFilters, DEFAULT_FILTERS, indexAlliances, tieKey } from "../../web/src/graph/filters.ts";

function node(id: string, profile: Profile): NetworkNode {
  return {
    id,
    name: id,
    profile,
    kind: "ASSOCIATION",
    isCatalyst: false,
    inEcosystem: true,
    ecosystem: null,
    betweenness: 0,
    bridgeScore: 0,
    community: 0,
    constraint: null,
    degree: 0,
    isArticulationPoint: false,
  };
}

function tie(source: string, target: string, confirmed: boolean, firstDate: string, lastDate: string, kinds: TieKind[]): NetworkTie {
  return { source, target, confirmed, crossesProfiles: true, firstDate, lastDate, isBridge: false, kinds, strength: 0.5, value: 0.5 };
}

// a — b — c, and d alone from the start.
const nodes = [node("a", "PUBLIC"), node("b", "ECONOMIC"), node("c", "ACADEMIC"), node("d", "PUBLIC")];
const ties = [tie("a", "b", true, "2020-03-01", "2021-06-30", ["MEETING", "ALLIANCE"]), tie("b", "c", false, "2024-01-10", "2025-02-01", ["ALLIANCE"])];
const alliance = (id: string, members: string[], modalities: AllianceSummary["modalities"], levers: AllianceSummary["levers"]): AllianceSummary => ({
  id,
  modalities,
  levers,
  members: members.map((m) => ({ actor: { id: m } })),
});
const alliances = indexAlliances([alliance("x", ["a", "b"], ["DIALOGUE"], ["DATA"]), alliance("y", ["b", "c"], ["POOL_RESOURCES"], ["FINANCE"])]);

const keys = (set: Set<string>) => [...set].sort();

describe("web network filters", () => {
  it("keep everything by default", () => {
    const result = applyFilters(nodes, ties, DEFAULT_FILTERS, null);
    expect(keys(result.nodes)).toEqual(["a", "b", "c", "d"]);
    expect(keys(result.ties)).toEqual(["a|b", "b|c"]);
    expect(result.isolatedHidden).toBe(0);
  });

  it("hide an actor that confirmed-only ties cut off, but not one that never had a tie", () => {
    const result = applyFilters(nodes, ties, { ...DEFAULT_FILTERS, confirmedOnly: true }, null);
    expect(keys(result.ties)).toEqual(["a|b"]);
    expect(keys(result.nodes)).toEqual(["a", "b", "d"]);
    expect(result.isolatedHidden).toBe(1);
  });

  it("keep a tie whose first-to-last interval meets the period", () => {
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, from: 2025, to: 2026 }, null).ties)).toEqual(["b|c"]);
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, from: 2021, to: 2021 }, null).ties)).toEqual(["a|b"]);
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, from: 2022, to: 2023 }, null).ties)).toEqual([]);
  });

  it("keep a tie when one of its kinds is shown", () => {
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, kinds: ["MEETING"] }, null).ties)).toEqual(["a|b"]);
  });

  it("read modalities and levers from the alliances both ends share", () => {
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, modalities: ["POOL_RESOURCES"] }, alliances).ties)).toEqual(["b|c"]);
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, levers: ["DATA"] }, alliances).ties)).toEqual(["a|b"]);
    expect(keys(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, modalities: ["POOL_RESOURCES"], levers: ["DATA"] }, alliances).ties)).toEqual([]);
  });

  it("keep no tie under a modality filter while the alliances are not loaded", () => {
    expect(applyFilters(nodes, ties, { ...DEFAULT_FILTERS, modalities: ["DIALOGUE"] }, null).ties.size).toBe(0);
  });

  it("drop the ties of a hidden profile without hiding the other end for it", () => {
    const result = applyFilters(nodes, ties, { ...DEFAULT_FILTERS, profiles: ["PUBLIC", "ECONOMIC"] }, null);
    expect(keys(result.nodes)).toEqual(["a", "b", "d"]);
    expect(keys(result.ties)).toEqual(["a|b"]);
  });

  it("key a tie the same way from either end", () => {
    expect(tieKey("b", "a")).toBe(tieKey("a", "b"));
  });
});
