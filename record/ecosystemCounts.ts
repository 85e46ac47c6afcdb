import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { Profile } from "./generated/prisma/enums.js";

export interface ProfileCount {
  profile: Profile;
  count: number;
}

/**
 * Actors per profile for many ecosystems in one statement: each ecosystem's scope is its
 * territory's subtree plus, for a project territory, its members' subtrees ("_ProjectMembers"
 * holds A = member, B = project). An actor acting in two places of one scope counts once.
 */
export async function countActorsByProfile(prisma: PrismaClient, ecosystemIds: readonly number[]): Promise<Map<number, ProfileCount[]>> {
  const ids = [...ecosystemIds];
  const rows = await prisma.$queryRaw<{ ecosystemId: number; profile: Profile; count: number }[]>(Prisma.sql`
    WITH scope AS (
      SELECT e.id AS "ecosystemId", t.path FROM "Ecosystem" e JOIN "Territory" t ON t.id = e."territoryId"
      WHERE e.id = ANY(${ids}::int[])
      UNION
      SELECT e.id, m.path FROM "Ecosystem" e
      JOIN "_ProjectMembers" pm ON pm."A" = e."territoryId" JOIN "Territory" m ON m.id = pm."B"
      WHERE e.id = ANY(${ids}::int[])
    )
    SELECT s."ecosystemId", a.profile, COUNT(DISTINCT a.id)::int AS count
    FROM scope s
    JOIN "Territory" u ON u.path LIKE s.path || '%'
    JOIN "ActorTerritory" l ON l."territoryId" = u.id
    JOIN "Actor" a ON a.id = l."actorId"
    GROUP BY s."ecosystemId", a.profile`);
  const byEcosystem = new Map<number, ProfileCount[]>(ids.map((id) => [id, []]));
  for (const row of rows) byEcosystem.get(row.ecosystemId)?.push({ profile: row.profile, count: row.count });
  return byEcosystem;
}
