import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryGraphEngine } from "../../graph/engines/memory/memoryEngine.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import { importRecords } from "../../record/imports/importRecords.js";
import { exportRecord, type ImportBundle } from "../../record/imports/recordExport.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { openEmptyRecord, type EmptyRecord } from "./emptyRecord.js";

let demo: TestApi;
let empty: EmptyRecord;
beforeAll(async () => {
  [demo, empty] = await Promise.all([startTestApi(), openEmptyRecord()]);
});
afterAll(async () => {
  await demo?.close();
  await empty?.close();
});

/** Every tie with an end among `actors`, keyed by its two actors' external ids, with all its facts. */
async function tieTable(prisma: PrismaClient, externalIdOf: (id: number) => string, actors: Set<string>) {
  const engine = new MemoryGraphEngine(prisma);
  await engine.start();
  const snapshot = await engine.snapshot();
  await engine.close();
  return snapshot.ties
    .map(({ a, b, ...facts }) => ({ pair: [externalIdOf(a), externalIdOf(b)].sort().join(" ~ "), facts }))
    .filter(({ pair }) => pair.split(" ~ ").some((id) => actors.has(id)))
    .sort((x, y) => x.pair.localeCompare(y.pair));
}

/**
 * A bundle in an order that does not depend on record ids: the second import's records interleave
 * with the first's, so the new record lists them (and members, participants) in another order.
 */
function normalised(bundle: ImportBundle) {
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
  const sorted = (list: unknown) => [...(list as string[])].sort();
  return {
    ...bundle,
    actors: bundle.actors.map((a) => ({ ...a, territories: sorted(a.territories) })).sort(byId),
    alliances: bundle.alliances
      .map((a) => ({ ...a, members: [...(a.members as { actor: string }[])].sort((x, y) => x.actor.localeCompare(y.actor)) }))
      .sort(byId),
    interactions: bundle.interactions.map((i) => ({ ...i, participants: sorted(i.participants) })).sort(byId),
    needs: [...bundle.needs].sort(byId),
    practices: [...bundle.practices].sort(byId),
  };
}

describe("export, re-import into an empty record, same network", () => {
  it.each(["EPCI", "PROJECT"] as const)(
    "holds for a demo ecosystem on %s: same actors, alliances with members and roles, interactions, assessments and tie table",
    async (level) => {
      const ecosystem = await demo.db.prisma.ecosystem.findFirstOrThrow({
        where: { territory: { level } },
        orderBy: { id: "asc" },
        select: { territory: { select: { level: true, code: true } } },
      });
      const scope = { territory: ecosystem.territory };
      const exported = await exportRecord(demo.db.prisma, scope);
      const territory = `${scope.territory.level}:${scope.territory.code}`;
      const inScope = new Set(exported.actors.filter((a) => (a.territories as string[]).includes(territory)).map((a) => a.id as string));
      expect(inScope.size).toBeGreaterThan(20);
      expect(exported.alliances.length).toBeGreaterThan(10);
      expect(exported.interactions.length).toBeGreaterThan(50);
      expect(JSON.stringify(exported)).not.toMatch(/@|email|phone/i);

      // Both ecosystems go into the same record: actors of the first met again are left unchanged.
      const report = await importRecords(empty.db.prisma, { type: "all", format: "json", content: JSON.stringify(exported), source: "round-trip" });
      expect(report.rejections).toEqual([]);
      const sizes = (bundle: ImportBundle) =>
        Object.fromEntries((["actors", "alliances", "interactions", "needs", "practices"] as const).map((t) => [t, bundle[t].length]));
      expect(Object.fromEntries(report.counts.map((c) => [c.type, c.created + c.unchanged]))).toEqual(sizes(exported));
      expect(report.total.updated).toBe(0);

      // The same scope exported from the new record is the same file: records keep their ids,
      // alliances their members, roles and confirmations, interactions their participants and alliance.
      expect(normalised(await exportRecord(empty.db.prisma, scope))).toEqual(normalised(exported));

      // And the graph engine draws the same ties between the same actors, with the same facts.
      const imported = new Map((await empty.db.prisma.actor.findMany({ select: { id: true, externalId: true } })).map((a) => [a.id, a.externalId!]));
      const before = await tieTable(demo.db.prisma, (id) => `maillage:actor:${id}`, inScope);
      const after = await tieTable(empty.db.prisma, (id) => imported.get(id)!, inScope);
      expect(before.length).toBeGreaterThan(30);
      expect(after).toEqual(before);
    },
  );
});
