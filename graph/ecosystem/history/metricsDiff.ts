/**
 * graph/ecosystem/history/metricsDiff: how an ecosystem changed between two days, from the metrics
 * of each (ecosystemMetrics.ts): its maturity level, composite and every component; the bridge
 * actors it gained and lost; the cross-profile ties that appeared and disappeared; the actors
 * that became active or stopped being; and its network figures side by side. Pure, and
 * indifferent to where each side comes from (a stored snapshot or a live computation).
 */
import type { Profile } from "../../../record/generated/prisma/enums.js";
import type { MaturityComponentKey } from "../maturityModel.js";
import type { EcosystemMetrics } from "./ecosystemMetrics.js";

export interface Change {
  from: number | null;
  to: number | null;
  /** to - from; null when either side is undefined. */
  change: number | null;
}

export interface ComponentChange {
  key: MaturityComponentKey;
  value: Change;
  score: Change;
  contribution: Change;
}

export interface BridgeActorChange {
  actorId: number;
  /** Rank (1 first) and score on each day; null on the day the actor was not a bridge actor. */
  rankFrom: number | null;
  rankTo: number | null;
  scoreFrom: number | null;
  scoreTo: number | null;
}

export interface ActorOnDay {
  id: number;
  profile: Profile;
}

export interface TieChange {
  a: ActorOnDay;
  b: ActorOnDay;
}

/** The network figures compared, in the order they are listed. */
export const NETWORK_FIGURES = [
  "actors",
  "activeActors",
  "activeEconomic",
  "activeGeneralInterest",
  "activePublic",
  "activeAcademic",
  "ties",
  "crossProfileTies",
  "density",
  "components",
  "largestComponentShare",
  "interactionValueTotal",
  "interactionValueMean",
] as const;
export type NetworkFigure = (typeof NETWORK_FIGURES)[number];

export interface MetricsDiff {
  maturity: { level: Change; composite: Change; growthStage: Change; components: ComponentChange[] };
  bridgeActors: { gained: BridgeActorChange[]; lost: BridgeActorChange[]; kept: BridgeActorChange[] };
  crossProfileTies: { gained: TieChange[]; lost: TieChange[] };
  actors: { joined: ActorOnDay[]; left: ActorOnDay[] };
  network: ({ figure: NetworkFigure } & Change)[];
}

export function change(from: number | null, to: number | null): Change {
  return { from, to, change: from === null || to === null ? null : to - from };
}

function figures(m: EcosystemMetrics): Record<NetworkFigure, number | null> {
  const n = m.network;
  return {
    actors: n.actors,
    activeActors: n.activeActors,
    activeEconomic: n.activeActorsByProfile.ECONOMIC,
    activeGeneralInterest: n.activeActorsByProfile.GENERAL_INTEREST,
    activePublic: n.activeActorsByProfile.PUBLIC,
    activeAcademic: n.activeActorsByProfile.ACADEMIC,
    ties: n.ties,
    crossProfileTies: n.crossProfileTies,
    density: n.density,
    components: n.components,
    largestComponentShare: n.largestComponentShare,
    interactionValueTotal: m.interactionValue.total,
    interactionValueMean: m.interactionValue.mean,
  };
}

function bridgeChanges(from: EcosystemMetrics, to: EcosystemMetrics): MetricsDiff["bridgeActors"] {
  const rank = (list: EcosystemMetrics["bridgeActors"]) => new Map(list.map((b, k) => [b.actorId, { rank: k + 1, score: b.score }]));
  const [before, after] = [rank(from.bridgeActors), rank(to.bridgeActors)];
  const entry = (actorId: number): BridgeActorChange => ({
    actorId,
    rankFrom: before.get(actorId)?.rank ?? null,
    rankTo: after.get(actorId)?.rank ?? null,
    scoreFrom: before.get(actorId)?.score ?? null,
    scoreTo: after.get(actorId)?.score ?? null,
  });
  return {
    // Gained and kept in the later ranking's order, lost in the earlier one's.
    gained: to.bridgeActors.filter((b) => !before.has(b.actorId)).map((b) => entry(b.actorId)),
    lost: from.bridgeActors.filter((b) => !after.has(b.actorId)).map((b) => entry(b.actorId)),
    kept: to.bridgeActors.filter((b) => before.has(b.actorId)).map((b) => entry(b.actorId)),
  };
}

/** The pairs of `side` missing from `other`, with their ends' profiles as `side` knew them. */
function tiesMissing(side: EcosystemMetrics, other: EcosystemMetrics): TieChange[] {
  const present = new Set(other.crossProfileTies.map(([a, b]) => `${a}-${b}`));
  const profileOf = new Map(side.activeActors.map((actor) => [actor.id, actor.profile]));
  return side.crossProfileTies
    .filter(([a, b]) => !present.has(`${a}-${b}`))
    .map(([a, b]) => ({ a: { id: a, profile: profileOf.get(a)! }, b: { id: b, profile: profileOf.get(b)! } }));
}

function actorsMissing(side: EcosystemMetrics, other: EcosystemMetrics): ActorOnDay[] {
  const present = new Set(other.activeActors.map((actor) => actor.id));
  return side.activeActors.filter((actor) => !present.has(actor.id));
}

export function diffMetrics(from: EcosystemMetrics, to: EcosystemMetrics): MetricsDiff {
  const componentsBefore = new Map(from.maturity.components.map((c) => [c.key, c]));
  const [figuresFrom, figuresTo] = [figures(from), figures(to)];
  return {
    maturity: {
      level: change(from.maturity.level, to.maturity.level),
      composite: change(from.maturity.composite, to.maturity.composite),
      growthStage: change(from.maturity.growthStage, to.maturity.growthStage),
      components: to.maturity.components.map((c) => {
        const before = componentsBefore.get(c.key);
        return {
          key: c.key,
          value: change(before?.value ?? null, c.value),
          score: change(before?.score ?? null, c.score),
          contribution: change(before?.contribution ?? null, c.contribution),
        };
      }),
    },
    bridgeActors: bridgeChanges(from, to),
    crossProfileTies: { gained: tiesMissing(to, from), lost: tiesMissing(from, to) },
    actors: { joined: actorsMissing(to, from), left: actorsMissing(from, to) },
    network: NETWORK_FIGURES.map((figure) => ({ figure, ...change(figuresFrom[figure], figuresTo[figure]) })),
  };
}
