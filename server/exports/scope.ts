import { NATIONAL, type Scope } from "../../graph/scope.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import { prefixesOf, regionPrefix, territoryUnder } from "../../record/territoryScope.js";
import { scopeText, type ExportScope } from "./request.js";

/**
 * Where an export's actors come from, and which network its metrics are computed on. The API
 * computes metrics on two kinds of network only (graph/scope.ts): one ecosystem's, or the whole
 * network. An export of an ecosystem's territory carries that ecosystem's metrics (the numbers of
 * `Ecosystem.network`); any other export carries each actor's metrics in the whole network (the
 * numbers of `Actor.metrics(scope: {})`), so a région's file compares with every other région's.
 */
export interface ResolvedScope {
  /** As the request wrote it: "region:84". */
  text: string;
  /** For people: "Auvergne-Rhône-Alpes (REGION 84)". */
  label: string;
  /** Record ids of the actors acting in the scope (anywhere under its territory); null: every actor. */
  actorIds: ReadonlySet<number> | null;
  metricsScope: Scope;
}

export class ExportScopeError extends Error {
  override name = "ExportScopeError";
  constructor(
    message: string,
    /** not-found: no such territory; ambiguous: the code names several. */
    readonly reason: "not-found" | "ambiguous",
  ) {
    super(message);
  }
}

export async function resolveExportScope(prisma: PrismaClient, scope: ExportScope): Promise<ResolvedScope> {
  const text = scopeText(scope);
  if (scope.kind === "national") return { text, label: "France (national)", actorIds: null, metricsScope: NATIONAL };
  if (scope.kind === "region") {
    const prefix = await regionPrefix(prisma, scope.code);
    if (prefix === null) throw new ExportScopeError(`No région has the code "${scope.code}".`, "not-found");
    const region = await prisma.territory.findUnique({ where: { level_code: { level: "REGION", code: scope.code } }, select: { name: true } });
    return { text, label: `${region!.name} (REGION ${scope.code})`, actorIds: await actorsUnder(prisma, [prefix]), metricsScope: NATIONAL };
  }
  const candidates = await prisma.territory.findMany({
    where: { code: scope.code, ...(scope.level && { level: scope.level }) },
    select: { name: true, level: true, code: true, path: true, members: { select: { path: true } }, ecosystem: { select: { id: true } } },
    orderBy: { level: "asc" },
  });
  if (candidates.length === 0)
    throw new ExportScopeError(`No territory has the code "${scope.code}"${scope.level ? ` at level ${scope.level}` : ""}.`, "not-found");
  if (candidates.length > 1) {
    const levels = candidates.map((c) => c.level).join(", ");
    throw new ExportScopeError(`The code "${scope.code}" names several territories (${levels}): write territory:<LEVEL>:${scope.code}.`, "ambiguous");
  }
  const territory = candidates[0]!;
  return {
    text,
    label: `${territory.name} (${territory.level} ${territory.code})`,
    actorIds: await actorsUnder(prisma, prefixesOf(territory)),
    metricsScope: territory.ecosystem ? { kind: "ecosystem", ecosystemId: territory.ecosystem.id } : NATIONAL,
  };
}

/** Actors acting in a territory or anywhere under it: the rule of `Territory.actors`. */
async function actorsUnder(prisma: PrismaClient, prefixes: string[]): Promise<Set<number>> {
  const rows = await prisma.actor.findMany({ where: { territories: { some: { territory: territoryUnder(prefixes) } } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
