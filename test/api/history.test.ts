import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricSnapshotSchedule, takeMissingSnapshots } from "../../server/history/schedule.js";
import { expectRejected, recordNumber } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

const VICHY = "200071363";
let api: TestApi;
let ecosystem: { id: string; territoryId: number };
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystem(territoryCode: "${VICHY}") { id territory { id } } }`);
  ecosystem = { id: result.data.ecosystem.id, territoryId: recordNumber(result.data.ecosystem.territory.id) };
});
afterAll(() => api?.close());

const TAKE = `mutation ($input: TakeMetricSnapshotsInput!) {
  takeMetricSnapshots(input: $input) {
    __typename
    ... on TakeMetricSnapshotsSuccess {
      snapshots {
        id asOf trigger graphVersion territory { code }
        metrics {
          maturity { level composite components { key score } }
          bridgeActors { rank score actorId actor { id } }
          network { actors activeActors ties crossProfileTies density components activeActorsByProfile { profile count } }
          interactionValue { ties total }
        }
      }
    }
    ... on Error { code message }
    ... on InputValidationError { issues { path message } }
    ... on InvalidInputError { path }
  }
}`;

const snapshotsOf = (where: { asOf?: Date; trigger?: string } = {}) => api.db.prisma.metricSnapshot.count({ where });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("takeMetricSnapshots", () => {
  it("keeps an ecosystem's metrics as of a day, the same the analytics fields answer for that day", async () => {
    const result = await api.gql(TAKE, { input: { territoryCodes: [VICHY], asOf: "2025-06-30" } }, "EDITOR");
    const [snapshot] = result.data.takeMetricSnapshots.snapshots;
    expect(snapshot).toMatchObject({ asOf: "2025-06-30", trigger: "ON_DEMAND", territory: { code: VICHY } });
    const live = await api.gql(
      `query ($id: ID!) {
        node(id: $id) { ... on Ecosystem { maturity(asOf: "2025-06-30") { level composite } network(asOf: "2025-06-30") { stats { ties density components } ties { crossesProfiles } } interactionValue(asOf: "2025-06-30") { ties total } } }
        bridgeActors(scope: { ecosystem: $id }, first: 10, asOf: "2025-06-30") { score actor { id } }
      }`,
      { id: ecosystem.id },
    );
    const { maturity, network, interactionValue } = live.data.node;
    const { metrics } = snapshot;
    expect(metrics.maturity).toMatchObject({ level: maturity.level, composite: maturity.composite });
    expect(metrics.network).toMatchObject(network.stats);
    expect(metrics.network.crossProfileTies).toBe(network.ties.filter((t: { crossesProfiles: boolean }) => t.crossesProfiles).length);
    expect(metrics.interactionValue).toEqual(interactionValue);
    const bridges = live.data.bridgeActors.filter((b: { score: number }) => b.score > 0);
    expect(metrics.bridgeActors.map((b: any) => [b.actor.id, b.score])).toEqual(bridges.map((b: any) => [b.actor.id, b.score]));
    expect(metrics.bridgeActors.length).toBeGreaterThan(0);
    const byProfile = metrics.network.activeActorsByProfile.reduce((sum: number, p: { count: number }) => sum + p.count, 0);
    expect(byProfile).toBe(metrics.network.activeActors);
  });

  it("is idempotent per ecosystem and day: taken again, the one snapshot is refreshed; both takes are audited", async () => {
    const again = await api.gql(TAKE, { input: { territoryCodes: [VICHY], asOf: "2025-06-30" } }, "ADMIN");
    const first = await api.gql(TAKE, { input: { territoryCodes: [VICHY], asOf: "2025-06-30" } }, "EDITOR");
    expect(again.data.takeMetricSnapshots.snapshots[0].id).toBe(first.data.takeMetricSnapshots.snapshots[0].id);
    expect(await snapshotsOf({ asOf: day("2025-06-30") })).toBe(1);
    const log = await api.gql(
      `{ auditLog(first: 10, filter: { operation: "takeMetricSnapshots" }) { totalCount nodes { role recordType changes } } }`,
      {},
      "ADMIN",
    );
    expect(log.data.auditLog.totalCount).toBe(3);
    expect(log.data.auditLog.nodes[0]).toMatchObject({ role: "EDITOR", recordType: "MetricSnapshot" });
    expect(JSON.parse(log.data.auditLog.nodes[0].changes)).toEqual({ trigger: "ON_DEMAND", territoryCodes: [VICHY], asOf: "2025-06-30" });
  });

  it("takes every ecosystem as of today when given nothing", async () => {
    const result = await api.gql(TAKE, { input: {} }, "EDITOR");
    const snapshots = result.data.takeMetricSnapshots.snapshots;
    expect(snapshots).toHaveLength(81);
    const today = new Date().toISOString().slice(0, 10);
    expect(snapshots.every((s: { asOf: string }) => s.asOf === today)).toBe(true);
    expect(new Set(snapshots.map((s: any) => s.territory.code)).size).toBe(81);
  });

  it("is for editors and admins only, and writes nothing for anyone else", async () => {
    const before = await snapshotsOf();
    for (const role of ["ANONYMOUS", "RESEARCHER", "CATALYST"] as const) {
      const payload = await expectRejected(api, TAKE, { input: { territoryCodes: [VICHY], asOf: "2024-01-01" } }, "ForbiddenError", role);
      expect(payload.code).toBe("auth/forbidden");
    }
    expect(await snapshotsOf()).toBe(before);
  });

  it("refuses bad input with a typed error and writes nothing", async () => {
    const before = await snapshotsOf();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await expectRejected(api, TAKE, { input: { asOf: tomorrow } }, "InputValidationError");
    expect(future.issues).toEqual([{ path: ["input", "asOf"], message: "asOf must not be after today" }]);
    const ancient = await expectRejected(api, TAKE, { input: { asOf: "1899-12-31" } }, "InputValidationError");
    expect(ancient.issues[0].path).toEqual(["input", "asOf"]);
    const empty = await expectRejected(api, TAKE, { input: { territoryCodes: [] } }, "InputValidationError");
    expect(empty.issues[0].path).toEqual(["input", "territoryCodes"]);
    await expectRejected(api, TAKE, { input: { territoryCodes: [VICHY, VICHY] } }, "InputValidationError");
    const unknown = await expectRejected(api, TAKE, { input: { territoryCodes: [VICHY, "00000"] } }, "InvalidInputError");
    expect(unknown).toMatchObject({ code: "input/invalid", path: ["input", "territoryCodes", "1"], message: expect.stringMatching(/00000/) });
    expect(await snapshotsOf()).toBe(before);
  });
});

describe("the snapshot schedule", () => {
  const deps = () => ({ prisma: api.db.prisma, graph: api.graph });

  it("takes the day's missing snapshots and keeps those already taken", async () => {
    await api.gql(TAKE, { input: { territoryCodes: [VICHY], asOf: "2026-01-15" } }, "EDITOR");
    const now = new Date("2026-01-15T08:30:00Z");
    expect(await takeMissingSnapshots(deps(), now)).toBe(80);
    expect(await takeMissingSnapshots(deps(), now)).toBe(0);
    expect(await snapshotsOf({ asOf: day("2026-01-15"), trigger: "SCHEDULE" })).toBe(80);
    // The editor's snapshot of that day stays as it was taken.
    expect(await snapshotsOf({ asOf: day("2026-01-15"), trigger: "ON_DEMAND" })).toBe(1);
    // One audited write: the second round found nothing missing and wrote nothing.
    const audit = await api.db.prisma.auditEntry.findMany({ where: { operation: "takeMetricSnapshots", role: null } });
    expect(audit).toEqual([
      expect.objectContaining({ tokenId: null, recordType: "MetricSnapshot", changes: { trigger: "SCHEDULE", asOf: "2026-01-15", added: 80 } }),
    ]);
  });

  it("runs on its timer with the clock it is given, and stops for good", async () => {
    const schedule = startMetricSnapshotSchedule(deps(), { intervalMs: 20, firstRunAfterMs: 0, now: () => new Date("2026-03-01T23:59:00Z") });
    try {
      for (let waited = 0; (await snapshotsOf({ asOf: day("2026-03-01") })) < 81; waited += 1) {
        expect(waited).toBeLessThan(600);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await schedule.stop();
    }
    await api.db.prisma.metricSnapshot.deleteMany({ where: { asOf: day("2026-03-01") } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await snapshotsOf({ asOf: day("2026-03-01") })).toBe(0);
    expect(await schedule.runOnce()).toBe(81);
  });

  it("lists an ecosystem's snapshots newest day first", async () => {
    const result = await api.gql(
      `query ($id: ID!) { node(id: $id) { ... on Ecosystem { metricSnapshots(first: 10) { totalCount nodes { asOf trigger } } } } }`,
      { id: ecosystem.id },
    );
    const { totalCount, nodes } = result.data.node.metricSnapshots;
    expect(totalCount).toBe(await snapshotsOf({ territoryId: ecosystem.territoryId } as never));
    const days = nodes.map((n: { asOf: string }) => n.asOf);
    expect(days).toEqual([...days].sort().reverse());
    expect(days).toContain("2025-06-30");
  });
});

describe("Ecosystem.changes", () => {
  const CHANGES = `query ($id: ID!, $from: Date!, $to: Date!) {
    node(id: $id) { ... on Ecosystem { changes(from: $from, to: $to) {
      from { asOf source } to { asOf source }
      maturity { levelFrom levelTo levelChange composite { from to change } components { key score { from to change } } }
      gainedBridgeActors { actorId rankFrom rankTo scoreTo actor { name } }
      lostBridgeActors { actorId }
      newCrossProfileTies { a { actorId profile } b { actorId profile } }
      lostCrossProfileTies { a { actorId } }
      joinedActors { actorId profile }
      leftActors { actorId }
      network { figure from to change }
    } } }
  }`;

  it("shows the new cross-profile tie and the bridge actor an alliance made, live and then from a snapshot", async () => {
    // Three actors of three profiles, tied long before the demo's history (2019 on): a controlled past.
    const actors = (
      await api.gql(`query ($id: ID!) { node(id: $id) { ... on Ecosystem { actors(first: 500) { nodes { id name profile } } } } }`, { id: ecosystem.id })
    ).data.node.actors.nodes;
    const [x, y, z] = ["PUBLIC", "ECONOMIC", "GENERAL_INTEREST"].map((p) => actors.find((a: { profile: string }) => a.profile === p));
    const ally = (members: any[], startDate: string) =>
      api.gql(
        `mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) { __typename } }`,
        { input: { name: `Alliance ${startDate}`, startDate, members: members.map((m) => ({ actor: m.id })) } },
        "EDITOR",
      );
    expect((await ally([x, y], "1990-01-01")).data.createAlliance.__typename).toBe("CreateAllianceSuccess");
    expect((await ally([y, z], "1991-06-01")).data.createAlliance.__typename).toBe("CreateAllianceSuccess");

    const live = await api.gql(CHANGES, { id: ecosystem.id, from: "1991-01-01", to: "1992-01-01" });
    expect(live.errors).toBeUndefined();
    const changes = live.data.node.changes;
    expect([changes.from.source, changes.to.source]).toEqual(["LIVE", "LIVE"]);
    expect(changes.network.find((f: { figure: string }) => f.figure === "TIES")).toEqual({ figure: "TIES", from: 1, to: 2, change: 1 });
    const pair = (t: any) => [t.a, t.b].map((e) => `${e.actorId}:${e.profile}`).sort();
    expect(changes.newCrossProfileTies.map(pair)).toEqual([[`${y.id}:ECONOMIC`, `${z.id}:GENERAL_INTEREST`].sort()]);
    expect(changes.lostCrossProfileTies).toEqual([]);
    expect(changes.gainedBridgeActors).toEqual([{ actorId: y.id, rankFrom: null, rankTo: 1, scoreTo: expect.any(Number), actor: { name: y.name } }]);
    expect(changes.joinedActors).toEqual([{ actorId: z.id, profile: "GENERAL_INTEREST" }]);
    expect(changes.leftActors).toEqual([]);
    expect(changes.maturity).toMatchObject({ levelFrom: 1, levelTo: 1, levelChange: 0 });
    expect(changes.maturity.composite.change).toBeGreaterThan(0);

    await api.gql(TAKE, { input: { territoryCodes: [VICHY], asOf: "1991-01-01" } }, "EDITOR");
    const stored = (await api.gql(CHANGES, { id: ecosystem.id, from: "1991-01-01", to: "1992-01-01" })).data.node.changes;
    expect([stored.from.source, stored.to.source]).toEqual(["SNAPSHOT", "LIVE"]);
    expect({ ...stored, from: null }).toEqual({ ...changes, from: null });
  });

  it("refuses days in the wrong order or out of range", async () => {
    for (const [from, to] of [
      ["2025-01-02", "2025-01-01"],
      ["1850-01-01", "2025-01-01"],
      ["2025-01-01", new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)],
    ]) {
      const result = await api.gql(CHANGES, { id: ecosystem.id, from, to });
      expect(result.errors?.[0]?.extensions?.code).toBe("input/invalid");
    }
  });
});
