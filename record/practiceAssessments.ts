import { NotFoundError } from "./errors.js";
import { practiceAssessmentEvent } from "./events.js";
import { recordChange } from "./outbox.js";
import type { Tx } from "./write.js";

/**
 * The practice self-assessment's write service. Each function runs inside the caller's
 * transaction (record/write.ts) and writes the change's outbox event.
 */

export interface PracticeAssessmentInput {
  /** Record id of the actor assessed. */
  actor: number;
  date: Date;
  /** One score (0-4) per practice assessed, keys of record/vocabulary/practices.ts. */
  scores: { practice: string; score: number }[];
}

/** Fields left out (undefined) keep their value; `scores`, when given, replace them all. */
export type PracticeAssessmentChanges = { [K in keyof PracticeAssessmentInput]?: PracticeAssessmentInput[K] | null };

export async function createPracticeAssessment(tx: Tx, input: PracticeAssessmentInput): Promise<number> {
  const { id } = await tx.practiceAssessment.create({
    data: { actorId: await requireActor(tx, input.actor), date: input.date, scores: { create: input.scores } },
    select: { id: true },
  });
  await recordChange(tx, practiceAssessmentEvent("CREATED", await assessmentState(tx, id)));
  return id;
}

export async function updatePracticeAssessment(tx: Tx, id: number, changes: PracticeAssessmentChanges): Promise<void> {
  if (!(await tx.practiceAssessment.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("PracticeAssessment", id);
  await tx.practiceAssessment.update({
    where: { id },
    data: {
      actorId: changes.actor ? await requireActor(tx, changes.actor) : undefined,
      date: changes.date ?? undefined,
      ...(changes.scores && { scores: { deleteMany: {}, create: changes.scores } }),
    },
    select: { id: true },
  });
  await recordChange(tx, practiceAssessmentEvent("UPDATED", await assessmentState(tx, id)));
}

/** Deletes a self-assessment with its scores. */
export async function deletePracticeAssessment(tx: Tx, id: number): Promise<void> {
  const { count } = await tx.practiceAssessment.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("PracticeAssessment", id);
  await recordChange(tx, practiceAssessmentEvent("DELETED", id));
}

async function requireActor(tx: Tx, id: number): Promise<number> {
  if (!(await tx.actor.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Actor", id);
  return id;
}

/** What the analytics need of an assessment: whose, when, its mean score and each practice's score. */
async function assessmentState(tx: Tx, id: number) {
  const row = await tx.practiceAssessment.findUniqueOrThrow({ where: { id }, select: { id: true, actorId: true, date: true, scores: { select: { practice: true, score: true } } } });
  const scores = Object.fromEntries(row.scores.map((s) => [s.practice, s.score]));
  return { id: row.id, actorId: row.actorId, date: row.date, mean: row.scores.reduce((sum, s) => sum + s.score, 0) / row.scores.length, scores };
}
