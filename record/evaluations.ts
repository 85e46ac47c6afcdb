import { NotFoundError } from "./errors.js";
import type { EvaluationPhase, Lever } from "./generated/prisma/enums.js";
import type { Tx } from "./write.js";

/**
 * The evaluation's write service. Each function runs inside the caller's transaction
 * (record/write.ts). No outbox event: the graph engines do not read evaluations.
 */

export interface EvaluationInput {
  /** Record id of the ecosystem whose accompaniment is evaluated. */
  ecosystem: number;
  phase: EvaluationPhase;
  date: Date;
  /** The four result criteria, each 0 to 4. */
  impact: number;
  reproducibility: number;
  promotion: number;
  appetence: number;
  /** The use of each lever scored, 0 (not used) to 4 (central); levers left out were not scored. */
  leverUses?: { lever: Lever; score: number }[] | null;
}

/** Fields left out (undefined) keep their value; `leverUses`, when given, replace the whole list. */
export type EvaluationChanges = { [K in keyof EvaluationInput]?: EvaluationInput[K] | null };

export async function createEvaluation(tx: Tx, input: EvaluationInput): Promise<number> {
  const { id } = await tx.evaluation.create({
    data: {
      ecosystemId: await requireEcosystem(tx, input.ecosystem),
      phase: input.phase,
      date: input.date,
      impact: input.impact,
      reproducibility: input.reproducibility,
      promotion: input.promotion,
      appetence: input.appetence,
      leverUses: { create: input.leverUses ?? [] },
    },
    select: { id: true },
  });
  return id;
}

export async function updateEvaluation(tx: Tx, id: number, changes: EvaluationChanges): Promise<void> {
  if (!(await tx.evaluation.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Evaluation", id);
  await tx.evaluation.update({
    where: { id },
    data: {
      ecosystemId: changes.ecosystem ? await requireEcosystem(tx, changes.ecosystem) : undefined,
      phase: changes.phase ?? undefined,
      date: changes.date ?? undefined,
      impact: changes.impact ?? undefined,
      reproducibility: changes.reproducibility ?? undefined,
      promotion: changes.promotion ?? undefined,
      appetence: changes.appetence ?? undefined,
      ...(changes.leverUses && { leverUses: { deleteMany: {}, create: changes.leverUses } }),
    },
    select: { id: true },
  });
}

/** Deletes an evaluation with its lever uses. */
export async function deleteEvaluation(tx: Tx, id: number): Promise<void> {
  const { count } = await tx.evaluation.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("Evaluation", id);
}

async function requireEcosystem(tx: Tx, id: number): Promise<number> {
  if (!(await tx.ecosystem.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Ecosystem", id);
  return id;
}
