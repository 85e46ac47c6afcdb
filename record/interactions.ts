import { InvalidInputError, NotFoundError } from "./errors.js";
import { interactionEvent } from "./events.js";
import type { InteractionKind } from "./generated/prisma/enums.js";
import { bulkInsert, insertReturningIds, withoutId } from "./bulkInsert.js";
import * as T from "./tables.js";
import { day, sameList, sorted } from "./imports/canonical.js";
import type { RecordAdapter } from "./imports/recordAdapters.js";
import { recordChange } from "./outbox.js";
import { amountFitsKind } from "./rules.js";
import { requireAll, type Tx } from "./write.js";

/**
 * The interaction's write service. Each function runs inside the caller's transaction
 * (record/write.ts) and writes the change's outbox event. `interactionImport` writes the
 * importer's rows (record/imports/writeSection.ts) by the batch.
 */

export interface InteractionInput {
  kind: InteractionKind;
  date: Date;
  /** Record ids of the actors who took part. */
  participants: number[];
  alliance?: number | null;
  description?: string | null;
  intensity?: number | null;
  /** For fundings and exchanges of resources only. */
  amountEuros?: number | null;
}

/** Fields left out (undefined) keep their value; `participants`, when given, replace the list. */
export type InteractionChanges = { [K in keyof InteractionInput]?: InteractionInput[K] | null };

export async function createInteraction(tx: Tx, input: InteractionInput): Promise<number> {
  checkAmount(input.kind, input.amountEuros);
  const participants = await requireActors(tx, input.participants);
  const { id } = await tx.interaction.create({
    data: {
      kind: input.kind,
      date: input.date,
      description: input.description?.trim() || null,
      intensity: input.intensity ?? null,
      amountEuros: input.amountEuros ?? null,
      allianceId: (await requireAlliance(tx, input.alliance)) ?? null,
      participants: { create: participants.map((actorId) => ({ actorId })) },
    },
    select: { id: true },
  });
  await recordChange(tx, interactionEvent("CREATED", await interactionState(tx, id)));
  return id;
}

export async function updateInteraction(tx: Tx, id: number, changes: InteractionChanges): Promise<void> {
  const current = await tx.interaction.findUnique({ where: { id }, select: { kind: true, amountEuros: true } });
  if (!current) throw new NotFoundError("Interaction", id);
  checkAmount(changes.kind ?? current.kind, changes.amountEuros === undefined ? current.amountEuros : changes.amountEuros);
  const participants = changes.participants ? await requireActors(tx, changes.participants) : null;
  await tx.interaction.update({
    where: { id },
    data: {
      kind: changes.kind ?? undefined,
      date: changes.date ?? undefined,
      description: changes.description === undefined ? undefined : changes.description?.trim() || null,
      intensity: changes.intensity,
      amountEuros: changes.amountEuros,
      allianceId: await requireAlliance(tx, changes.alliance),
      ...(participants && { participants: replaceParticipants(participants) }),
    },
    select: { id: true },
  });
  await recordChange(tx, interactionEvent("UPDATED", await interactionState(tx, id)));
}

export async function deleteInteraction(tx: Tx, id: number): Promise<void> {
  const { count } = await tx.interaction.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("Interaction", id);
  await recordChange(tx, interactionEvent("DELETED", id));
}

function checkAmount(kind: InteractionKind, amountEuros: number | null | undefined) {
  if (!amountFitsKind.holds({ kind, amountEuros })) throw new InvalidInputError(amountFitsKind.message, ["input", ...amountFitsKind.path]);
}

/** The nested write that makes the interaction's participants these, in place of the ones it had. */
function replaceParticipants(participants: number[]) {
  return { deleteMany: {}, createMany: { data: participants.map((actorId) => ({ actorId })) } };
}

function requireActors(tx: Tx, ids: number[]) {
  return requireAll("Actor", ids, (unique) => tx.actor.findMany({ where: { id: { in: unique } }, select: { id: true } }));
}

/** The alliance's id to write: undefined keeps it, null unlinks, an id must exist. */
async function requireAlliance(tx: Tx, id: number | null | undefined) {
  if (id == null) return id;
  if (!(await tx.alliance.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Alliance", id);
  return id;
}

/** What a graph engine needs of an interaction: its kind, day, depth and who took part. */
async function interactionState(tx: Tx, id: number) {
  const row = await tx.interaction.findUniqueOrThrow({
    where: { id },
    select: { id: true, kind: true, date: true, intensity: true, amountEuros: true, allianceId: true, participants: { select: { actorId: true } } },
  });
  return { ...row, participants: row.participants.map((p) => p.actorId) };
}

export const interactionImport: RecordAdapter<"interactions"> = {
  recordType: "Interaction",
  bind: (v, ids) => ({ ...v, alliance: v.alliance === null ? null : ids.alliance(v.alliance), participants: v.participants.map((p) => ids.actor(p)) }),
  canonical: (s) => JSON.stringify([s.kind, day(s.date), s.description, s.intensity, s.amountEuros, s.alliance, sorted(s.participants)]),
  load: async (db, source, externalIds) => {
    const rows = await db.interaction.findMany({
      where: { source, externalId: { in: externalIds } },
      select: {
        id: true,
        externalId: true,
        kind: true,
        date: true,
        description: true,
        intensity: true,
        amountEuros: true,
        allianceId: true,
        participants: { select: { actorId: true } },
      },
    });
    return new Map(
      rows.map(({ id, externalId, allianceId, participants, ...rest }) => [
        externalId!,
        { id, state: { ...rest, alliance: allianceId, participants: participants.map((p) => p.actorId) } },
      ]),
    );
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(
      tx,
      "Interaction",
      rows.map(({ externalId, state: { participants: _, alliance, ...fields } }) => ({ ...fields, allianceId: alliance, source, externalId })),
      withoutId(T.INTERACTION),
    );
    await bulkInsert(
      tx,
      "InteractionParticipant",
      rows.flatMap((r) => r.state.participants.map((actorId) => ({ interactionId: ids.get(r.externalId)!, actorId }))),
      T.INTERACTION_PARTICIPANT,
    );
    return ids;
  },
  update: async (tx, id, { participants, alliance, ...fields }, previous) => {
    await tx.interaction.update({
      where: { id },
      data: { ...fields, allianceId: alliance, ...(!sameList(participants, previous.participants) && { participants: replaceParticipants(participants) }) },
      select: { id: true },
    });
  },
  event: (operation, id, s) =>
    interactionEvent(operation, {
      id,
      kind: s.kind,
      date: s.date,
      intensity: s.intensity,
      amountEuros: s.amountEuros,
      allianceId: s.alliance,
      participants: s.participants,
    }),
};
