import { describe, expect, it } from "vitest";
import { MembershipIndexCache } from "../../graph/membershipIndex.js";
import type { AllianceRecord } from "../../record/events.js";
import type { MemberRole } from "../../record/generated/prisma/enums.js";
import { NetworkModel } from "../../graph/model.js";

const alliance = (id: number, members: [number, MemberRole][]): AllianceRecord => ({
  id,
  startDate: new Date("2024-01-01"),
  endDate: null,
  modalities: [],
  levers: [],
  impacts: [],
  members: members.map(([actorId, role]) => ({ actorId, role, confirmedAt: null })),
});

describe("membership index", () => {
  it("lists an actor's alliances by alliance id and an alliance's members by actor id, and follows the model", () => {
    const model = new NetworkModel({ ecosystemOf: new Map(), regionOf: new Map() });
    model.alliances.set(
      9,
      alliance(9, [
        [3, "LEAD"],
        [1, "PARTNER"],
      ]),
    );
    model.alliances.set(
      4,
      alliance(4, [
        [1, "FUNDER"],
        [2, "PARTNER"],
        [3, "PARTNER"],
      ]),
    );
    model.version = 5n;
    const cache = new MembershipIndexCache();
    const index = cache.of(model);
    expect(index.byActor.get(1)!.map((m) => [m.allianceId, m.role])).toEqual([
      [4, "FUNDER"],
      [9, "PARTNER"],
    ]);
    expect(index.byActor.get(3)!.map((m) => m.allianceId)).toEqual([4, 9]);
    expect(index.byAlliance.get(9)!.map((m) => [m.actorId, m.role])).toEqual([
      [1, "PARTNER"],
      [3, "LEAD"],
    ]);
    expect(cache.of(model)).toBe(index);

    // An event applied in place: the index is rebuilt for the new version, the old one unchanged.
    model.alliances.delete(9);
    model.version = 6n;
    const next = cache.of(model);
    expect(next.byActor.get(3)!.map((m) => m.allianceId)).toEqual([4]);
    expect(index.byActor.get(3)!.map((m) => m.allianceId)).toEqual([4, 9]);
    expect(next.alliances.has(9)).toBe(false);
  });
});
