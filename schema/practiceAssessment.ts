import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import { PRACTICE_AXES, PRACTICE_KEYS, PRACTICES, type PracticeAxis } from "../record/vocabulary/practices.js";
import { createPracticeAssessment, deletePracticeAssessment, updatePracticeAssessment } from "../record/practiceAssessments.js";
import { Actor } from "./actor.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { dateRangeSchema, distinct, scoreSchema } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

const PracticeEnum = builder.enumType("Practice", {
  description: "The practices of the self-assessment grid, in the grid's order (record/vocabulary/practices.ts).",
  values: Object.fromEntries(
    PRACTICES.map((p) => [p.key, { description: `${p.label.en} (${p.label.fr}): ${p.axis.toLowerCase()} axis, situation ${p.situation}.` }]),
  ),
});
const PracticeAxisEnum = builder.enumType("PracticeAxis", { values: PRACTICE_AXES });

const AXIS_OF = new Map(PRACTICES.map((p) => [p.key, p.axis]));

interface AxisAverageShape {
  axis: PracticeAxis;
  average: number | null;
  scored: number;
}

const AxisAverage = builder.objectRef<AxisAverageShape>("PracticeAxisAverage").implement({
  fields: (t) => ({
    axis: t.expose("axis", { type: PracticeAxisEnum }),
    average: t.exposeFloat("average", { nullable: true, description: "Mean score 0-4 of the axis's scored practices; null when none was scored." }),
    scored: t.exposeInt("scored", { description: "How many of the axis's practices were scored." }),
  }),
});

/** Every axis, in the grid's order, so clients can draw a stable radar even from a partial grid. */
function axisAverages(scores: { practice: string; score: number }[]): AxisAverageShape[] {
  return PRACTICE_AXES.map((axis) => {
    const own = scores.filter((s) => AXIS_OF.get(s.practice) === axis);
    return { axis, scored: own.length, average: own.length ? own.reduce((sum, s) => sum + s.score, 0) / own.length : null };
  });
}

const GRID_ORDER = new Map(PRACTICE_KEYS.map((key, index) => [key, index]));

const PracticeScore = builder.prismaObject("PracticeScore", {
  fields: (t) => ({ practice: t.expose("practice", { type: PracticeEnum }), score: t.exposeInt("score") }),
});

export const PracticeAssessment = builder.prismaNode("PracticeAssessment", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "An actor's self-assessment on the practice grid, each practice scored 0 to 4.",
  fields: (t) => ({
    actor: t.relation("actor"),
    date: t.expose("date", { type: "Date" }),
    source: t.exposeString("source"),
    scores: t.field({
      type: [PracticeScore],
      description: "In the grid's order, so that two assessments line up practice by practice.",
      select: (_args, _ctx, nested) => ({ scores: nested(true) }),
      resolve: (assessment) => [...assessment.scores].sort((a, b) => GRID_ORDER.get(a.practice)! - GRID_ORDER.get(b.practice)!),
    }),
    axisAverages: t.field({
      type: [AxisAverage],
      description: "Average score per axis: management, relations, strategy.",
      select: { scores: { select: { practice: true, score: true } } },
      resolve: (assessment) => axisAverages(assessment.scores),
    }),
  }),
});

const PracticeAssessmentFilter = builder.inputType("PracticeAssessmentFilter", {
  fields: (t) => ({
    actor: t.globalID({ for: [Actor] }),
    from: t.field({ type: "Date", description: "On or after this day." }),
    to: t.field({ type: "Date", description: "On or before this day." }),
  }),
});

function practiceAssessmentWhere(filter: typeof PracticeAssessmentFilter.$inferInput | null | undefined): Prisma.PracticeAssessmentWhereInput {
  if (!filter) return {};
  const and: Prisma.PracticeAssessmentWhereInput[] = [];
  if (filter.actor) and.push({ actorId: recordId(filter.actor) });
  if (filter.from) and.push({ date: { gte: filter.from } });
  if (filter.to) and.push({ date: { lte: filter.to } });
  return { AND: and };
}

builder.queryFields((t) => ({
  practiceAssessments: t.prismaConnection({
    type: "PracticeAssessment",
    cursor: "id",
    args: { filter: t.arg({ type: PracticeAssessmentFilter }) },
    totalCount: (_c, args, ctx) => ctx.prisma.practiceAssessment.count({ where: practiceAssessmentWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.practiceAssessment.findMany({ ...query, where: practiceAssessmentWhere(args.filter), orderBy: [{ date: "asc" }, { id: "asc" }] }),
  }),
}));

const PracticeScoreInput = builder.inputType("PracticeScoreInput", {
  fields: (t) => ({
    practice: t.field({ type: PracticeEnum, required: true }),
    score: t.int({ required: true, description: "0 (absent) to 4 (mastered)." }),
  }),
});

const practiceFields = {
  date: dateRangeSchema,
  scores: z
    .array(z.looseObject({ practice: z.enum(PRACTICE_KEYS), score: scoreSchema }))
    .min(1, "at least one practice is scored")
    .refine((scores) => distinct(scores.map((s) => s.practice)), "each practice once"),
};

const inputFields = <Creating extends boolean>(t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0], creating: Creating) => ({
  actor: t.globalID({ for: [Actor], required: creating }),
  date: t.field({ type: "Date", required: creating }),
  scores: t.field({
    type: [PracticeScoreInput],
    required: creating,
    description: creating ? "Practices left out were not assessed." : "Replaces every score when given.",
  }),
});

const CreatePracticeAssessmentInput = builder.inputType("CreatePracticeAssessmentInput", {
  fields: (t) => inputFields(t, true),
  validate: z.looseObject(practiceFields),
});

const UpdatePracticeAssessmentInput = builder.inputType("UpdatePracticeAssessmentInput", {
  description: "Fields left out keep their value; scores, when given, replace the whole list.",
  fields: (t) => inputFields(t, false),
  // `.optional()`, not `.nullish()`: null for a required column is refused here, not ignored.
  validate: z.looseObject({
    actor: z.looseObject({ id: z.string() }).optional(),
    date: practiceFields.date.optional(),
    scores: practiceFields.scores.optional(),
  }),
});

builder.mutationFields((t) => ({
  createPracticeAssessment: t.prismaField({
    type: "PracticeAssessment",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "practiceAssessment" } },
    args: { input: t.arg({ type: CreatePracticeAssessmentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createPracticeAssessment", recordType: "PracticeAssessment", changes: input }, (tx) =>
        createPracticeAssessment(tx, { ...input, actor: recordId(input.actor) }),
      );
      return ctx.prisma.practiceAssessment.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updatePracticeAssessment: t.prismaField({
    type: "PracticeAssessment",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "practiceAssessment" } },
    args: { id: t.arg.globalID({ for: [PracticeAssessment], required: true }), input: t.arg({ type: UpdatePracticeAssessmentInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updatePracticeAssessment", recordType: "PracticeAssessment", recordId: id, changes: input }, (tx) =>
        updatePracticeAssessment(tx, id, { ...input, actor: input.actor && recordId(input.actor) }),
      );
      return ctx.prisma.practiceAssessment.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation("PracticeAssessment", [PracticeAssessment], deletePracticeAssessment, "Deletes a self-assessment with its scores.");
