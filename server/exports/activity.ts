import { encodeGlobalID } from "@pothos/plugin-relay";
import { dayOf } from "../../graph/tieFeatures.js";
import type { PrismaClient } from "../generated/prisma/client.js";
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
  const members = actorIds === null ? {} : { actorId: { in: [...actorIds] } };
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

  const allianceRows = await prisma.alliance.findMany({
    where: { members: { some: members }, ...(request.asOf && { startDate: { lte: request.asOf } }) },
    select: {
      id: true,
      name: true,
      purpose: true,
      modalities: true,
      levers: true,
      impacts: true,
      startDate: true,
      endDate: true,
      source: true,
      externalId: true,
      members: { select: { actorId: true, role: true, confirmedAt: true }, orderBy: { actorId: "asc" } },
    },
    orderBy: { id: "asc" },
  });
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

  const interactionRows = await prisma.interaction.findMany({
    where: { participants: { some: members }, ...(request.asOf && { date: { lte: request.asOf } }) },
    select: { date: true, participants: { select: { actorId: true } } },
  });
  for (const row of interactionRows) {
    const day = dayOf(row.date);
    const inside = row.participants.map((p) => p.actorId).filter(inFile);
    for (let i = 0; i < inside.length; i += 1) for (let j = i + 1; j < inside.length; j += 1) addPeriod(inside[i]!, inside[j]!, { start: day, end: day });
  }
  return { periods, allianceMatches, alliances };
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
