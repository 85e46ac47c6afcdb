import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { Ecosystem } from "./ecosystem.js";
import { EvaluationPhaseEnum, LeverEnum } from "./enums.js";
import { createEvaluation, deleteEvaluation, updateEvaluation } from "../record/evaluations.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { dateRangeSchema, distinct, scoreSchema } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

builder.prismaObject("EvaluationLeverUse", {
  fields: (t) => ({ lever: t.expose("lever", { type: LeverEnum }), score: t.exposeInt("score") }),
});

export const Evaluation = builder.prismaNode("Evaluation", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "An evaluation of an accompaniment: the four result criteria and the use of the seven levers, each 0 to 4.",
  fields: (t) => ({
    ecosystem: t.relation("ecosystem"),
    phase: t.expose("phase", { type: EvaluationPhaseEnum }),
    date: t.expose("date", { type: "Date" }),
    impact: t.exposeInt("impact"),
    reproducibility: t.exposeInt("reproducibility"),
    promotion: t.exposeInt("promotion"),
    appetence: t.exposeInt("appetence"),
    source: t.exposeString("source"),
    leverUses: t.relation("leverUses", { query: { orderBy: { lever: "asc" } } }),
  }),
});

const EvaluationFilter = builder.inputType("EvaluationFilter", {
  fields: (t) => ({
    ecosystem: t.globalID({ for: [Ecosystem] }),
    phases: t.field({ type: [EvaluationPhaseEnum] }),
    from: t.field({ type: "Date", description: "On or after this day." }),
    to: t.field({ type: "Date", description: "On or before this day." }),
  }),
});

function evaluationWhere(filter: typeof EvaluationFilter.$inferInput | null | undefined): Prisma.EvaluationWhereInput {
  if (!filter) return {};
  const and: Prisma.EvaluationWhereInput[] = [];
  if (filter.ecosystem) and.push({ ecosystemId: recordId(filter.ecosystem) });
  if (filter.phases) and.push({ phase: { in: filter.phases } });
  if (filter.from) and.push({ date: { gte: filter.from } });
  if (filter.to) and.push({ date: { lte: filter.to } });
  return { AND: and };
}

builder.queryFields((t) => ({
  evaluations: t.prismaConnection({
    type: "Evaluation",
    cursor: "id",
    args: { filter: t.arg({ type: EvaluationFilter }) },
    totalCount: (_c, args, ctx) => ctx.prisma.evaluation.count({ where: evaluationWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.evaluation.findMany({ ...query, where: evaluationWhere(args.filter), orderBy: [{ date: "asc" }, { id: "asc" }] }),
  }),
}));

const LeverUseInput = builder.inputType("EvaluationLeverUseInput", {
  fields: (t) => ({
    lever: t.field({ type: LeverEnum, required: true }),
    score: t.int({ required: true, description: "0 (not used) to 4 (central)." }),
  }),
});

const leverUsesSchema = z
  .array(z.looseObject({ lever: z.string(), score: scoreSchema }))
  .refine((uses) => distinct(uses.map((u) => u.lever)), "each lever once");
const evaluationFields = {
  date: dateRangeSchema,
  impact: scoreSchema,
  reproducibility: scoreSchema,
  promotion: scoreSchema,
  appetence: scoreSchema,
  leverUses: leverUsesSchema.nullish(),
};

const inputFields = <Creating extends boolean>(t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0], creating: Creating) => ({
  ecosystem: t.globalID({ for: [Ecosystem], required: creating }),
  phase: t.field({ type: EvaluationPhaseEnum, required: creating }),
  date: t.field({ type: "Date", required: creating }),
  impact: t.int({ required: creating, description: "0 to 4." }),
  reproducibility: t.int({ required: creating, description: "0 to 4." }),
  promotion: t.int({ required: creating, description: "0 to 4." }),
  appetence: t.int({ required: creating, description: "0 to 4." }),
  leverUses: t.field({ type: [LeverUseInput], description: creating ? "Levers left out were not scored." : "Replaces every lever use when given." }),
});

const CreateEvaluationInput = builder.inputType("CreateEvaluationInput", {
  fields: (t) => inputFields(t, true),
  validate: z.looseObject(evaluationFields),
});

const UpdateEvaluationInput = builder.inputType("UpdateEvaluationInput", {
  description: "Fields left out keep their value; leverUses, when given, replace the whole list.",
  fields: (t) => inputFields(t, false),
  // `.optional()`, not `.nullish()`: null for a required column is refused here, not ignored.
  validate: z.looseObject({
    ecosystem: z.looseObject({ id: z.string() }).optional(),
    phase: z.string().optional(),
    date: evaluationFields.date.optional(),
    impact: scoreSchema.optional(),
    reproducibility: scoreSchema.optional(),
    promotion: scoreSchema.optional(),
    appetence: scoreSchema.optional(),
    leverUses: leverUsesSchema.optional(),
  }),
});

builder.mutationFields((t) => ({
  createEvaluation: t.prismaField({
    type: "Evaluation",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "evaluation" } },
    args: { input: t.arg({ type: CreateEvaluationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createEvaluation", recordType: "Evaluation", changes: input }, (tx) =>
        createEvaluation(tx, { ...input, ecosystem: recordId(input.ecosystem) }),
      );
      return ctx.prisma.evaluation.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updateEvaluation: t.prismaField({
    type: "Evaluation",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "evaluation" } },
    args: { id: t.arg.globalID({ for: [Evaluation], required: true }), input: t.arg({ type: UpdateEvaluationInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updateEvaluation", recordType: "Evaluation", recordId: id, changes: input }, (tx) =>
        updateEvaluation(tx, id, { ...input, ecosystem: input.ecosystem && recordId(input.ecosystem) }),
      );
      return ctx.prisma.evaluation.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation("Evaluation", [Evaluation], deleteEvaluation);
