import type { Prisma } from "../../record/generated/prisma/client.js";
import { EvaluationPhase, Lever } from "../../record/generated/prisma/enums.js";
import { PRACTICES, PRACTICE_SCORE_MAX } from "../../record/vocabulary/practices.js";
import { NEED_LEVELS } from "../../record/vocabulary/profiles.js";
import type { Cast } from "./actors.js";
import { HORIZON } from "./calendar.js";
import { addDays, clamp, type Random } from "./random.js";

export interface Assessments {
  needs: Prisma.NeedAssessmentCreateManyInput[];
  practices: Prisma.PracticeAssessmentCreateManyInput[];
  scores: Prisma.PracticeScoreCreateManyInput[];
  evaluations: Prisma.EvaluationCreateManyInput[];
  leverUses: Prisma.EvaluationLeverUseCreateManyInput[];
}

const ASSESSORS = ["Équipe d'animation du programme (démo)", "Catalyseur territorial (démo)", "Autodiagnostic du territoire (démo)"];
/** Practices of relations come first, strategy last: the study's grid reads as a progression. */
const AXIS_OFFSET = { MANAGEMENT: 0, RELATIONS: 0.3, STRATEGY: -0.4 } as const;
/** Listening time and skills are used everywhere; finance and engineering mostly by mature ecosystems. */
const LEVER_BASE: Record<Lever, number> = { DATA: 0.6, TOOLS: 1.2, SKILLS: 1.6, FINANCE: 0.4, ENGINEERING: 0.6, LISTENING_TIME: 2, PROMOTION: 0.9 };
const PHASE_OFFSET = [
  [EvaluationPhase.UPSTREAM, 10, 45, 0],
  [EvaluationPhase.MIDWAY, 420, 560, 0.5],
  [EvaluationPhase.DOWNSTREAM, 800, 900, 1],
] as const;

export function buildAssessments(cast: Cast, rng: Random): Assessments {
  const out: Assessments = { needs: [], practices: [], scores: [], evaluations: [], leverUses: [] };

  for (const { plan, members } of cast.ecosystems) {
    // 1 to 3 need assessments, months apart; the latest carries the planned level, earlier ones
    // the same level or the one below (ecosystems progress).
    const dates = [addDays(plan.accompaniedSince, rng.int(14, 60))];
    const wanted = rng.weighted([
      [1, 25],
      [2, 45],
      [3, 30],
    ]);
    while (dates.length < wanted) {
      const next = addDays(dates[dates.length - 1]!, rng.int(180, 330));
      if (next.getTime() > HORIZON.getTime()) break;
      dates.push(next);
    }
    let level: number = plan.level;
    for (const date of [...dates].reverse()) {
      out.needs.push({
        territoryId: plan.territory.id,
        date,
        level,
        assessedBy: rng.pick(ASSESSORS),
        notes: `Besoin : ${NEED_LEVELS[level - 1]!.fr.toLowerCase()} (diagnostic fictif, démo).`,
        source: "demo",
      });
      level = Math.max(1, level - (rng.chance(0.4) ? 1 : 0));
    }

    // Practice self-assessments: every catalyst, once or twice; a few other actors once.
    for (const actor of members) {
      const times = actor.isCatalyst ? (rng.chance(0.55) ? 2 : 1) : rng.chance(0.05) ? 1 : 0;
      const skill = 0.4 + 0.6 * plan.level + (actor.isCatalyst ? 0.4 : 0) + rng.normal(0, 0.4);
      let date = addDays(plan.accompaniedSince, rng.int(20, 120));
      for (let t = 0; t < times && date.getTime() <= HORIZON.getTime(); t++) {
        const assessmentId = out.practices.length + 1;
        out.practices.push({ id: assessmentId, actorId: actor.id, date, source: "demo" });
        for (const practice of PRACTICES) {
          const score = Math.round(clamp(rng.normal(skill + AXIS_OFFSET[practice.axis] + 0.3 * t, 0.7), 0, PRACTICE_SCORE_MAX));
          out.scores.push({ assessmentId, practice: practice.key, score });
        }
        date = addDays(date, rng.int(300, 500));
      }
    }

    // Evaluations upstream, midway and downstream of the 36-month accompaniment, when due.
    for (const [phase, from, to, progress] of PHASE_OFFSET) {
      const date = addDays(plan.accompaniedSince, rng.int(from, to));
      if (date.getTime() > HORIZON.getTime() || (phase !== "UPSTREAM" && !rng.chance(phase === "MIDWAY" ? 0.8 : 0.6))) continue;
      const id = out.evaluations.length + 1;
      const criterion = () => Math.round(clamp(rng.normal(0.3 + 0.55 * plan.level + progress, 0.7), 0, 4));
      out.evaluations.push({
        id,
        ecosystemId: plan.id,
        phase,
        date,
        impact: criterion(),
        reproducibility: criterion(),
        promotion: criterion(),
        appetence: Math.min(4, criterion() + 1),
        source: "demo",
      });
      for (const lever of Object.values(Lever)) {
        const score = Math.round(clamp(rng.normal(LEVER_BASE[lever] + 0.35 * (plan.level - 1) + progress * 0.5, 0.7), 0, 4));
        out.leverUses.push({ evaluationId: id, lever, score });
      }
    }
  }
  out.needs.forEach((row, i) => (row.id = i + 1));
  return out;
}
