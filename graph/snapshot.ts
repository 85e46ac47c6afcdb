import { PRACTICE_KEYS } from "../record/vocabulary/practices.js";
import type { ActorKind } from "../record/generated/prisma/enums.js";
import { PROFILES } from "../record/vocabulary/lists.js";
import { csrFromTies, type CsrGraph } from "./csr.js";
import { tieStrength, type InteractionValueWeights } from "./ecosystem/interactionValue.js";
import type { PracticeAssessmentRecord } from "../record/events.js";
import type { NetworkModel } from "./model.js";
import { dayOf, gatherTies, type TieFeatures } from "./tieFeatures.js";

/**
 * The network frozen at one version of the record, in the compact form the algorithms read:
 * actors as dense ids 0..n-1 (in record id order, so results are stable across rebuilds),
 * ties in CSR with their strength as weight, and group labels as typed arrays.
 */
export interface NetworkSnapshot {
  readonly version: bigint;
  /** The day the network is taken on (days since 1970-01-01). */
  readonly today: number;
  readonly graph: CsrGraph;
  readonly actorIds: Int32Array;
  readonly indexOfActor: ReadonlyMap<number, number>;
  /** Index into PROFILES. */
  readonly profile: Int32Array;
  readonly catalyst: Uint8Array;
  /** The ecosystem an actor acts in (record id), or -1. */
  readonly ecosystem: Int32Array;
  /** The région an actor acts in (territory record id), or -1. */
  readonly region: Int32Array;
  /** Dense territorial group: the actor's ecosystem, or its région when it is in none. */
  readonly territoryGroup: Int32Array;
  readonly names: readonly string[];
  readonly kind: readonly ActorKind[];
  /** Mean score (0-4) of the actor's latest practice self-assessment, NaN when it has none. */
  readonly practiceMean: Float64Array;
  /**
   * The same assessment practice by practice: row v holds actor v's scores in the grid's order
   * (PRACTICE_KEYS), NaN for a practice not assessed or an actor never assessed.
   */
  readonly practiceScores: Float64Array;
  /** Each alliance's members as node ids (alliances started on or before the snapshot's day). */
  readonly allianceMembers: ReadonlyMap<number, Int32Array>;
  /** Facts of each tie, by tie index (graph.edgeSource / edgeTarget order). */
  readonly ties: readonly TieFeatures[];
}

export interface SnapshotOptions {
  asOf?: Date | undefined;
  weights?: InteractionValueWeights | undefined;
}

export function buildSnapshot(model: NetworkModel, options: SnapshotOptions = {}): NetworkSnapshot {
  const actors = [...model.actors.values()].sort((a, b) => a.id - b.id);
  const n = actors.length;
  const indexOfActor = new Map(actors.map((actor, index) => [actor.id, index]));
  const profile = new Int32Array(n);
  const catalyst = new Uint8Array(n);
  const ecosystem = new Int32Array(n).fill(-1);
  const region = new Int32Array(n).fill(-1);
  const territoryGroup = new Int32Array(n);
  const groupIndex = new Map<string, number>();
  actors.forEach((actor, v) => {
    profile[v] = PROFILES.indexOf(actor.profile);
    catalyst[v] = actor.isCatalyst ? 1 : 0;
    const eco = actor.territories.map((t) => model.placement.ecosystemOf.get(t)).find((e) => e !== undefined);
    const reg = actor.territories.map((t) => model.placement.regionOf.get(t)).find((r) => r !== undefined);
    ecosystem[v] = eco ?? -1;
    region[v] = reg ?? -1;
    const key = eco !== undefined ? `e${eco}` : `r${reg ?? -1}`;
    if (!groupIndex.has(key)) groupIndex.set(key, groupIndex.size);
    territoryGroup[v] = groupIndex.get(key)!;
  });

  const today = options.asOf ? dayOf(options.asOf) : latestDay(model);
  const { means: practiceMean, scores: practiceScores } = latestPractices(model, indexOfActor, options.asOf);
  const gathered = [...gatherTies(model, options).values()];
  const ties = gathered.map((tie) => ({
    source: indexOfActor.get(tie.a)!,
    target: indexOfActor.get(tie.b)!,
    weight: tieStrength(tie, { today, crossesProfiles: profile[indexOfActor.get(tie.a)!] !== profile[indexOfActor.get(tie.b)!] }, options.weights),
  }));
  const graph = csrFromTies(n, ties);
  // csrFromTies orders ties by (source, target); line the features up with that order.
  const byPair = new Map(gathered.map((tie) => [indexOfActor.get(tie.a)! * n + indexOfActor.get(tie.b)!, tie]));
  const orderedTies = Array.from({ length: graph.edgeCount }, (_, e) => byPair.get(graph.edgeSource[e]! * n + graph.edgeTarget[e]!)!);
  return {
    version: model.version,
    today,
    graph,
    actorIds: Int32Array.from(actors, (a) => a.id),
    indexOfActor,
    profile,
    catalyst,
    ecosystem,
    region,
    territoryGroup,
    names: actors.map((a) => a.name),
    kind: actors.map((a) => a.kind),
    practiceMean,
    practiceScores,
    allianceMembers: allianceMembers(model, indexOfActor, today),
    ties: orderedTies,
  };
}

/**
 * The day the record's history reaches: recency counts back from the latest dated event rather
 * than the wall clock, so the same record always gives the same values.
 */
function latestDay(model: NetworkModel): number {
  let latest = 0;
  for (const interaction of model.interactions.values()) latest = Math.max(latest, dayOf(interaction.date));
  for (const alliance of model.alliances.values()) latest = Math.max(latest, dayOf(alliance.startDate));
  return latest;
}

/** Each actor's latest assessment (by date, then id) on or before `asOf`. */
function latestPractices(model: NetworkModel, indexOfActor: ReadonlyMap<number, number>, asOf: Date | undefined) {
  const width = PRACTICE_KEYS.length;
  const means = new Float64Array(indexOfActor.size).fill(Number.NaN);
  const scores = new Float64Array(indexOfActor.size * width).fill(Number.NaN);
  const latest = new Map<number, PracticeAssessmentRecord>();
  for (const assessment of model.practiceAssessments.values()) {
    const v = indexOfActor.get(assessment.actorId);
    if (v === undefined || (asOf && assessment.date.getTime() > asOf.getTime())) continue;
    const seen = latest.get(v);
    const later = !seen || assessment.date.getTime() > seen.date.getTime() || (assessment.date.getTime() === seen.date.getTime() && assessment.id > seen.id);
    if (later) latest.set(v, assessment);
  }
  for (const [v, assessment] of latest) {
    means[v] = assessment.mean;
    PRACTICE_KEYS.forEach((key, p) => {
      if (assessment.scores[key] !== undefined) scores[v * width + p] = assessment.scores[key];
    });
  }
  return { means, scores };
}

function allianceMembers(model: NetworkModel, indexOfActor: ReadonlyMap<number, number>, today: number): Map<number, Int32Array> {
  const members = new Map<number, Int32Array>();
  for (const alliance of model.alliances.values()) {
    if (dayOf(alliance.startDate) > today) continue;
    const nodes = alliance.members.map((m) => indexOfActor.get(m.actorId)).filter((v): v is number => v !== undefined);
    members.set(alliance.id, Int32Array.from(nodes));
  }
  return members;
}
