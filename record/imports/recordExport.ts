import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { TerritoryLevel } from "../generated/prisma/enums.js";
import { prefixesOf, territoryUnder } from "../territoryScope.js";
import { COLUMNS, jsonKeys, type RecordType } from "./importColumns.js";

export interface ExportScope {
  /** A territory and everything under it; none for the whole record. */
  territory?: { level: TerritoryLevel; code: string } | undefined;
}

export type ImportBundle = { format: string } & Record<RecordType, Record<string, unknown>[]>;

const day = (date: Date) => date.toISOString().slice(0, 10);
const KIND: Record<RecordType, string> = { actors: "actor", alliances: "alliance", interactions: "interaction", needs: "need", practices: "practice" };

/**
 * Writes a scope of the record in the import's own JSON format (a bundle that
 * `maillage import --type all` reads back): the actors acting in the territory or under it, every
 * alliance and interaction they take part in, and, so that the file refers only to itself, the
 * other actors those name (with the alliances their interactions belong to); the need assessments
 * of the territories under it and the practice assessments of the actors. A record keeps its own
 * external id, or gets `maillage:<kind>:<record id>`; contacts (personal data) are never written.
 */
export async function exportRecord(prisma: PrismaClient, scope: ExportScope = {}): Promise<ImportBundle> {
  const territories = new Map((await prisma.territory.findMany({ select: { id: true, level: true, code: true } })).map((t) => [t.id, `${t.level}:${t.code}`]));
  const under = scope.territory ? await territoryFilter(prisma, scope.territory) : undefined;
  const inScope: Prisma.ActorWhereInput = under ? { territories: { some: { territory: under } } } : {};

  const interactions = await prisma.interaction.findMany({
    where: under ? { participants: { some: { actor: inScope } } } : {},
    select: {
      id: true,
      externalId: true,
      kind: true,
      date: true,
      description: true,
      intensity: true,
      amountEuros: true,
      allianceId: true,
      participants: { select: { actorId: true }, orderBy: { actorId: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  const allianceIds = [...new Set(interactions.flatMap((i) => (i.allianceId === null ? [] : [i.allianceId])))];
  const alliances = await prisma.alliance.findMany({
    where: under ? { OR: [{ members: { some: { actor: inScope } } }, { id: { in: allianceIds } }] } : {},
    select: {
      id: true,
      externalId: true,
      name: true,
      purpose: true,
      startDate: true,
      endDate: true,
      modalities: true,
      levers: true,
      impacts: true,
      declaredById: true,
      members: { select: { actorId: true, role: true, confirmedAt: true }, orderBy: { actorId: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  const named = [...alliances.flatMap((a) => a.members.map((m) => m.actorId)), ...interactions.flatMap((i) => i.participants.map((p) => p.actorId))];
  const actors = await prisma.actor.findMany({
    where: under ? { OR: [inScope, { id: { in: [...new Set(named)] } }] } : {},
    select: {
      id: true,
      externalId: true,
      name: true,
      kind: true,
      profile: true,
      isCatalyst: true,
      siren: true,
      siret: true,
      rna: true,
      description: true,
      website: true,
      territories: { select: { territoryId: true }, orderBy: { territoryId: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  const actorIds = actors.map((a) => a.id);
  const needs = await prisma.needAssessment.findMany({
    where: under ? { territory: under } : {},
    select: { id: true, externalId: true, territoryId: true, date: true, level: true, assessedBy: true, notes: true },
    orderBy: { id: "asc" },
  });
  const practices = await prisma.practiceAssessment.findMany({
    where: under ? { actorId: { in: actorIds } } : {},
    select: { id: true, externalId: true, actorId: true, date: true, scores: { select: { practice: true, score: true } } },
    orderBy: { id: "asc" },
  });

  const actorRef = externalIds("actors", actors);
  const allianceRef = externalIds("alliances", alliances);
  const bundle: ImportBundle = {
    format: "maillage-import/1",
    actors: actors.map((a) =>
      compact("actors", {
        id: actorRef(a.id),
        name: a.name,
        kind: a.kind,
        profile: a.profile,
        isCatalyst: a.isCatalyst,
        territories: a.territories.map((t) => territories.get(t.territoryId)!),
        siren: a.siren,
        siret: a.siret,
        rna: a.rna,
        description: a.description,
        website: a.website,
      }),
    ),
    alliances: alliances.map((a) =>
      compact("alliances", {
        id: allianceRef(a.id),
        name: a.name,
        purpose: a.purpose,
        startDate: day(a.startDate),
        endDate: a.endDate && day(a.endDate),
        modalities: a.modalities,
        levers: a.levers,
        impacts: a.impacts,
        members: a.members.map((m) => ({ actor: actorRef(m.actorId), role: m.role, ...(m.confirmedAt && { confirmedAt: m.confirmedAt.toISOString() }) })),
        declaredBy: a.declaredById === null ? null : actorRef(a.declaredById),
      }),
    ),
    interactions: interactions.map((i, _, all) =>
      compact("interactions", {
        id: externalIds("interactions", all)(i.id),
        kind: i.kind,
        date: day(i.date),
        participants: i.participants.map((p) => actorRef(p.actorId)),
        alliance: i.allianceId === null ? null : allianceRef(i.allianceId),
        description: i.description,
        intensity: i.intensity,
        amountEuros: i.amountEuros,
      }),
    ),
    needs: needs.map((n, _, all) =>
      compact("needs", {
        id: externalIds("needs", all)(n.id),
        territory: territories.get(n.territoryId)!,
        date: day(n.date),
        level: n.level,
        assessedBy: n.assessedBy,
        notes: n.notes,
      }),
    ),
    practices: practices.map((p, _, all) =>
      compact("practices", {
        id: externalIds("practices", all)(p.id),
        actor: actorRef(p.actorId),
        date: day(p.date),
        scores: Object.fromEntries(p.scores.map((s) => [s.practice, s.score])),
      }),
    ),
  };
  return bundle;
}

async function territoryFilter(prisma: PrismaClient, territory: { level: TerritoryLevel; code: string }): Promise<Prisma.TerritoryWhereInput> {
  const row = await prisma.territory.findUnique({ where: { level_code: territory }, select: { path: true, members: { select: { path: true } } } });
  if (!row) throw new Error(`export: no ${territory.level} territory has the code ${territory.code}`);
  return territoryUnder(prefixesOf(row));
}

/**
 * Each record's external id: its own, unless two exported records of a kind share one (they
 * came from two sources), in which case the later ones take their record id instead.
 */
const cache = new WeakMap<object, (id: number) => string>();
function externalIds(type: RecordType, records: { id: number; externalId: string | null }[]): (id: number) => string {
  const known = cache.get(records);
  if (known) return known;
  const taken = new Set<string>();
  const ids = new Map<number, string>();
  for (const record of records) {
    const own = record.externalId !== null && !taken.has(record.externalId) ? record.externalId : `maillage:${KIND[type]}:${record.id}`;
    taken.add(own);
    ids.set(record.id, own);
  }
  const lookup = (id: number) => ids.get(id) ?? `maillage:${KIND[type]}:${id}`;
  cache.set(records, lookup);
  return lookup;
}

/** Leaves out empty fields, in the column order of the format, as a person would write the file. */
function compact(type: RecordType, record: Record<string, unknown>): Record<string, unknown> {
  const order = type === "practices" ? jsonKeys(type) : COLUMNS[type].map((c) => c.name);
  return Object.fromEntries(
    order
      .filter((key) => record[key] !== null && record[key] !== undefined && !(Array.isArray(record[key]) && (record[key] as unknown[]).length === 0))
      .map((key) => [key, record[key]]),
  );
}
