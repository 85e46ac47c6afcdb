import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { actorEvent, allianceEvent, interactionEvent, practiceAssessmentEvent, type RecordEvent } from "../events.js";
import { bulkInsert } from "./bulkInsert.js";
import type { RecordType } from "./importColumns.js";
import type { Resolved } from "./planSection.js";
import type { RecordRef } from "./references.js";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

/** A row's values with every reference bound to a record id: the state the record should hold. */
export type Bound<T extends RecordType> = BoundOf<Resolved[T]>;
type BoundOf<V> = V extends RecordRef ? number : V extends Date ? Date : V extends (infer I)[] ? BoundOf<I>[] : V extends object ? { [K in keyof V]: BoundOf<V[K]> } : V;

/** Record ids of what rows name: actors and alliances are told apart, their file ids may coincide. */
export interface Binder {
  actor(ref: RecordRef): number;
  alliance(ref: RecordRef): number;
}

export interface Existing<T extends RecordType> {
  id: number;
  state: Bound<T>;
}

/**
 * What the import needs of each record type: read the records a batch names, say whether a row
 * changes one, create and update them as the API's mutations do, and the outbox event of a
 * change (record/events.ts), for the record types the graph engines follow.
 */
export interface RecordAdapter<T extends RecordType> {
  recordType: string;
  bind(values: Resolved[T], ids: Binder): Bound<T>;
  /** A canonical text of a state: equal texts, nothing to write. */
  canonical(state: Bound<T>): string;
  load(db: Db, source: string, externalIds: string[]): Promise<Map<string, Existing<T>>>;
  create(tx: Tx, source: string, rows: { externalId: string; state: Bound<T> }[]): Promise<Map<string, number>>;
  update(tx: Tx, id: number, state: Bound<T>, previous: Bound<T>): Promise<void>;
  /** The outbox event of a change; null for a record type the graph engines do not follow. */
  event(operation: "CREATED" | "UPDATED", id: number, state: Bound<T>): RecordEvent | null;
}

// Column types of the bulk inserts (PostgreSQL names, enums quoted), as in prisma/migrations.
const ACTOR = {
  name: "text", profile: '"Profile"', kind: '"ActorKind"', isCatalyst: "boolean", siren: "text", siret: "text", rna: "text", description: "text", website: "text",
  source: "text", externalId: "text",
};
const ALLIANCE = {
  name: "text", purpose: "text", modalities: '"Modality"[]', levers: '"Lever"[]', impacts: '"Impact"[]', startDate: "date", endDate: "date", declaredById: "int",
  source: "text", externalId: "text",
};
const ALLIANCE_MEMBER = { allianceId: "int", actorId: "int", role: '"MemberRole"', confirmedAt: "timestamp(3)" };
const INTERACTION = { kind: '"InteractionKind"', date: "date", description: "text", intensity: "int", amountEuros: "int", allianceId: "int", source: "text", externalId: "text" };
const NEED_ASSESSMENT = { territoryId: "int", date: "date", level: "int", assessedBy: "text", notes: "text", source: "text", externalId: "text" };
/** Prisma fills @updatedAt itself; a raw insert must. */
const STAMPED = { updatedAt: "now()" };

/** Inserts rows that carry their external id, and answers each one's new record id by it. */
async function insertReturningIds(tx: Tx, table: string, rows: Record<string, unknown>[], types: Record<string, string>, defaults?: Record<string, string>): Promise<Map<string, number>> {
  const created = await bulkInsert(tx, table, rows, types, { defaults, returning: ["id", "externalId"] });
  return new Map(created.map((c) => [c.externalId as string, c.id as number]));
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const instant = (date: Date | null) => (date ? date.toISOString() : null);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const sameList = (a: number[], b: number[]) => a.length === b.length && sorted(a).every((v, i) => v === sorted(b)[i]);

const actors: RecordAdapter<"actors"> = {
  recordType: "Actor",
  bind: (v) => v as Bound<"actors">,
  canonical: (s) => JSON.stringify([s.name, s.profile, s.kind, s.isCatalyst, s.siren, s.siret, s.rna, s.description, s.website, sorted(s.territories)]),
  load: async (db, source, externalIds) => {
    const rows = await db.actor.findMany({
      where: { source, externalId: { in: externalIds } },
      select: {
        id: true, externalId: true, name: true, profile: true, kind: true, isCatalyst: true, siren: true, siret: true, rna: true, description: true, website: true,
        territories: { select: { territoryId: true } },
      },
    });
    return new Map(rows.map(({ id, externalId, territories, ...rest }) => [externalId!, { id, state: { ...rest, territories: territories.map((t) => t.territoryId) } }]));
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(tx, "Actor", rows.map(({ externalId, state: { territories: _, ...fields } }) => ({ ...fields, source, externalId })), ACTOR, STAMPED);
    await bulkInsert(tx, "ActorTerritory", rows.flatMap((r) => r.state.territories.map((territoryId) => ({ actorId: ids.get(r.externalId)!, territoryId }))), { actorId: "int", territoryId: "int" });
    return ids;
  },
  update: async (tx, id, { territories, ...fields }, previous) => {
    await tx.actor.update({ where: { id }, data: fields, select: { id: true } });
    if (!sameList(territories, previous.territories)) {
      await tx.actorTerritory.deleteMany({ where: { actorId: id } });
      await tx.actorTerritory.createMany({ data: territories.map((territoryId) => ({ actorId: id, territoryId })) });
    }
  },
  event: (operation, id, s) => actorEvent(operation, { id, name: s.name, profile: s.profile, kind: s.kind, isCatalyst: s.isCatalyst, territories: s.territories }),
};

const alliances: RecordAdapter<"alliances"> = {
  recordType: "Alliance",
  bind: (v, ids) => ({ ...v, declaredBy: v.declaredBy === null ? null : ids.actor(v.declaredBy), members: v.members.map((m) => ({ ...m, actor: ids.actor(m.actor) })) }),
  canonical: (s) =>
    JSON.stringify([
      s.name, s.purpose, s.modalities, s.levers, s.impacts, day(s.startDate), s.endDate && day(s.endDate), s.declaredBy,
      [...s.members].sort((a, b) => a.actor - b.actor).map((m) => [m.actor, m.role, instant(m.confirmedAt)]),
    ]),
  load: async (db, source, externalIds) => {
    const rows = await db.alliance.findMany({
      where: { source, externalId: { in: externalIds } },
      select: {
        id: true, externalId: true, name: true, purpose: true, modalities: true, levers: true, impacts: true, startDate: true, endDate: true, declaredById: true,
        members: { select: { actorId: true, role: true, confirmedAt: true } },
      },
    });
    return new Map(
      rows.map(({ id, externalId, declaredById, members, ...rest }) => [
        externalId!,
        { id, state: { ...rest, declaredBy: declaredById, members: members.map((m) => ({ actor: m.actorId, role: m.role, confirmedAt: m.confirmedAt })) } },
      ]),
    );
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(tx, "Alliance", rows.map(({ externalId, state: { members: _, declaredBy, ...fields } }) => ({ ...fields, declaredById: declaredBy, source, externalId })), ALLIANCE, STAMPED);
    await bulkInsert(tx, "AllianceMember", rows.flatMap((r) => r.state.members.map((m) => ({ allianceId: ids.get(r.externalId)!, actorId: m.actor, role: m.role, confirmedAt: m.confirmedAt }))), ALLIANCE_MEMBER);
    return ids;
  },
  update: async (tx, id, { members, declaredBy, ...fields }) => {
    // Members go first: declaredBy must name one of them.
    await tx.allianceMember.deleteMany({ where: { allianceId: id } });
    await tx.allianceMember.createMany({ data: members.map((m) => ({ allianceId: id, actorId: m.actor, role: m.role, confirmedAt: m.confirmedAt })) });
    await tx.alliance.update({ where: { id }, data: { ...fields, declaredById: declaredBy }, select: { id: true } });
  },
  event: (operation, id, s) =>
    allianceEvent(operation, {
      id, startDate: s.startDate, endDate: s.endDate, modalities: s.modalities, levers: s.levers, impacts: s.impacts,
      members: s.members.map((m) => ({ actorId: m.actor, role: m.role, confirmedAt: m.confirmedAt })),
    }),
};

const interactions: RecordAdapter<"interactions"> = {
  recordType: "Interaction",
  bind: (v, ids) => ({ ...v, alliance: v.alliance === null ? null : ids.alliance(v.alliance), participants: v.participants.map((p) => ids.actor(p)) }),
  canonical: (s) => JSON.stringify([s.kind, day(s.date), s.description, s.intensity, s.amountEuros, s.alliance, sorted(s.participants)]),
  load: async (db, source, externalIds) => {
    const rows = await db.interaction.findMany({
      where: { source, externalId: { in: externalIds } },
      select: { id: true, externalId: true, kind: true, date: true, description: true, intensity: true, amountEuros: true, allianceId: true, participants: { select: { actorId: true } } },
    });
    return new Map(
      rows.map(({ id, externalId, allianceId, participants, ...rest }) => [externalId!, { id, state: { ...rest, alliance: allianceId, participants: participants.map((p) => p.actorId) } }]),
    );
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(tx, "Interaction", rows.map(({ externalId, state: { participants: _, alliance, ...fields } }) => ({ ...fields, allianceId: alliance, source, externalId })), INTERACTION);
    await bulkInsert(tx, "InteractionParticipant", rows.flatMap((r) => r.state.participants.map((actorId) => ({ interactionId: ids.get(r.externalId)!, actorId }))), { interactionId: "int", actorId: "int" });
    return ids;
  },
  update: async (tx, id, { participants, alliance, ...fields }, previous) => {
    await tx.interaction.update({ where: { id }, data: { ...fields, allianceId: alliance }, select: { id: true } });
    if (!sameList(participants, previous.participants)) {
      await tx.interactionParticipant.deleteMany({ where: { interactionId: id } });
      await tx.interactionParticipant.createMany({ data: participants.map((actorId) => ({ interactionId: id, actorId })) });
    }
  },
  event: (operation, id, s) =>
    interactionEvent(operation, { id, kind: s.kind, date: s.date, intensity: s.intensity, amountEuros: s.amountEuros, allianceId: s.alliance, participants: s.participants }),
};

const needs: RecordAdapter<"needs"> = {
  recordType: "NeedAssessment",
  bind: (v) => v,
  canonical: (s) => JSON.stringify([s.territoryId, day(s.date), s.level, s.assessedBy, s.notes]),
  load: async (db, source, externalIds) => {
    const rows = await db.needAssessment.findMany({
      where: { source, externalId: { in: externalIds } },
      select: { id: true, externalId: true, territoryId: true, date: true, level: true, assessedBy: true, notes: true },
    });
    return new Map(rows.map(({ id, externalId, ...state }) => [externalId!, { id, state }]));
  },
  create: async (tx, source, rows) => {
    return insertReturningIds(tx, "NeedAssessment", rows.map(({ externalId, state }) => ({ ...state, source, externalId })), NEED_ASSESSMENT);
  },
  update: async (tx, id, state) => void (await tx.needAssessment.update({ where: { id }, data: state, select: { id: true } })),
  // The graph engines do not read need assessments, and the API writes no event for them either.
  event: () => null,
};

const practices: RecordAdapter<"practices"> = {
  recordType: "PracticeAssessment",
  bind: (v, ids) => ({ ...v, actor: ids.actor(v.actor) }),
  canonical: (s) => JSON.stringify([s.actor, day(s.date), Object.entries(s.scores).sort(([a], [b]) => a.localeCompare(b))]),
  load: async (db, source, externalIds) => {
    const rows = await db.practiceAssessment.findMany({
      where: { source, externalId: { in: externalIds } },
      select: { id: true, externalId: true, actorId: true, date: true, scores: { select: { practice: true, score: true } } },
    });
    return new Map(rows.map((r) => [r.externalId!, { id: r.id, state: { actor: r.actorId, date: r.date, scores: Object.fromEntries(r.scores.map((s) => [s.practice, s.score])) } }]));
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(tx, "PracticeAssessment", rows.map(({ externalId, state }) => ({ actorId: state.actor, date: state.date, source, externalId })), { actorId: "int", date: "date", source: "text", externalId: "text" });
    await bulkInsert(tx, "PracticeScore", rows.flatMap((r) => Object.entries(r.state.scores).map(([practice, score]) => ({ assessmentId: ids.get(r.externalId)!, practice, score }))), { assessmentId: "int", practice: "text", score: "int" });
    return ids;
  },
  update: async (tx, id, state) => {
    await tx.practiceAssessment.update({ where: { id }, data: { actorId: state.actor, date: state.date }, select: { id: true } });
    await tx.practiceScore.deleteMany({ where: { assessmentId: id } });
    await tx.practiceScore.createMany({ data: Object.entries(state.scores).map(([practice, score]) => ({ assessmentId: id, practice, score })) });
  },
  event: (operation, id, s) => {
    const values = Object.values(s.scores);
    return practiceAssessmentEvent(operation, { id, actorId: s.actor, date: s.date, mean: values.reduce((sum, v) => sum + v, 0) / values.length, scores: s.scores });
  },
};

export const ADAPTERS: { [T in RecordType]: RecordAdapter<T> } = { actors, alliances, interactions, needs, practices };
