import type { PrismaClient } from "../../record/generated/prisma/client.js";
import { buildCast } from "./actors.js";
import { buildAlliances } from "./alliances.js";
import { buildAssessments } from "./assessments.js";
import { buildFundings } from "./fundings.js";
import { buildInteractions } from "./interactions.js";
import { planProgramme, type NeedLevel } from "./programme.js";
import { Random } from "./random.js";
import { bulkInsert } from "../../record/bulkInsert.js";
import { resetSequences } from "./store.js";
import * as T from "../../record/tables.js";
import { buildOfficialTerritories } from "./territories.js";

export { resetRecord } from "./store.js";

/** The default seed: any integer gives another, equally plausible, demo programme. */
export const DEFAULT_SEED = 2024;

export interface SeedSummary {
  seed: number;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Ecosystems per latest assessed need level (51 / 20 / 7 / 3). */
  ecosystemsByLatestLevel: Record<NeedLevel, number>;
  /** Ecosystem actors per latest need level of their ecosystem. */
  actorsByLatestLevel: Record<NeedLevel, number>;
}

/**
 * Fills an empty record with the official territories and a synthetic, deterministic demo
 * programme: 81 ecosystems, 350 catalysts, a few thousand actors, their alliances and interactions
 * from 2019 to 2026, need and practice assessments, evaluations and fundings. Everything is built
 * in memory with explicit ids, then written in one transaction, one bulk statement per table
 * (see record/bulkInsert.ts for why not createMany).
 */
export async function seedDemo(prisma: PrismaClient, options: { seed?: number } = {}): Promise<SeedSummary> {
  const existing = await prisma.territory.count();
  if (existing > 0) throw new Error(`seedDemo needs an empty database, but Territory already has ${existing} rows: call resetRecord() first.`);

  const seed = options.seed ?? DEFAULT_SEED;
  const rng = new Random(seed);
  const official = buildOfficialTerritories();
  const programme = planProgramme(official, rng);
  const territories = [...official.regions, ...official.departements, ...official.epcis.map((e) => e.row), ...programme.projects];
  const cast = buildCast(programme, rng);
  const ecosystems = cast.ecosystems.map(({ plan, pivot }) => ({
    id: plan.id,
    territoryId: plan.territory.id,
    accompaniedSince: plan.accompaniedSince,
    pivotActorId: pivot.id,
    source: "demo",
  }));
  const alliances = buildAlliances(cast, rng);
  const interactions = buildInteractions(cast, alliances.drafts, rng);
  const assessments = buildAssessments(cast, rng);
  const fundings = buildFundings(cast, rng);
  const people = cast.people.map((p, i) => ({ ...p, id: i + 1 }));

  await prisma.$transaction(
    async (tx) => {
      // Dependency order: territories, actors, then what links them.
      await bulkInsert(tx, "Territory", territories, T.TERRITORY);
      await bulkInsert(
        tx,
        "_ProjectMembers",
        programme.projectMembers.map(([project, member]) => ({ A: project, B: member })),
        T.PROJECT_MEMBERS,
      );
      await bulkInsert(tx, "Actor", cast.actors, T.ACTOR, { defaults: T.STAMPED });
      await bulkInsert(tx, "ActorTerritory", cast.actorTerritories, T.ACTOR_TERRITORY);
      await bulkInsert(tx, "Person", people, T.PERSON);
      await bulkInsert(tx, "Ecosystem", ecosystems, T.ECOSYSTEM);
      await bulkInsert(tx, "Alliance", alliances.rows, T.ALLIANCE, { defaults: T.STAMPED });
      await bulkInsert(tx, "AllianceMember", alliances.members, T.ALLIANCE_MEMBER);
      await bulkInsert(tx, "Interaction", interactions.rows, T.INTERACTION);
      await bulkInsert(tx, "InteractionParticipant", interactions.participants, T.INTERACTION_PARTICIPANT);
      await bulkInsert(tx, "NeedAssessment", assessments.needs, T.NEED_ASSESSMENT);
      await bulkInsert(tx, "PracticeAssessment", assessments.practices, T.PRACTICE_ASSESSMENT);
      await bulkInsert(tx, "PracticeScore", assessments.scores, T.PRACTICE_SCORE);
      await bulkInsert(tx, "Evaluation", assessments.evaluations, T.EVALUATION);
      await bulkInsert(tx, "EvaluationLeverUse", assessments.leverUses, T.EVALUATION_LEVER_USE);
      await bulkInsert(tx, "Funding", fundings, T.FUNDING);
      await resetSequences(tx);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );

  const byLevel = (count: (level: NeedLevel) => number) => ({ 1: count(1), 2: count(2), 3: count(3), 4: count(4) });
  return {
    seed,
    counts: {
      Territory: territories.length,
      ProjectMembers: programme.projectMembers.length,
      Actor: cast.actors.length,
      ActorTerritory: cast.actorTerritories.length,
      Person: people.length,
      Ecosystem: ecosystems.length,
      Alliance: alliances.rows.length,
      AllianceMember: alliances.members.length,
      Interaction: interactions.rows.length,
      InteractionParticipant: interactions.participants.length,
      NeedAssessment: assessments.needs.length,
      PracticeAssessment: assessments.practices.length,
      PracticeScore: assessments.scores.length,
      Evaluation: assessments.evaluations.length,
      EvaluationLeverUse: assessments.leverUses.length,
      Funding: fundings.length,
    },
    ecosystemsByLatestLevel: byLevel((l) => programme.ecosystems.filter((e) => e.level === l).length),
    actorsByLatestLevel: byLevel((l) => cast.ecosystems.filter((e) => e.plan.level === l).reduce((sum, e) => sum + e.members.length, 0)),
  };
}
