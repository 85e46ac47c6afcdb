import { ConflictError, NotFoundError } from "./errors.js";
import { allianceEvent } from "./events.js";
import type { Impact, Lever, MemberRole, Modality } from "./generated/prisma/enums.js";
import { bulkInsert, insertReturningIds, withoutId } from "./bulkInsert.js";
import * as T from "./tables.js";
import { day, instant } from "./imports/canonical.js";
import type { RecordAdapter } from "./imports/recordAdapters.js";
import { recordChange } from "./outbox.js";
import { requireAll, type Tx } from "./write.js";

/**
 * The alliance's write service: the rules on members, period and declarer that hold whoever
 * writes. Each function runs inside the caller's transaction (record/write.ts) and writes the
 * change's outbox event. `allianceImport` writes the importer's rows (record/imports/writeSection.ts)
 * by the batch.
 */

export interface MemberInput {
  actorId: number;
  role?: MemberRole | null;
  /** Whether this member confirms the alliance (now, or on the day it confirmed before). */
  confirmed?: boolean | null;
}

export interface AllianceInput {
  name: string;
  purpose?: string | null;
  modalities?: Modality[] | null;
  levers?: Lever[] | null;
  impacts?: Impact[] | null;
  startDate: Date;
  endDate?: Date | null;
  /** The member who declared the alliance. */
  declaredBy?: number | null;
  members: MemberInput[];
}

/** Fields left out (undefined) keep their value; `members`, when given, replace the membership. */
export type AllianceChanges = { [K in keyof AllianceInput]?: AllianceInput[K] | null };

export async function createAlliance(tx: Tx, input: AllianceInput): Promise<number> {
  const members = await memberRows(tx, input.members, new Date());
  const { id } = await tx.alliance.create({
    data: {
      name: input.name.trim(),
      purpose: input.purpose?.trim() || null,
      modalities: input.modalities ?? [],
      levers: input.levers ?? [],
      impacts: input.impacts ?? [],
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      declaredById: declarer(
        input.declaredBy,
        members.map((m) => m.actorId),
      ),
      members: { create: members },
    },
    select: { id: true },
  });
  await recordChange(tx, allianceEvent("CREATED", await allianceState(tx, id)));
  return id;
}

export async function updateAlliance(tx: Tx, id: number, changes: AllianceChanges): Promise<void> {
  const current = await tx.alliance.findUnique({
    where: { id },
    select: { startDate: true, endDate: true, members: { select: { actorId: true, confirmedAt: true } } },
  });
  if (!current) throw new NotFoundError("Alliance", id);
  const startDate = changes.startDate ?? current.startDate;
  const endDate = changes.endDate === undefined ? current.endDate : changes.endDate;
  if (endDate && endDate < startDate) throw new ConflictError("endDate would fall before startDate.");
  const members = changes.members ? await memberRows(tx, changes.members, new Date()) : null;
  // A member who had confirmed and stays keeps the day of its confirmation.
  const confirmedBefore = new Map(current.members.map((m) => [m.actorId, m.confirmedAt]));
  const memberIds = members?.map((m) => m.actorId) ?? current.members.map((m) => m.actorId);
  await tx.alliance.update({
    where: { id },
    data: {
      name: changes.name?.trim() ?? undefined,
      purpose: changes.purpose === undefined ? undefined : changes.purpose?.trim() || null,
      modalities: changes.modalities ?? undefined,
      levers: changes.levers ?? undefined,
      impacts: changes.impacts ?? undefined,
      startDate: changes.startDate ?? undefined,
      endDate: changes.endDate,
      declaredById: declarer(changes.declaredBy, memberIds),
      ...(members && {
        members: replaceMembers(members.map((m) => ({ ...m, confirmedAt: m.confirmedAt && (confirmedBefore.get(m.actorId) ?? m.confirmedAt) }))),
      }),
    },
    select: { id: true },
  });
  await recordChange(tx, allianceEvent("UPDATED", await allianceState(tx, id)));
}

/** Deletes an alliance and its memberships; its interactions stay, unlinked. */
export async function deleteAlliance(tx: Tx, id: number): Promise<void> {
  const { count } = await tx.alliance.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("Alliance", id);
  await recordChange(tx, allianceEvent("DELETED", id));
}

type MemberRow = { actorId: number; role: MemberRole; confirmedAt: Date | null };

/** The nested write that makes the alliance's members these, in place of the ones it had. */
function replaceMembers(rows: MemberRow[]) {
  return { deleteMany: {}, createMany: { data: rows } };
}

async function memberRows(tx: Tx, members: MemberInput[], now: Date): Promise<MemberRow[]> {
  const rows = members.map((m) => ({ actorId: m.actorId, role: m.role ?? "PARTNER", confirmedAt: m.confirmed ? now : null }));
  await requireAll(
    "Actor",
    rows.map((r) => r.actorId),
    (ids) => tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  return rows;
}

/** The declarer's id to write: undefined keeps it, null clears it, an id must name a member. */
function declarer(declaredBy: number | null | undefined, memberIds: number[]): number | null | undefined {
  if (declaredBy == null) return declaredBy;
  if (!memberIds.includes(declaredBy)) throw new ConflictError("declaredBy must be one of the alliance's members.");
  return declaredBy;
}

/** What a graph engine needs to tie the members: who, since when, how deep, confirmed or not. */
function allianceState(tx: Tx, id: number) {
  return tx.alliance.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      modalities: true,
      levers: true,
      impacts: true,
      members: { select: { actorId: true, role: true, confirmedAt: true } },
    },
  });
}

export const allianceImport: RecordAdapter<"alliances"> = {
  recordType: "Alliance",
  bind: (v, ids) => ({
    ...v,
    declaredBy: v.declaredBy === null ? null : ids.actor(v.declaredBy),
    members: v.members.map((m) => ({ ...m, actor: ids.actor(m.actor) })),
  }),
  canonical: (s) =>
    JSON.stringify([
      s.name,
      s.purpose,
      s.modalities,
      s.levers,
      s.impacts,
      day(s.startDate),
      s.endDate && day(s.endDate),
      s.declaredBy,
      [...s.members].sort((a, b) => a.actor - b.actor).map((m) => [m.actor, m.role, instant(m.confirmedAt)]),
    ]),
  load: async (db, source, externalIds) => {
    const rows = await db.alliance.findMany({
      where: { source, externalId: { in: externalIds } },
      select: {
        id: true,
        externalId: true,
        name: true,
        purpose: true,
        modalities: true,
        levers: true,
        impacts: true,
        startDate: true,
        endDate: true,
        declaredById: true,
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
    const ids = await insertReturningIds(
      tx,
      "Alliance",
      rows.map(({ externalId, state: { members: _, declaredBy, ...fields } }) => ({ ...fields, declaredById: declaredBy, source, externalId })),
      withoutId(T.ALLIANCE),
      T.STAMPED,
    );
    await bulkInsert(
      tx,
      "AllianceMember",
      rows.flatMap((r) => r.state.members.map((m) => ({ allianceId: ids.get(r.externalId)!, actorId: m.actor, role: m.role, confirmedAt: m.confirmedAt }))),
      T.ALLIANCE_MEMBER,
    );
    return ids;
  },
  // A row says on which day each member confirmed, so no day is kept from the record (the API,
  // which only says whether, keeps them).
  update: async (tx, id, { members, declaredBy, ...fields }) => {
    await tx.alliance.update({
      where: { id },
      data: {
        ...fields,
        declaredById: declaredBy,
        members: replaceMembers(members.map((m) => ({ actorId: m.actor, role: m.role, confirmedAt: m.confirmedAt }))),
      },
      select: { id: true },
    });
  },
  event: (operation, id, s) =>
    allianceEvent(operation, {
      id,
      startDate: s.startDate,
      endDate: s.endDate,
      modalities: s.modalities,
      levers: s.levers,
      impacts: s.impacts,
      members: s.members.map((m) => ({ actorId: m.actor, role: m.role, confirmedAt: m.confirmedAt })),
    }),
};
