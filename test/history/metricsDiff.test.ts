import { describe, expect, it } from "vitest";
import { METRICS_FORMAT, type EcosystemMetrics } from "../../graph/ecosystem/history/ecosystemMetrics.js";
import { change, diffMetrics, NETWORK_FIGURES } from "../../graph/ecosystem/history/metricsDiff.js";

/** Hand-written metrics of one day: only what a diff reads. */
function day(parts: Partial<EcosystemMetrics> & { level?: number; composite?: number; cohesion?: number | null }): EcosystemMetrics {
  const { level = 1, composite = 0.5, cohesion = 2, ...rest } = parts;
  return {
    format: METRICS_FORMAT,
    maturity: {
      level,
      composite,
      growthStage: 2,
      components: [
        { key: "cohesion", value: cohesion, score: cohesion === null ? 0 : cohesion / 12, contribution: cohesion === null ? 0 : (0.1 * cohesion) / 12 },
        { key: "practices", value: null, score: 0, contribution: 0 },
      ],
    },
    bridgeActors: [],
    network: {
      actors: 10,
      activeActors: 4,
      activeActorsByProfile: { ECONOMIC: 1, GENERAL_INTEREST: 1, PUBLIC: 1, ACADEMIC: 1 },
      ties: 5,
      crossProfileTies: 2,
      density: 0.1,
      components: 7,
      largestComponentShare: 0.4,
    },
    interactionValue: { ties: 5, total: 2.5, mean: 0.5 },
    activeActors: [],
    crossProfileTies: [],
    ...rest,
  };
}

describe("graph/ecosystem/history/metricsDiff", () => {
  it("computes a change only when both sides are defined", () => {
    expect(change(1, 3)).toEqual({ from: 1, to: 3, change: 2 });
    expect(change(null, 3)).toEqual({ from: null, to: 3, change: null });
    expect(change(2, null)).toEqual({ from: 2, to: null, change: null });
  });

  it("reports a maturity move with each component's delta", () => {
    const diff = diffMetrics(day({ level: 1, composite: 0.7, cohesion: null }), day({ level: 2, composite: 0.8, cohesion: 6 }));
    expect(diff.maturity.level).toEqual({ from: 1, to: 2, change: 1 });
    expect(diff.maturity.composite.change).toBeCloseTo(0.1, 12);
    expect(diff.maturity.growthStage).toEqual({ from: 2, to: 2, change: 0 });
    const cohesion = diff.maturity.components.find((c) => c.key === "cohesion")!;
    expect(cohesion.value).toEqual({ from: null, to: 6, change: null });
    expect(cohesion.score).toEqual({ from: 0, to: 0.5, change: 0.5 });
    expect(cohesion.contribution.change).toBeCloseTo(0.05, 12);
    expect(diff.maturity.components.find((c) => c.key === "practices")!.value.change).toBeNull();
  });

  it("splits bridge actors into gained (later order), lost (earlier order) and kept, with ranks and scores", () => {
    const before = day({
      bridgeActors: [
        { actorId: 7, score: 0.9 },
        { actorId: 3, score: 0.5 },
        { actorId: 4, score: 0.2 },
      ],
    });
    const after = day({
      bridgeActors: [
        { actorId: 9, score: 0.8 },
        { actorId: 3, score: 0.7 },
        { actorId: 8, score: 0.1 },
      ],
    });
    const { gained, lost, kept } = diffMetrics(before, after).bridgeActors;
    expect(gained.map((b) => b.actorId)).toEqual([9, 8]);
    expect(lost.map((b) => b.actorId)).toEqual([7, 4]);
    expect(kept).toEqual([{ actorId: 3, rankFrom: 2, rankTo: 2, scoreFrom: 0.5, scoreTo: 0.7 }]);
    expect(gained[0]).toEqual({ actorId: 9, rankFrom: null, rankTo: 1, scoreFrom: null, scoreTo: 0.8 });
    expect(lost[0]).toEqual({ actorId: 7, rankFrom: 1, rankTo: null, scoreFrom: 0.9, scoreTo: null });
  });

  it("finds new and lost cross-profile ties with the profiles each day knew", () => {
    const before = day({
      activeActors: [
        { id: 1, profile: "ECONOMIC" },
        { id: 2, profile: "PUBLIC" },
        { id: 3, profile: "ACADEMIC" },
      ],
      crossProfileTies: [
        [1, 2],
        [2, 3],
      ],
    });
    const after = day({
      activeActors: [
        { id: 1, profile: "ECONOMIC" },
        { id: 2, profile: "PUBLIC" },
        { id: 4, profile: "GENERAL_INTEREST" },
      ],
      crossProfileTies: [
        [1, 2],
        [1, 4],
      ],
    });
    const diff = diffMetrics(before, after);
    expect(diff.crossProfileTies.gained).toEqual([{ a: { id: 1, profile: "ECONOMIC" }, b: { id: 4, profile: "GENERAL_INTEREST" } }]);
    expect(diff.crossProfileTies.lost).toEqual([{ a: { id: 2, profile: "PUBLIC" }, b: { id: 3, profile: "ACADEMIC" } }]);
    expect(diff.actors.joined).toEqual([{ id: 4, profile: "GENERAL_INTEREST" }]);
    expect(diff.actors.left).toEqual([{ id: 3, profile: "ACADEMIC" }]);
  });

  it("lists every network figure once, in order, and nothing changed between two equal days", () => {
    const diff = diffMetrics(day({}), day({}));
    expect(diff.network.map((f) => f.figure)).toEqual([...NETWORK_FIGURES]);
    expect(diff.network.every((f) => f.change === 0)).toBe(true);
    expect(diff.bridgeActors).toEqual({ gained: [], lost: [], kept: [] });
    expect(diff.crossProfileTies).toEqual({ gained: [], lost: [] });
    expect(diff.actors).toEqual({ joined: [], left: [] });
  });

  it("compares a density that was undefined as null", () => {
    const before = day({ network: { ...day({}).network, density: null } });
    expect(diffMetrics(before, day({})).network.find((f) => f.figure === "density")).toEqual({ figure: "density", from: null, to: 0.1, change: null });
  });
});
