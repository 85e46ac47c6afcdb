import { NotFoundError } from "./errors.js";
import { practiceAssessmentEvent } from "./events.js";
import { bulkInsert, insertReturningIds, withoutId } from "./bulkInsert.js";
import * as T from "./tables.js";
import { day } from "./imports/canonical.js";
import type { RecordAdapter } from "./imports/recordAdapters.js";
import { recordChange } from "./outbox.js";
import type { Tx } from "./write.js";

/**
 * The practice self-assessment's write service. Each function runs inside the caller's
 * transaction (record/write.ts) and writes the change's outbox event. `practiceImport` writes the
 * importer's rows (record/imports/writeSection.ts) by the batch.
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
      ...(changes.scores && { scores: replaceScores(changes.scores) }),
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

/** The nested write that makes the assessment's scores these, in place of the ones it had. */
function replaceScores(scores: { practice: string; score: number }[]) {
  return { deleteMany: {}, createMany: { data: scores } };
}

async function assessmentState(tx: Tx, id: number) {
  const row = await tx.practiceAssessment.findUniqueOrThrow({
    where: { id },
    select: { id: true, actorId: true, date: true, scores: { select: { practice: true, score: true } } },
  });
  return assessmentRecord(row.id, row.actorId, row.date, Object.fromEntries(row.scores.map((s) => [s.practice, s.score])));
}

/** What the analytics need of an assessment: whose, when, its mean score and each practice's score. */
function assessmentRecord(id: number, actorId: number, date: Date, scores: Record<string, number>) {
  const values = Object.values(scores);
  return { id, actorId, date, mean: values.reduce((sum, v) => sum + v, 0) / values.length, scores };
}

export const practiceImport: RecordAdapter<"practices"> = {
  recordType: "PracticeAssessment",
  bind: (v, ids) => ({ ...v, actor: ids.actor(v.actor) }),
  canonical: (s) => JSON.stringify([s.actor, day(s.date), Object.entries(s.scores).sort(([a], [b]) => a.localeCompare(b))]),
  load: async (db, source, externalIds) => {
    const rows = await db.practiceAssessment.findMany({
      where: { source, externalId: { in: externalIds } },
      select: { id: true, externalId: true, actorId: true, date: true, scores: { select: { practice: true, score: true } } },
    });
    return new Map(
      rows.map((r) => [
        r.externalId!,
        { id: r.id, state: { actor: r.actorId, date: r.date, scores: Object.fromEntries(r.scores.map((s) => [s.practice, s.score])) } },
      ]),
    );
  },
  create: async (tx, source, rows) => {
    const ids = await insertReturningIds(
      tx,
      "PracticeAssessment",
      rows.map(({ externalId, state }) => ({ actorId: state.actor, date: state.date, source, externalId })),
      withoutId(T.PRACTICE_ASSESSMENT),
    );
    await bulkInsert(
      tx,
      "PracticeScore",
      rows.flatMap((r) => Object.entries(r.state.scores).map(([practice, score]) => ({ assessmentId: ids.get(r.externalId)!, practice, score }))),
      T.PRACTICE_SCORE,
    );
    return ids;
  },
  update: async (tx, id, state) => {
    await tx.practiceAssessment.update({
      where: { id },
      data: { actorId: state.actor, date: state.date, scores: replaceScores(Object.entries(state.scores).map(([practice, score]) => ({ practice, score }))) },
      select: { id: true },
    });
  },
  event: (operation, id, s) => practiceAssessmentEvent(operation, assessmentRecord(id, s.actor, s.date, s.scores)),
};
