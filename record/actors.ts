import { ConflictError, InvalidInputError, NotFoundError } from "./errors.js";
import { actorEvent, interactionEvent } from "./events.js";
import type { ActorKind } from "./generated/prisma/enums.js";
import { recordChange } from "./outbox.js";
import { PROFILE_OF_KIND } from "./vocabulary/profiles.js";
import { requireAll, type Tx } from "./write.js";

/**
 * The actor's write service: what creating, changing and deleting an organisation means for the
 * record, with the rules that hold whoever writes (the API, the importer). Each function runs
 * inside the caller's transaction (record/write.ts) and writes the change's outbox event.
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
      ...(territories && { territories: { deleteMany: {}, create: territories.map((territoryId) => ({ territoryId })) } }),
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
  const fragile = await tx.allianceMember.groupBy({ by: ["allianceId"], where: { allianceId: { in: alliances } }, _count: true, having: { allianceId: { _count: { lt: 3 } } } });
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
