import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords, type ImportOptions } from "../../record/imports/importRecords.js";
import { Random } from "../../server/seed/random.js";
import { recordFingerprint } from "../support/recordFingerprint.js";
import { openEmptyRecord, type EmptyRecord } from "./emptyRecord.js";

let record: EmptyRecord;
beforeAll(async () => {
  record = await openEmptyRecord();
});
afterAll(() => record?.close());

const KINDS = ["MEETING", "JOINT_PROJECT", "RESOURCE_EXCHANGE", "FUNDING"] as const;

/** A seeded bundle: actors in one EPCI and interactions between them. */
function bundle(actors: number, interactions: number, seed = 7) {
  const rng = new Random(seed);
  return {
    actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, name: `Acteur ${i}`, kind: "ASSOCIATION", territories: ["200071363"] })),
    interactions: Array.from({ length: interactions }, (_, i) => {
      const a = rng.int(0, actors - 1);
      const b = (a + rng.int(1, actors - 1)) % actors;
      return {
        id: `i${i}`,
        kind: KINDS[i % 4],
        date: `2025-${String(1 + (i % 12)).padStart(2, "0")}-15`,
        participants: [`a${a}`, `a${b}`],
        intensity: 1 + (i % 5),
      };
    }),
  };
}

const run = (content: unknown, options: Partial<ImportOptions> = {}) =>
  importRecords(record.db.prisma, { type: "all", format: "json", content: JSON.stringify(content), source: "idem", batchSize: 40, ...options });

describe("importing again", () => {
  const file = bundle(30, 200);

  it("a dry run reports what would be created and writes nothing", async () => {
    const before = await recordFingerprint(record.db);
    const report = await run(file, { dryRun: true });
    expect(report.counts.map((c) => [c.type, c.created])).toEqual([
      ["actors", 30],
      ["interactions", 200],
    ]);
    expect(report.written).toBe(false);
    expect(await recordFingerprint(record.db)).toEqual(before);
  });

  it("the same file twice: the second run finds everything unchanged and writes no event", async () => {
    const first = await run(file);
    expect(first.total).toEqual({ rows: 230, created: 230, updated: 0, unchanged: 0, rejected: 0 });
    expect(await record.db.prisma.outboxEvent.groupBy({ by: ["aggregate", "operation"], _count: true, orderBy: { aggregate: "asc" } })).toEqual([
      { aggregate: "ACTOR", operation: "CREATED", _count: 30 },
      { aggregate: "INTERACTION", operation: "CREATED", _count: 200 },
    ]);
    const before = await recordFingerprint(record.db);
    const second = await run(file);
    expect(second.total).toEqual({ rows: 230, created: 0, updated: 0, unchanged: 230, rejected: 0 });
    expect(await recordFingerprint(record.db)).toEqual(before);
  });

  it("changed rows are updated, with an event each, and the rest left alone", async () => {
    const changed = structuredClone(file);
    changed.actors[3]!.name = "Acteur trois";
    changed.interactions[10]!.intensity = changed.interactions[10]!.intensity === 5 ? 4 : 5;
    changed.interactions[11]!.participants = ["a0", "a1"];
    const events = await record.db.prisma.outboxEvent.count();
    const report = await run(changed);
    expect(report.total).toMatchObject({ created: 0, updated: 3, unchanged: 227 });
    expect(report.changes.map((c) => [c.type, c.id, c.action])).toEqual([
      ["actors", "a3", "updated"],
      ["interactions", "i10", "updated"],
      ["interactions", "i11", "updated"],
    ]);
    const latest = await record.db.prisma.outboxEvent.findMany({
      where: { position: { gt: events } },
      orderBy: { position: "asc" },
      select: { aggregate: true, operation: true, payload: true },
    });
    expect(latest.map((e) => [e.aggregate, e.operation])).toEqual([
      ["ACTOR", "UPDATED"],
      ["INTERACTION", "UPDATED"],
      ["INTERACTION", "UPDATED"],
    ]);
    const participants = await record.db.prisma.interaction.findFirstOrThrow({
      where: { source: "idem", externalId: "i11" },
      select: { participants: { select: { actor: { select: { externalId: true } } } } },
    });
    expect(participants.participants.map((p) => p.actor.externalId).sort()).toEqual(["a0", "a1"]);
  });
});

describe("an interrupted import", () => {
  const file = bundle(20, 300, 11);

  it("run again, picks up where it stopped", async () => {
    let batches = 0;
    // The import stops (as a killed process would) after its third committed batch of interactions.
    const interrupted = run(file, {
      source: "resume",
      onProgress: ({ type, done }) => {
        if (type === "interactions" && done > 0 && ++batches === 3) throw new Error("interrupted");
      },
    });
    await expect(interrupted).rejects.toThrow("interrupted");
    expect(await record.db.prisma.interaction.count({ where: { source: "resume" } })).toBe(120);
    const resumed = await run(file, { source: "resume" });
    expect(resumed.counts).toEqual([
      { type: "actors", rows: 20, created: 0, updated: 0, unchanged: 20, rejected: 0 },
      { type: "interactions", rows: 300, created: 180, updated: 0, unchanged: 120, rejected: 0 },
    ]);
    expect(await record.db.prisma.interaction.count({ where: { source: "resume" } })).toBe(300);
  });

  it("a file imported in halves, then whole, ends as the whole file", async () => {
    const half = { ...file, interactions: file.interactions.slice(0, 150) };
    expect((await run(half, { source: "halves" })).total.created).toBe(170);
    const whole = await run(file, { source: "halves" });
    expect(whole.total).toMatchObject({ created: 150, unchanged: 170 });
  });
});

describe("--strict", () => {
  it("writes nothing when a row is refused, and reports what would have been done", async () => {
    const file = bundle(5, 10, 3);
    file.interactions[4]!.participants = ["a1", "nobody"];
    const before = await recordFingerprint(record.db);
    const report = await run(file, { source: "strict", strict: true });
    expect(report.written).toBe(false);
    expect(report.total).toMatchObject({ created: 14, rejected: 1 });
    expect(report.rejections.map((r) => [r.at.record, r.column])).toEqual([[5, "participants"]]);
    expect(await recordFingerprint(record.db)).toEqual(before);
  });
});
