import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ecosystemMaturity } from "../../graph/ecosystem/maturity.js";
import { LEVEL_THRESHOLDS, MATURITY_COMPONENTS } from "../../graph/ecosystem/maturityModel.js";
import { NetworkModel } from "../../graph/model.js";
import { buildSnapshot } from "../../graph/snapshot.js";
import type { Profile } from "../../record/generated/prisma/enums.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

const PROFILES: Profile[] = ["ECONOMIC", "GENERAL_INTEREST", "PUBLIC", "ACADEMIC"];

/** A model of one ecosystem (id 1, territory 10) from a tie list between actors 1..n. */
function ecosystemOf(n: number, ties: [number, number][], options: { modalities?: string[]; levers?: string[]; practice?: number; outside?: boolean } = {}) {
  const model = new NetworkModel({
    ecosystemOf: new Map([[10, 1]]),
    regionOf: new Map([
      [10, 99],
      [11, 99],
    ]),
  });
  for (let id = 1; id <= n; id += 1) {
    model.actors.set(id, { id, name: `A${id}`, profile: PROFILES[(id - 1) % 4]!, kind: "COMPANY", isCatalyst: false, territories: [10] });
    if (options.practice !== undefined)
      model.practiceAssessments.set(id, { id, actorId: id, date: new Date("2025-01-01"), mean: options.practice, scores: {} });
  }
  if (options.outside) {
    // One partner in another territory, tied to every member: the ecosystem's outward ties.
    model.actors.set(1000, { id: 1000, name: "Ailleurs", profile: "PUBLIC", kind: "INSTITUTION", isCatalyst: false, territories: [11] });
    ties = [...ties, ...Array.from({ length: n }, (_, i) => [i + 1, 1000] as [number, number])];
  }
  ties.forEach(([a, b], i) =>
    model.alliances.set(i + 1, {
      id: i + 1,
      startDate: new Date("2022-01-01"),
      endDate: null,
      modalities: (options.modalities ?? ["DIALOGUE"]) as never,
      levers: (options.levers ?? []) as never,
      impacts: [],
      members: [
        { actorId: a, role: "PARTNER", confirmedAt: new Date("2022-01-02") },
        { actorId: b, role: "PARTNER", confirmedAt: new Date("2022-01-02") },
      ],
    }),
  );
  return buildSnapshot(model, { asOf: new Date("2026-01-01") });
}

describe("graph/ecosystem/maturity", () => {
  it("has weights that sum to 1 and increasing level thresholds", () => {
    const total = Object.values(MATURITY_COMPONENTS).reduce((sum, c) => sum + c.weight, 0);
    expect(total).toBeCloseTo(1, 12);
    expect([...LEVEL_THRESHOLDS]).toEqual([...LEVEL_THRESHOLDS].sort());
  });

  it("puts an ecosystem with no actors at level 1, with nothing measured, and names what to work on", () => {
    const maturity = ecosystemMaturity(ecosystemOf(0, []), 1);
    expect(maturity.level).toBe(1);
    expect(maturity.growthStage).toBe(1);
    expect(maturity.components.find((c) => c.key === "cohesion")).toMatchObject({ value: null, score: 0, contribution: 0 });
    expect(maturity.nextStep.towardsLevel).toBe(2);
    expect(maturity.nextStep.weakest).toHaveLength(3);
    expect(maturity.nextStep.offers[0]!.fr).toMatch(/pratiques/);
  });

  it("reads scattered pairs as fragments and a star as hub-and-spoke", () => {
    expect(
      ecosystemMaturity(
        ecosystemOf(8, [
          [1, 2],
          [3, 4],
          [5, 6],
          [7, 8],
        ]),
        1,
      ).growthStage,
    ).toBe(1);
    expect(
      ecosystemMaturity(
        ecosystemOf(8, [
          [1, 2],
          [1, 3],
          [1, 4],
          [1, 5],
          [1, 6],
          [1, 7],
          [1, 8],
        ]),
        1,
      ).growthStage,
    ).toBe(2);
  });

  it("puts a dense, balanced, deeply cooperating ecosystem at level 4 with its contributions adding up", () => {
    const clique: [number, number][] = [];
    for (let a = 1; a <= 16; a += 1) for (let b = a + 1; b <= 16; b += 1) clique.push([a, b]);
    const maturity = ecosystemMaturity(
      ecosystemOf(16, clique, {
        modalities: ["DIALOGUE", "INNOVATE_TOGETHER", "POOL_RESOURCES"],
        levers: ["DATA", "FINANCE", "SKILLS", "TOOLS"],
        practice: 3.5,
        outside: true,
      }),
      1,
    );
    expect(maturity.growthStage).toBe(4);
    expect(maturity.level).toBe(4);
    expect(maturity.nextStep.towardsLevel).toBeNull();
    expect(maturity.composite).toBeCloseTo(
      maturity.components.reduce((sum, c) => sum + c.contribution, 0),
      12,
    );
    const presence = maturity.components.find((c) => c.key === "profilePresence")!;
    expect(presence).toMatchObject({ value: 4, score: 1 });
  });
});

describe("maturity on the demo programme", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("agrees with the assessed need level for most of the 81 ecosystems", async () => {
    const snapshot = await api.graph.snapshot();
    const ecosystems = await api.db.prisma.ecosystem.findMany({
      select: { id: true, territory: { select: { needAssessments: { orderBy: [{ date: "desc" }, { id: "desc" }], take: 1, select: { level: true } } } } },
    });
    const confusion = [1, 2, 3, 4].map(() => [0, 0, 0, 0]);
    for (const e of ecosystems) confusion[e.territory.needAssessments[0]!.level - 1]![ecosystemMaturity(snapshot, e.id).level - 1]! += 1;
    const agreeing = confusion.reduce((sum, row, i) => sum + row[i]!, 0);
    // Rows: assessed level 1-4; columns: computed level 1-4 (reported in the closing note).
    expect(confusion).toEqual([
      [45, 6, 0, 0],
      [1, 17, 2, 0],
      [0, 0, 7, 0],
      [0, 0, 0, 3],
    ]);
    expect(agreeing / ecosystems.length).toBeGreaterThan(0.85);
  });
});
