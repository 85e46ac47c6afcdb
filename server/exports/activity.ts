import { encodeGlobalID } from "@pothos/plugin-relay";
import { dayOf } from "../../graph/tieFeatures.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import type { MemberRole } from "../../record/generated/prisma/enums.js";
import type { ExportAlliance, Spell } from "./dataset.js";
import type { ExportRequest } from "./request.js";

/**
 * When each pair of actors was active together, read from the record: the periods of the
 * alliances they share and the days of their interactions. The engine's snapshot keeps only a
 * tie's first and last day; Gephi's timeline and the period filter need the periods themselves.
 * Also which pairs share an alliance matching the modality and lever filters, and the alliances
 * themselves (for JSON-LD memberships).
 */
export interface PairActivity {
  /** Periods before merging, by pair key (pairKey). */
  periods: Map<number, Spell[]>;
  /** Pairs sharing at least one alliance that passes the modality and lever filters. */
  allianceMatches: Set<number>;
  alliances: ExportAlliance[];
}

/** The key of a pair of actor record ids, in either order. */
export function pairKey(x: number, y: number): number {
  return x < y ? x * 4_294_967_296 + y : y * 4_294_967_296 + x;
}

export async function readPairActivity(prisma: PrismaClient, actorIds: readonly number[] | null, request: ExportRequest): Promise<PairActivity> {
  const asOfDay = request.asOf ? dayOf(request.asOf) : null;
  const wanted = new Set(actorIds ?? []);
  const inFile = actorIds === null ? () => true : (id: number) => wanted.has(id);
  const periods = new Map<number, Spell[]>();
  const allianceMatches = new Set<number>();
  const addPeriod = (a: number, b: number, spell: Spell) => {
    const key = pairKey(a, b);
    const list = periods.get(key);
    if (list) list.push(spell);
    else periods.set(key, [spell]);
  };

  const allianceRows = await readAlliances(prisma, actorIds, request.asOf);
  const alliances: ExportAlliance[] = [];
  for (const row of allianceRows) {
    // An end after the export's day was not known on that day: the alliance was running.
    const endDate = row.endDate && (asOfDay === null || dayOf(row.endDate) <= asOfDay) ? row.endDate : null;
    const spell: Spell = { start: dayOf(row.startDate), end: endDate ? dayOf(endDate) : null };
    const matches = passes(row.modalities, request.modalities) && passes(row.levers, request.levers);
    const inside = row.members.filter((m) => inFile(m.actorId));
    for (let i = 0; i < inside.length; i += 1) {
      for (let j = i + 1; j < inside.length; j += 1) {
        addPeriod(inside[i]!.actorId, inside[j]!.actorId, spell);
        if (matches) allianceMatches.add(pairKey(inside[i]!.actorId, inside[j]!.actorId));
      }
    }
    if (!matches || !overlaps(spell, request)) continue;
    alliances.push({
      id: encodeGlobalID("Alliance", row.id),
      recordId: row.id,
      name: row.name,
      purpose: row.purpose,
      startDate: row.startDate,
      endDate,
      modalities: row.modalities,
      levers: row.levers,
      impacts: row.impacts,
      source: row.source,
      externalId: row.externalId,
      members: inside.map((m) => ({ actor: encodeGlobalID("Actor", m.actorId), actorRecordId: m.actorId, role: m.role, confirmedAt: m.confirmedAt })),
    });
  }

  const interactionRows = await readInteractions(prisma, actorIds, request.asOf);
  for (const row of interactionRows) {
    const day = dayOf(row.date);
    const inside = row.participants.filter(inFile);
    for (let i = 0; i < inside.length; i += 1) for (let j = i + 1; j < inside.length; j += 1) addPeriod(inside[i]!, inside[j]!, { start: day, end: day });
  }
  return { periods, allianceMatches, alliances };
}

/** A day as text: a Date parameter would be read in the database session's time zone. */
const dayText = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

type MemberRow = { actorId: number; role: MemberRole; confirmedAt: Date | null };
type AllianceRow = Omit<ExportAlliance, "id" | "recordId" | "members"> & { id: number; members: MemberRow[] };

/**
 * Alliances (started on or before `asOf`) with a member among `actorIds` (null: every alliance),
 * members aggregated in SQL: one statement and one row per alliance, where Prisma's relation
 * loading would send the national export's ids back and forth.
 */
async function readAlliances(prisma: PrismaClient, actorIds: readonly number[] | null, asOfDate: Date | null): Promise<AllianceRow[]> {
  const ids = actorIds === null ? null : [...actorIds];
  const asOf = dayText(asOfDate);
  const rows = await prisma.$queryRaw<(Omit<AllianceRow, "members"> & { members: { actorId: number; role: MemberRole; confirmedAt: string | null }[] })[]>`
    SELECT al.id, al.name, al.purpose, al.modalities::text[] AS modalities, al.levers::text[] AS levers, al.impacts::text[] AS impacts,
           al."startDate", al."endDate", al.source, al."externalId",
           json_agg(json_build_object('actorId', m."actorId", 'role', m.role, 'confirmedAt', m."confirmedAt") ORDER BY m."actorId") AS members
    FROM "Alliance" al JOIN "AllianceMember" m ON m."allianceId" = al.id
    WHERE (${asOf}::date IS NULL OR al."startDate" <= ${asOf}::date)
      AND (${ids}::int[] IS NULL OR EXISTS (SELECT 1 FROM "AllianceMember" x WHERE x."allianceId" = al.id AND x."actorId" = ANY(${ids}::int[])))
    GROUP BY al.id ORDER BY al.id`;
  return rows.map((row) => ({ ...row, members: row.members.map((m) => ({ ...m, confirmedAt: m.confirmedAt === null ? null : new Date(m.confirmedAt) })) }));
}

/** Interactions (dated on or before `asOf`) with a participant among `actorIds`, participants aggregated in SQL. */
function readInteractions(prisma: PrismaClient, actorIds: readonly number[] | null, asOfDate: Date | null): Promise<{ date: Date; participants: number[] }[]> {
  const ids = actorIds === null ? null : [...actorIds];
  const asOf = dayText(asOfDate);
  return prisma.$queryRaw`
    SELECT i.date, array_agg(p."actorId" ORDER BY p."actorId") AS participants
    FROM "Interaction" i JOIN "InteractionParticipant" p ON p."interactionId" = i.id
    WHERE (${asOf}::date IS NULL OR i.date <= ${asOf}::date)
      AND (${ids}::int[] IS NULL OR EXISTS (SELECT 1 FROM "InteractionParticipant" x WHERE x."interactionId" = i.id AND x."actorId" = ANY(${ids}::int[])))
    GROUP BY i.id`;
}

function passes<T>(values: readonly T[], wanted: readonly T[] | null): boolean {
  return wanted === null || values.some((value) => wanted.includes(value));
}

/** Whether a period meets the request's [from, to] window (no window: always). */
export function overlaps(spell: Spell, request: Pick<ExportRequest, "from" | "to">): boolean {
  if (request.from && spell.end !== null && spell.end < dayOf(request.from)) return false;
  if (request.to && spell.start > dayOf(request.to)) return false;
  return true;
}

/**
 * Periods merged into disjoint spells, in order: overlapping or touching periods (one starting the
 * day after another ends) become one, and a running period absorbs everything after it.
 */
export function mergeSpells(periods: readonly Spell[]): Spell[] {
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  const merged: Spell[] = [];
  for (const period of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.end === null || period.start <= last.end + 1)) {
      last.end = last.end === null || period.end === null ? null : Math.max(last.end, period.end);
    } else {
      merged.push({ ...period });
    }
  }
  return merged;
}
