import type { PrismaClient } from "../record/generated/prisma/client.js";
import { actorState, allianceState, interactionState, practiceAssessmentState } from "../record/events.js";
import { latestOutboxPosition } from "../record/outbox.js";
import { NetworkModel, type TerritoryPlacement } from "./model.js";

/**
 * Reads the whole network from the record in a handful of bulk statements, inside one
 * repeatable-read transaction together with the outbox position, so the model and its version
 * agree: every event after that position is a change the model has not seen. Each record goes
 * through its event's schema (record/events.ts), so a loaded record and an applied event agree
 * to the order of their lists.
 */
export async function loadNetworkModel(prisma: PrismaClient): Promise<NetworkModel> {
  return prisma.$transaction(
    async (tx) => {
      const position = await latestOutboxPosition(tx);
      const placement = await loadPlacement(tx);
      const model = new NetworkModel(placement);
      model.version = position;
      const actors = await tx.$queryRaw<unknown[]>`
        SELECT a.id, a.name, a.profile, a.kind, a."isCatalyst",
               COALESCE(array_agg(l."territoryId" ORDER BY l."territoryId") FILTER (WHERE l."territoryId" IS NOT NULL), '{}') AS territories
        FROM "Actor" a LEFT JOIN "ActorTerritory" l ON l."actorId" = a.id GROUP BY a.id`;
      for (const row of actors) {
        const actor = actorState.parse(row);
        model.actors.set(actor.id, actor);
      }
      const alliances = await tx.$queryRaw<unknown[]>`
        SELECT al.id, al."startDate", al."endDate", al.modalities::text[] AS modalities, al.levers::text[] AS levers, al.impacts::text[] AS impacts,
               json_agg(json_build_object('actorId', m."actorId", 'role', m.role, 'confirmedAt', m."confirmedAt") ORDER BY m."actorId") AS members
        FROM "Alliance" al JOIN "AllianceMember" m ON m."allianceId" = al.id GROUP BY al.id`;
      for (const row of alliances) {
        const alliance = allianceState.parse(row);
        model.alliances.set(alliance.id, alliance);
      }
      const interactions = await tx.$queryRaw<unknown[]>`
        SELECT i.id, i.kind, i.date, i.intensity, i."amountEuros", i."allianceId", array_agg(p."actorId" ORDER BY p."actorId") AS participants
        FROM "Interaction" i JOIN "InteractionParticipant" p ON p."interactionId" = i.id GROUP BY i.id`;
      for (const row of interactions) {
        const interaction = interactionState.parse(row);
        model.interactions.set(interaction.id, interaction);
      }
      const assessments = await tx.$queryRaw<unknown[]>`
        SELECT pa.id, pa."actorId", pa.date, avg(s.score)::float8 AS mean, json_object_agg(s.practice, s.score) AS scores
        FROM "PracticeAssessment" pa JOIN "PracticeScore" s ON s."assessmentId" = pa.id GROUP BY pa.id`;
      for (const row of assessments) {
        const assessment = practiceAssessmentState.parse(row);
        model.practiceAssessments.set(assessment.id, assessment);
      }
      return model;
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000 },
  );
}

/**
 * Which ecosystem and which région each territory belongs to. Territories and ecosystems change
 * rarely and never through the outbox, so this is read once per load.
 */
export async function loadPlacement(prisma: Pick<PrismaClient, "territory" | "ecosystem">): Promise<TerritoryPlacement> {
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
