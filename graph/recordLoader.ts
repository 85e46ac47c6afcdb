import type { PrismaClient } from "../record/generated/prisma/client.js";
import type { ActorKind, InteractionKind, Lever, Modality, Profile } from "../record/generated/prisma/enums.js";
import { latestOutboxPosition } from "../record/outbox.js";
import { NetworkModel, type TerritoryPlacement } from "./model.js";

/**
 * Reads the whole network from the record in a handful of bulk statements, inside one
 * repeatable-read transaction together with the outbox position, so the model and its version
 * agree: every event after that position is a change the model has not seen.
 */
export async function loadNetworkModel(prisma: PrismaClient): Promise<NetworkModel> {
  return prisma.$transaction(
    async (tx) => {
      const position = await latestOutboxPosition(tx);
      const placement = await loadPlacement(tx as unknown as PrismaClient);
      const model = new NetworkModel(placement);
      model.version = position;
      const actors = await tx.$queryRaw<{ id: number; name: string; profile: Profile; kind: ActorKind; isCatalyst: boolean; territories: number[] }[]>`
        SELECT a.id, a.name, a.profile, a.kind, a."isCatalyst",
               COALESCE(array_agg(l."territoryId" ORDER BY l."territoryId") FILTER (WHERE l."territoryId" IS NOT NULL), '{}') AS territories
        FROM "Actor" a LEFT JOIN "ActorTerritory" l ON l."actorId" = a.id GROUP BY a.id`;
      for (const actor of actors) model.actors.set(actor.id, actor);
      const alliances = await tx.$queryRaw<
        { id: number; startDate: Date; endDate: Date | null; modalities: Modality[]; levers: Lever[]; impacts: string[]; members: { actorId: number; role: string; confirmedAt: string | null }[] }[]
      >`
        SELECT al.id, al."startDate", al."endDate", al.modalities::text[] AS modalities, al.levers::text[] AS levers, al.impacts::text[] AS impacts,
               json_agg(json_build_object('actorId', m."actorId", 'role', m.role, 'confirmedAt', m."confirmedAt") ORDER BY m."actorId") AS members
        FROM "Alliance" al JOIN "AllianceMember" m ON m."allianceId" = al.id GROUP BY al.id`;
      for (const alliance of alliances) {
        model.alliances.set(alliance.id, {
          ...alliance,
          members: alliance.members.map((m) => ({ ...m, confirmedAt: m.confirmedAt === null ? null : new Date(m.confirmedAt) })),
        });
      }
      const interactions = await tx.$queryRaw<
        { id: number; kind: InteractionKind; date: Date; intensity: number | null; amountEuros: number | null; allianceId: number | null; participants: number[] }[]
      >`
        SELECT i.id, i.kind, i.date, i.intensity, i."amountEuros", i."allianceId", array_agg(p."actorId" ORDER BY p."actorId") AS participants
        FROM "Interaction" i JOIN "InteractionParticipant" p ON p."interactionId" = i.id GROUP BY i.id`;
      for (const interaction of interactions) model.interactions.set(interaction.id, interaction);
      const assessments = await tx.$queryRaw<{ id: number; actorId: number; date: Date; mean: number; scores: Record<string, number> }[]>`
        SELECT pa.id, pa."actorId", pa.date, avg(s.score)::float8 AS mean, json_object_agg(s.practice, s.score) AS scores
        FROM "PracticeAssessment" pa JOIN "PracticeScore" s ON s."assessmentId" = pa.id GROUP BY pa.id`;
      for (const assessment of assessments) model.practiceAssessments.set(assessment.id, assessment);
      return model;
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000 },
  );
}

/**
 * Which ecosystem and which région each territory belongs to. Territories and ecosystems change
 * rarely and never through the outbox, so this is read once per load.
 */
export async function loadPlacement(prisma: PrismaClient): Promise<TerritoryPlacement> {
  const territories = await prisma.territory.findMany({ select: { id: true, path: true, regionId: true } });
  const ecosystems = await prisma.ecosystem.findMany({
    select: { id: true, territory: { select: { path: true, members: { select: { path: true } } } } },
    orderBy: { id: "asc" },
  });
  const scopes = ecosystems.flatMap((e) => [e.territory.path, ...e.territory.members.map((m) => m.path)].map((prefix) => ({ prefix, ecosystem: e.id })));
  // The most specific covering scope wins, so a nested ecosystem keeps its own actors.
  scopes.sort((a, b) => b.prefix.length - a.prefix.length);
  const ecosystemOf = new Map<number, number>();
  const regionOf = new Map<number, number>();
  for (const territory of territories) {
    const scope = scopes.find((s) => territory.path.startsWith(s.prefix));
    if (scope) ecosystemOf.set(territory.id, scope.ecosystem);
    if (territory.regionId !== null) regionOf.set(territory.id, territory.regionId);
  }
  return { ecosystemOf, regionOf };
}
