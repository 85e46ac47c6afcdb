import type { Prisma, PrismaClient } from "./generated/prisma/client.js";

/**
 * "Everything under a territory" as materialised-path prefixes: the territory's own path, plus
 * its members' paths when it is a project territory grouping others. Prefix matches on the
 * indexed `path` column answer it at any depth in one query.
 */
export function prefixesOf(territory: { path: string; members?: { path: string }[] }): string[] {
  return [territory.path, ...(territory.members ?? []).map((member) => member.path)];
}

export function territoryUnder(prefixes: string[]): Prisma.TerritoryWhereInput {
  return { OR: prefixes.map((prefix) => ({ path: { startsWith: prefix } })) };
}

/** The path prefix of a région given its INSEE code, or null when there is no such région. */
export async function regionPrefix(prisma: PrismaClient, regionCode: string): Promise<string | null> {
  const region = await prisma.territory.findUnique({ where: { level_code: { level: "REGION", code: regionCode } }, select: { path: true } });
  return region?.path ?? null;
}
