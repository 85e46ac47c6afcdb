import { ConflictError, InvalidInputError, NotFoundError } from "./errors.js";
import { actorEvent, interactionEvent } from "./events.js";
import type { ActorKind } from "./generated/prisma/enums.js";
import { bulkInsert, insertReturningIds, withoutId } from "./bulkInsert.js";
import * as T from "./tables.js";
import { sameList, sorted } from "./imports/canonical.js";
import type { Bound, RecordAdapter } from "./imports/recordAdapters.js";
import { recordChange } from "./outbox.js";
import { PROFILE_OF_KIND } from "./vocabulary/profiles.js";
import { requireAll, type Tx } from "./write.js";

/**
 * The actor's write service: what creating, changing and deleting an organisation means for the
 * record, with the rules that hold whoever writes (the API, the importer). Each function runs
 * inside the caller's transaction (record/write.ts) and writes the change's outbox event.
 * `actorImport` writes the importer's rows (record/imports/writeSection.ts) by the batch.
 */

export interface ActorInput {
  name: string;
  kind: ActorKind;
  isCatalyst?: boolean | null;
  /** Record ids of the territories the actor acts in. */
  territories: number[];
  siren?: string | null;
  siret?: string | null;
  rna?: string | null;
  description?: string | null;
  website?: string | null;
}

/** Fields left out (undefined) keep their value; null clears an optional one. */
export type ActorChanges = { [K in keyof ActorInput]?: ActorInput[K] | null };

export async function createActor(tx: Tx, input: ActorInput): Promise<number> {
  const territories = await requireTerritories(tx, input.territories);
  const { id } = await tx.actor.create({
    data: {
      name: input.name.trim(),
      kind: input.kind,
      profile: PROFILE_OF_KIND[input.kind],
      isCatalyst: input.isCatalyst ?? false,
      siren: input.siren ?? null,
      siret: input.siret ?? null,
      rna: input.rna ?? null,
      description: input.description?.trim() || null,
      website: input.website ?? null,
      territories: { create: territories.map((territoryId) => ({ territoryId })) },
    },
    select: { id: true },
  });
  await recordChange(tx, actorEvent("CREATED", await actorState(tx, id)));
  return id;
}

export async function updateActor(tx: Tx, id: number, changes: ActorChanges): Promise<void> {
  const current = await tx.actor.findUnique({ where: { id }, select: { siren: true, siret: true } });
  if (!current) throw new NotFoundError("Actor", id);
  const siren = changes.siren === undefined ? current.siren : changes.siren;
  const siret = changes.siret === undefined ? current.siret : changes.siret;
  if (siren && siret && !siret.startsWith(siren)) throw new InvalidInputError("a SIRET starts with its SIREN", ["input", "siret"]);
  const territories = changes.territories ? await requireTerritories(tx, changes.territories) : null;
  await tx.actor.update({
    where: { id },
    data: {
      name: changes.name?.trim() ?? undefined,
      kind: changes.kind ?? undefined,
      profile: changes.kind ? PROFILE_OF_KIND[changes.kind] : undefined,
      isCatalyst: changes.isCatalyst ?? undefined,
      siren: changes.siren,
      siret: changes.siret,
      rna: changes.rna,
      description: changes.description === undefined ? undefined : changes.description?.trim() || null,
      website: changes.website,
      ...(territories && { territories: replaceTerritories(territories) }),
    },
    select: { id: true },
  });
  await recordChange(tx, actorEvent("UPDATED", await actorState(tx, id)));
}

/**
 * Deletes an actor with its memberships and participations, and the interactions it had with a
 * single other actor; refused while an alliance would be left with fewer than two members or a
 * funding with no recipient.
 */
export async function deleteActor(tx: Tx, id: number): Promise<void> {
  const actor = await tx.actor.findUnique({ where: { id }, select: { memberships: { select: { allianceId: true } } } });
  if (!actor) throw new NotFoundError("Actor", id);
  const alliances = actor.memberships.map((m) => m.allianceId);
  const fragile = await tx.allianceMember.groupBy({
    by: ["allianceId"],
    where: { allianceId: { in: alliances } },
    _count: true,
    having: { allianceId: { _count: { lt: 3 } } },
  });
  if (fragile.length > 0) {
    throw new ConflictError(`This actor is one of the two members of ${fragile.length} alliance(s); delete or extend them first.`);
  }
  // A funding goes to an ecosystem, an actor or both: it cannot be left going nowhere.
  const orphaned = await tx.funding.count({ where: { recipientActorId: id, ecosystemId: null } });
  if (orphaned > 0) throw new ConflictError(`This actor is the only recipient of ${orphaned} funding(s); delete or reassign them first.`);
  // An interaction is between actors: one this actor shared with a single other goes too.
  const pairwise = await tx.interaction.findMany({
    where: { participants: { some: { actorId: id } } },
    select: { id: true, _count: { select: { participants: true } } },
  });
  for (const interaction of pairwise.filter((i) => i._count.participants <= 2)) {
    await tx.interaction.delete({ where: { id: interaction.id }, select: { id: true } });
    await recordChange(tx, interactionEvent("DELETED", interaction.id));
  }
  await tx.actor.delete({ where: { id }, select: { id: true } });
  await recordChange(tx, actorEvent("DELETED", id));
}

/** The nested write that makes the actor's territories these, in place of the ones it had. */
function replaceTerritories(territories: number[]) {
  return { deleteMany: {}, createMany: { data: territories.map((territoryId) => ({ territoryId })) } };
}

function requireTerritories(tx: Tx, ids: number[]): Promise<number[]> {
  return requireAll("Territory", ids, (unique) => tx.territory.findMany({ where: { id: { in: unique } }, select: { id: true } }));
}

/** What a graph engine needs to place an actor: its groups and where it acts. */
async function actorState(tx: Tx, id: number) {
  const actor = await tx.actor.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, profile: true, kind: true, isCatalyst: true, territories: { select: { territoryId: true } } },
  });
  return { ...actor, territories: actor.territories.map((link) => link.territoryId) };
}

export const actorImport: RecordAdapter<"actors"> = {
  recordType: "Actor",
  bind: (v) => v as Bound<"actors">,
  canonical: (s) => JSON.stringify([s.name, s.profile, s.kind, s.isCatalyst, s.siren, s.siret, s.rna, s.description, s.website, sorted(s.territories)]),
  load: async (db, source, externalIds) => {
    const rows = await db.actor.findMany({
      where: { source, externalId: { in: externalIds } },
      select: {
        id: true,
        externalId: true,
        name: true,
        profile: true,
        kind: true,
        isCatalyst: true,
        siren: true,
        siret: true,
        rna: true,
        description: true,
        website: true,
        territories: { select: { territoryId: true } },
      },
    });
    return new Map(
      rows.map(({ id, externalId, territories, ...rest }) => [externalId!, { id, state: { ...rest, territories: territories.map((t) => t.territoryId) } }]),
    );
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(
      tx,
      "Actor",
      rows.map(({ externalId, state: { territories: _, ...fields } }) => ({ ...fields, source, externalId })),
      withoutId(T.ACTOR),
      T.STAMPED,
    );
    await bulkInsert(
      tx,
      "ActorTerritory",
      rows.flatMap((r) => r.state.territories.map((territoryId) => ({ actorId: ids.get(r.externalId)!, territoryId }))),
      T.ACTOR_TERRITORY,
    );
    return ids;
  },
  update: async (tx, id, { territories, ...fields }, previous) => {
    await tx.actor.update({
      where: { id },
      data: { ...fields, ...(!sameList(territories, previous.territories) && { territories: replaceTerritories(territories) }) },
      select: { id: true },
    });
  },
  event: (operation, id, s) =>
    actorEvent(operation, { id, name: s.name, profile: s.profile, kind: s.kind, isCatalyst: s.isCatalyst, territories: s.territories }),
};
