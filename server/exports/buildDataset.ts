import { encodeGlobalID } from "@pothos/plugin-relay";
import type { ScopeAnalytics } from "../../graph/analytics/scopeAnalytics.js";
import type { BetweennessPool } from "../../graph/workers/betweennessParallel.js";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import { scopeKey } from "../../graph/scope.js";
import { PROFILES } from "../../record/vocabulary/lists.js";
import { ALLIANCE_BIT, KIND_BITS } from "../../graph/tieFeatures.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import { mergeSpells, overlaps, pairKey, readPairActivity } from "./activity.js";
import { exportAnalytics } from "./analytics.js";
import { isoDay, type ExportDataset, type ExportNode, type ExportPerson, type ExportPlace, type ExportTie, type NodeMetrics, type TieKind } from "./dataset.js";
import type { ExportRequest } from "./request.js";
import { resolveExportScope } from "./scope.js";

export interface ExportDeps {
  prisma: PrismaClient;
  graph: GraphEngine;
  /** See ExportAnalyticsOptions.pool. @default sharedBetweennessPool */
  pool?: () => BetweennessPool | null;
}

const TIE_KINDS: readonly [TieKind, number][] = [["ALLIANCE", ALLIANCE_BIT], ...(Object.entries(KIND_BITS) as [TieKind, number][])];
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Reads the network a request describes: the actors of its scope in the engine's snapshot (as of
 * its day), filtered; the ties among them from the same snapshot, filtered; the scope's metrics
 * and the ties' values from the engine's cache; places, identifiers, alliances, periods and (when
 * `peopleAllowed` and asked) contact people from the record.
 *
 * `peopleAllowed` is the caller's right to personal data: the HTTP layer passes the role's, the
 * command line (trusted, it reads the record directly) passes true.
 */
export async function buildExportDataset(deps: ExportDeps, request: ExportRequest, { peopleAllowed }: { peopleAllowed: boolean }): Promise<ExportDataset> {
  const scope = await resolveExportScope(deps.prisma, request.scope);
  const analytics = await exportAnalytics(deps.graph, scope.metricsScope, { asOf: request.asOf, metrics: request.metrics, pool: deps.pool });
  const { snapshot } = analytics;
  // Periods and alliances are cut at the day the network was actually taken on.
  const asOf = analytics.asOf;

  const nodeOf = new Map<number, number>();
  for (let v = 0; v < snapshot.actorIds.length; v += 1) {
    const id = snapshot.actorIds[v]!;
    if (scope.actorIds && !scope.actorIds.has(id)) continue;
    if (request.profiles && !request.profiles.includes(PROFILES[snapshot.profile[v]!]!)) continue;
    if (request.kinds && !request.kinds.includes(snapshot.kind[v]!)) continue;
    nodeOf.set(id, v);
  }
  const activity = await readPairActivity(deps.prisma, scope.actorIds === null && nodeOf.size === snapshot.actorIds.length ? null : [...nodeOf.keys()], {
    ...request,
    asOf,
  });

  const bridges = bridgeTies(analytics.scope);
  const ties: ExportTie[] = [];
  const { edgeSource, edgeTarget, edgeWeight } = snapshot.graph;
  for (let e = 0; e < snapshot.graph.edgeCount; e += 1) {
    const [a, b] = [snapshot.actorIds[edgeSource[e]!]!, snapshot.actorIds[edgeTarget[e]!]!];
    if (!nodeOf.has(a) || !nodeOf.has(b)) continue;
    const facts = snapshot.ties[e]!;
    const key = pairKey(a, b);
    if (request.confirmedOnly && !facts.confirmed) continue;
    if ((request.modalities || request.levers) && !activity.allianceMatches.has(key)) continue;
    const spells = mergeSpells(activity.periods.get(key) ?? [{ start: facts.firstDay, end: facts.lastDay }]);
    if ((request.from || request.to) && !spells.some((spell) => overlaps(spell, request))) continue;
    ties.push({
      id: `${a}-${b}`,
      source: encodeGlobalID("Actor", a),
      target: encodeGlobalID("Actor", b),
      kinds: TIE_KINDS.filter(([, bit]) => (facts.kinds & bit) !== 0).map(([kind]) => kind),
      weight: edgeWeight[e]!,
      value: analytics.tieValues.value[e]!,
      confirmed: facts.confirmed,
      alliances: facts.alliances,
      interactions: facts.interactions,
      crossesProfiles: snapshot.profile[edgeSource[e]!] !== snapshot.profile[edgeTarget[e]!],
      isBridge: bridges ? (bridges.inScope.has(e) ? bridges.bridges.has(e) : null) : null,
      firstDay: facts.firstDay,
      lastDay: facts.lastDay,
      spells,
    });
  }

  const firstDay = new Map<string, number>();
  for (const tie of ties) {
    for (const end of [tie.source, tie.target]) firstDay.set(end, Math.min(firstDay.get(end) ?? Infinity, tie.spells[0]!.start));
  }
  const kept = [...nodeOf].filter(([id]) => request.isolates || firstDay.has(encodeGlobalID("Actor", id)));
  const keptIds = kept.map(([id]) => id);
  const details = await actorDetails(deps.prisma, keptIds, scope.actorIds === null && request.isolates && nodeOf.size === snapshot.actorIds.length);
  const contacts = peopleAllowed && request.people ? await contactsOf(deps.prisma, keptIds) : null;

  const nodes: ExportNode[] = kept.map(([id, v]) => {
    const detail = details.get(id);
    const globalId = encodeGlobalID("Actor", id);
    return {
      id: globalId,
      recordId: id,
      label: snapshot.names[v]!,
      profile: PROFILES[snapshot.profile[v]!]!,
      kind: snapshot.kind[v]!,
      isCatalyst: snapshot.catalyst[v] === 1,
      territory: detail?.territory ?? null,
      region: detail?.region ?? null,
      ecosystem: snapshot.ecosystem[v]! >= 0 ? encodeGlobalID("Ecosystem", snapshot.ecosystem[v]!) : null,
      source: detail?.source ?? "",
      externalId: detail?.externalId ?? null,
      siren: detail?.siren ?? null,
      rna: detail?.rna ?? null,
      metrics: analytics.scope ? metricsOf(analytics.scope, v) : null,
      firstDay: firstDay.get(globalId) ?? null,
      contacts: contacts ? (contacts.get(id) ?? []) : null,
    };
  });

  const keptSet = new Set(keptIds);
  const alliances = activity.alliances
    .map((alliance) => ({ ...alliance, members: alliance.members.filter((m) => keptSet.has(m.actorRecordId)) }))
    .filter((alliance) => alliance.members.length > 0);

  return {
    meta: {
      scope: scope.text,
      scopeLabel: scope.label,
      graphVersion: String(snapshot.version),
      asOf: isoDay(snapshot.today),
      timeTravel: asOf !== null,
      metricsScope: analytics.scope ? metricsScopeId(analytics.scope) : null,
      betweenness: analytics.scope?.metrics.algorithm.method ?? null,
      filters: filtersText(request),
      generatedAt: new Date().toISOString(),
    },
    nodes,
    ties,
    alliances,
    peopleIncluded: contacts !== null,
  };
}

function metricsOf(a: ScopeAnalytics, v: number): NodeMetrics | null {
  const i = a.metrics.localOf.get(v);
  if (i === undefined) return null;
  const m = a.metrics;
  return {
    degree: m.degree[i]!,
    strength: m.strength[i]!,
    betweenness: m.betweenness[i]!,
    weightedBetweenness: m.weightedBetweenness[i]!,
    crossProfileBetweenness: m.crossProfileBetweenness[i]!,
    crossTerritoryBetweenness: m.crossTerritoryBetweenness ? finite(m.crossTerritoryBetweenness[i]!) : null,
    constraint: finite(m.constraint[i]!),
    effectiveSize: finite(m.effectiveSize[i]!),
    eiIndex: finite(m.eiIndex[i]!),
    coreNumber: m.coreNumber[i]!,
    community: m.community[i]!,
    isArticulationPoint: m.isArticulationPoint[i] === 1,
    bridgeScore: a.bridges.score[i]!,
  };
}

/** The snapshot's tie ids in the metrics network, and those among them that are bridges. */
function bridgeTies(a: ScopeAnalytics | null): { inScope: Set<number>; bridges: Set<number> } | null {
  if (!a) return null;
  return { inScope: new Set(a.metrics.parentTie), bridges: new Set(Array.from(a.metrics.bridges, (local) => a.metrics.parentTie[local]!)) };
}

function metricsScopeId(a: ScopeAnalytics): string {
  const { scope } = a.metrics;
  return scope.kind === "national" ? scopeKey(scope) : `ecosystem:${encodeGlobalID("Ecosystem", scope.ecosystemId)}`;
}

function filtersText(r: ExportRequest): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const parts: string[] = [];
  if (r.profiles) parts.push(`profile=${r.profiles.join(",")}`);
  if (r.kinds) parts.push(`kind=${r.kinds.join(",")}`);
  if (r.modalities) parts.push(`modality=${r.modalities.join(",")}`);
  if (r.levers) parts.push(`lever=${r.levers.join(",")}`);
  if (r.from) parts.push(`from=${day(r.from)}`);
  if (r.to) parts.push(`to=${day(r.to)}`);
  if (r.confirmedOnly) parts.push("confirmed=true");
  if (!r.isolates) parts.push("isolates=false");
  return parts.join("; ");
}

interface ActorDetail {
  territory: ExportPlace | null;
  region: ExportPlace | null;
  source: string;
  externalId: string | null;
  siren: string | null;
  rna: string | null;
}

async function actorDetails(prisma: PrismaClient, ids: number[], everyActor: boolean): Promise<Map<number, ActorDetail>> {
  const place = { select: { level: true, code: true, name: true } } as const;
  const rows = await prisma.actor.findMany({
    where: everyActor ? {} : { id: { in: ids } },
    select: {
      id: true,
      source: true,
      externalId: true,
      siren: true,
      rna: true,
      territories: { select: { territory: { select: { level: true, code: true, name: true, region: place } } }, orderBy: { territoryId: "asc" }, take: 1 },
    },
  });
  return new Map(
    rows.map((row) => {
      const territory = row.territories[0]?.territory ?? null;
      const region = territory?.level === "REGION" ? { level: territory.level, code: territory.code, name: territory.name } : (territory?.region ?? null);
      return [
        row.id,
        {
          territory: territory && { level: territory.level, code: territory.code, name: territory.name },
          region,
          source: row.source,
          externalId: row.externalId,
          siren: row.siren,
          rna: row.rna,
        },
      ];
    }),
  );
}

async function contactsOf(prisma: PrismaClient, ids: number[]): Promise<Map<number, ExportPerson[]>> {
  const rows = await prisma.person.findMany({
    where: { actorId: { in: ids } },
    select: { id: true, actorId: true, name: true, email: true, phone: true, role: true },
    orderBy: { id: "asc" },
  });
  const byActor = new Map<number, ExportPerson[]>();
  for (const row of rows) {
    const list = byActor.get(row.actorId) ?? [];
    list.push({ recordId: row.id, name: row.name, email: row.email, phone: row.phone, role: row.role });
    byActor.set(row.actorId, list);
  }
  return byActor;
}
