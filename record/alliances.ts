import { ConflictError, NotFoundError } from "./errors.js";
import { allianceEvent } from "./events.js";
import type { Impact, Lever, MemberRole, Modality } from "./generated/prisma/enums.js";
import { recordChange } from "./outbox.js";
import { requireAll, type Tx } from "./write.js";

/**
 * The alliance's write service: the rules on members, period and declarer that hold whoever
 * writes. Each function runs inside the caller's transaction (record/write.ts) and writes the
 * change's outbox event.
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
      declaredById: declarer(input.declaredBy, members.map((m) => m.actorId)),
      members: { create: members },
    },
    select: { id: true },
  });
  await recordChange(tx, allianceEvent("CREATED", await allianceState(tx, id)));
  return id;
}

export async function updateAlliance(tx: Tx, id: number, changes: AllianceChanges): Promise<void> {
  const current = await tx.alliance.findUnique({ where: { id }, select: { startDate: true, endDate: true, members: { select: { actorId: true, confirmedAt: true } } } });
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
        members: { deleteMany: {}, create: members.map((m) => ({ ...m, confirmedAt: m.confirmedAt && (confirmedBefore.get(m.actorId) ?? m.confirmedAt) })) },
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

async function memberRows(tx: Tx, members: MemberInput[], now: Date) {
  const rows = members.map((m) => ({ actorId: m.actorId, role: m.role ?? "PARTNER", confirmedAt: m.confirmed ? now : null }));
  await requireAll("Actor", rows.map((r) => r.actorId), (ids) => tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true } }));
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
    select: { id: true, startDate: true, endDate: true, modalities: true, levers: true, impacts: true, members: { select: { actorId: true, role: true, confirmedAt: true } } },
  });
}
