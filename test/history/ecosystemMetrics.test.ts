import { describe, expect, it } from "vitest";
import { defaultTieValues, measureEcosystem, readMetrics, METRICS_FORMAT } from "../../graph/ecosystem/history/ecosystemMetrics.js";
import { diffMetrics } from "../../graph/ecosystem/history/metricsDiff.js";
import { NetworkModel } from "../../graph/model.js";
import { buildSnapshot } from "../../graph/snapshot.js";
import type { Profile } from "../../record/generated/prisma/enums.js";

const PROFILES: Profile[] = ["ECONOMIC", "GENERAL_INTEREST", "PUBLIC", "ACADEMIC"];

/**
 * Ecosystem 1 (territory 10): actor k has profile PROFILES[k - 1]; actor 5 acts in territory 11,
 * outside every ecosystem. Each alliance is [a, b, start day].
 */
function model(alliances: [number, number, string][]): NetworkModel {
  const m = new NetworkModel({
    ecosystemOf: new Map([[10, 1]]),
    regionOf: new Map([
      [10, 99],
      [11, 99],
    ]),
  });
  for (let id = 1; id <= 4; id += 1)
    m.actors.set(id, { id, name: `A${id}`, profile: PROFILES[id - 1]!, kind: "COMPANY", isCatalyst: false, territories: [10] });
  m.actors.set(5, { id: 5, name: "Ailleurs", profile: "PUBLIC", kind: "INSTITUTION", isCatalyst: false, territories: [11] });
  alliances.forEach(([a, b, start], i) =>
    m.alliances.set(i + 1, {
      id: i + 1,
      startDate: new Date(start),
      endDate: null,
      modalities: ["DIALOGUE"],
      levers: [],
      impacts: [],
      members: [
        { actorId: a, role: "PARTNER", confirmedAt: null },
        { actorId: b, role: "PARTNER", confirmedAt: null },
      ],
    }),
  );
  return m;
}

function measured(m: NetworkModel, asOf: string) {
  const snapshot = buildSnapshot(m, { asOf: new Date(asOf) });
  return measureEcosystem(snapshot, 1, defaultTieValues(snapshot));
}

describe("graph/ecosystem/history/ecosystemMetrics", () => {
  const m = model([
    [1, 2, "2022-01-01"],
    [2, 3, "2023-01-01"],
    [1, 5, "2023-01-01"],
  ]);

  it("measures only what was there on the day: one tie, two active actors, no bridge", () => {
    const early = measured(m, "2022-06-01");
    expect(early.format).toBe(METRICS_FORMAT);
    expect(early.network).toMatchObject({ actors: 4, activeActors: 2, ties: 1, crossProfileTies: 1, components: 3 });
    expect(early.network.activeActorsByProfile).toEqual({ ECONOMIC: 1, GENERAL_INTEREST: 1, PUBLIC: 0, ACADEMIC: 0 });
    expect(early.activeActors).toEqual([
      { id: 1, profile: "ECONOMIC" },
      { id: 2, profile: "GENERAL_INTEREST" },
    ]);
    expect(early.crossProfileTies).toEqual([[1, 2]]);
    // Two actors tied only to each other broker nothing and are fully constrained: no score.
    expect(early.bridgeActors).toEqual([]);
    expect(early.interactionValue.ties).toBe(1);
  });

  it("finds the actor in the middle of a path as the bridge once the path exists", () => {
    const later = measured(m, "2023-06-01");
    expect(later.network).toMatchObject({ activeActors: 3, ties: 2, crossProfileTies: 2, components: 2 });
    expect(later.bridgeActors.map((b) => b.actorId)).toEqual([2]);
    expect(later.bridgeActors[0]!.score).toBeGreaterThan(0);
    // A tie leaving the ecosystem makes its actor active but is not one of the ecosystem's ties.
    expect(later.crossProfileTies).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it("measures an ecosystem before any tie without a NaN, and round-trips through JSON", () => {
    const empty = measured(m, "2000-01-01");
    expect(empty.network).toMatchObject({ actors: 4, activeActors: 0, ties: 0, crossProfileTies: 0, components: 4 });
    expect(empty.maturity.level).toBe(1);
    expect(empty.maturity.components.find((c) => c.key === "crossProfileTies")).toMatchObject({ value: null, score: 0 });
    const json = JSON.parse(JSON.stringify(empty));
    expect(json).toEqual(empty);
    expect(readMetrics(json)).toEqual(empty);
  });

  it("reads back only metrics of its own format", () => {
    const metrics = measured(m, "2023-06-01");
    expect(readMetrics({ ...metrics, format: METRICS_FORMAT + 1 })).toBeNull();
    expect(readMetrics(null)).toBeNull();
    expect(readMetrics({ format: METRICS_FORMAT })).toBeNull();
  });

  it("diffs two measured days: the new cross-profile tie, the new bridge, the actor who joined", () => {
    const diff = diffMetrics(measured(m, "2022-06-01"), measured(m, "2023-06-01"));
    expect(diff.crossProfileTies.gained).toEqual([{ a: { id: 2, profile: "GENERAL_INTEREST" }, b: { id: 3, profile: "PUBLIC" } }]);
    expect(diff.crossProfileTies.lost).toEqual([]);
    expect(diff.bridgeActors.gained).toEqual([{ actorId: 2, rankFrom: null, rankTo: 1, scoreFrom: null, scoreTo: expect.any(Number) }]);
    expect(diff.actors.joined).toEqual([{ id: 3, profile: "PUBLIC" }]);
    expect(diff.network.find((f) => f.figure === "ties")).toEqual({ figure: "ties", from: 1, to: 2, change: 1 });
  });
});
