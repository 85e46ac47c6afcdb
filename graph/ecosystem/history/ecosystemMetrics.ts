/**
 * graph/ecosystem/history/ecosystemMetrics: what a metric snapshot keeps of one ecosystem on one
 * day, so that two days can be compared later without recomputing the past: its maturity with
 * every component, the head of its bridge ranking, its network at a glance, the value of its
 * interactions, and the two lists a diff needs (its active actors, its cross-profile ties).
 *
 * The record dates alliances and interactions but not actors, so an actor placed in the
 * ecosystem is always in its network; it counts as *active* once it has at least one tie (inside
 * the ecosystem or beyond). Pure: the same snapshot gives the same metrics, as plain JSON.
 */
import type { Profile } from "../../../record/generated/prisma/enums.js";
import { bridgeScores, rankBridges } from "../bridges.js";
import { ecosystemMaturity } from "../maturity.js";
import type { MaturityComponentKey } from "../maturityModel.js";
import { computeNetworkStats } from "../networkStats.js";
import { computeScopeMetrics } from "../scopeMetrics.js";
import { tieStructuralPositions } from "../structuralPosition.js";
import { computeTieValues, rollUp, tiesAmong, type TieValues } from "../tieValues.js";
import { PROFILES } from "../../../record/vocabulary/lists.js";
import type { NetworkSnapshot } from "../../snapshot.js";

/** Bumped when the shape below changes: a reader ignores a snapshot of a format it does not know. */
export const METRICS_FORMAT = 1;

/** How many bridge actors a snapshot keeps: the head of the ranking is what a territory discusses. */
export const BRIDGE_ACTORS_KEPT = 10;

export interface MaturityRecord {
  level: number;
  composite: number;
  growthStage: number;
  components: { key: MaturityComponentKey; value: number | null; score: number; contribution: number }[];
}

export interface NetworkRecord {
  /** Actors placed in the ecosystem, with a tie or not. */
  actors: number;
  /** Actors with at least one tie on the day. */
  activeActors: number;
  activeActorsByProfile: Record<Profile, number>;
  /** Ties among the ecosystem's actors. */
  ties: number;
  crossProfileTies: number;
  /** Null when undefined (fewer than two actors). */
  density: number | null;
  components: number;
  largestComponentShare: number;
}

export interface EcosystemMetrics {
  format: typeof METRICS_FORMAT;
  maturity: MaturityRecord;
  /** Highest bridge score first; only actors with a positive score, at most BRIDGE_ACTORS_KEPT. */
  bridgeActors: { actorId: number; score: number }[];
  network: NetworkRecord;
  /** The value of the ties among the ecosystem's actors, default weights. */
  interactionValue: { ties: number; total: number; mean: number };
  /** Active actors by record id, ascending, with their profile. */
  activeActors: { id: number; profile: Profile }[];
  /** Ties among the ecosystem's actors whose ends differ in profile, as record id pairs [a < b], sorted. */
  crossProfileTies: [number, number][];
}

/** JSON holds no NaN: an undefined ratio is null. */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Every tie's value with the default weights: computed once per snapshot, shared by every ecosystem. */
export function defaultTieValues(snapshot: NetworkSnapshot): TieValues {
  return computeTieValues(snapshot, tieStructuralPositions(snapshot));
}

export function measureEcosystem(snapshot: NetworkSnapshot, ecosystemId: number, values: TieValues): EcosystemMetrics {
  const metrics = computeScopeMetrics(snapshot, { kind: "ecosystem", ecosystemId });
  const stats = computeNetworkStats(snapshot, metrics);
  const bridges = bridgeScores(metrics);
  const maturity = ecosystemMaturity(snapshot, ecosystemId);
  const { graph, actorIds, profile } = snapshot;
  const { nodes } = metrics;

  const activeActors: EcosystemMetrics["activeActors"] = [];
  const activeActorsByProfile = Object.fromEntries(PROFILES.map((p) => [p, 0])) as Record<Profile, number>;
  for (const v of nodes) {
    if (graph.offsets[v + 1]! === graph.offsets[v]!) continue;
    const p = PROFILES[profile[v]!]!;
    activeActors.push({ id: actorIds[v]!, profile: p });
    activeActorsByProfile[p] += 1;
  }
  const crossProfileTies: [number, number][] = [];
  for (const e of metrics.parentTie) {
    const [u, w] = [graph.edgeSource[e]!, graph.edgeTarget[e]!];
    if (profile[u] === profile[w]) continue;
    const [a, b] = [actorIds[u]!, actorIds[w]!];
    crossProfileTies.push(a < b ? [a, b] : [b, a]);
  }
  crossProfileTies.sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  const bridgeActors = Array.from(rankBridges(bridges, BRIDGE_ACTORS_KEPT))
    .filter((i) => bridges.score[i]! > 0)
    .map((i) => ({ actorId: actorIds[nodes[i]!]!, score: bridges.score[i]! }));
  const value = rollUp(values, tiesAmong(snapshot, nodes));

  return {
    format: METRICS_FORMAT,
    maturity: {
      level: maturity.level,
      composite: maturity.composite,
      growthStage: maturity.growthStage,
      components: maturity.components.map(({ key, value: v, score, contribution }) => ({
        key,
        value: v === null ? null : finiteOrNull(v),
        score,
        contribution,
      })),
    },
    bridgeActors,
    network: {
      actors: stats.nodes,
      activeActors: activeActors.length,
      activeActorsByProfile,
      ties: stats.ties,
      crossProfileTies: crossProfileTies.length,
      density: finiteOrNull(stats.density),
      components: stats.components,
      largestComponentShare: stats.largestComponentShare,
    },
    interactionValue: { ties: value.ties, total: value.total, mean: value.mean },
    activeActors,
    crossProfileTies,
  };
}

/** A stored snapshot's metrics, if they are of the format this code reads; null otherwise. */
export function readMetrics(json: unknown): EcosystemMetrics | null {
  const candidate = json as Partial<EcosystemMetrics> | null;
  if (!candidate || typeof candidate !== "object" || candidate.format !== METRICS_FORMAT) return null;
  const complete =
    candidate.maturity &&
    candidate.network &&
    candidate.interactionValue &&
    Array.isArray(candidate.bridgeActors) &&
    Array.isArray(candidate.activeActors) &&
    Array.isArray(candidate.crossProfileTies);
  return complete ? (candidate as EcosystemMetrics) : null;
}
