import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import type { Context } from "./context.js";
import { NEED_LEVELS } from "../record/vocabulary/profiles.js";
import { territoryScopes } from "./loaders.js";
import { territoryUnder } from "../record/territoryScope.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { Territory } from "./territory.js";
import { createNeedAssessment, deleteNeedAssessment, updateNeedAssessment } from "../record/needAssessments.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { dateRangeSchema, nameSchema, textSchema } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

export const NeedLevelEnum = builder.enumType("NeedLevel", {
  description: "The four natures of need, each a maturity level (the integer `level` 1 to 4).",
  values: Object.fromEntries(NEED_LEVELS.map((l) => [l.key, { description: `Level ${l.level} (${l.fr}).` }])),
});

const levelNames = new Map<number, string>(NEED_LEVELS.map((l) => [l.level, l.key]));

export const NeedAssessment = builder.prismaNode("NeedAssessment", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "A territory's assessed need level: 1 ACCOMPANY, 2 CONSOLIDATE, 3 INVEST, 4 INVENT.",
  fields: (t) => ({
    territory: t.relation("territory"),
    date: t.expose("date", { type: "Date" }),
    level: t.exposeInt("level"),
    levelName: t.field({
      type: NeedLevelEnum,
      select: { level: true },
      // Levels are checked on write; a row outside 1..4 can only come from a bad import, and
      // failing loudly there beats inventing a name.
      resolve: (assessment) => {
        const name = levelNames.get(assessment.level);
        if (!name) throw new Error(`NeedAssessment ${assessment.id}: level ${assessment.level} is outside 1..4`);
        return name;
      },
    }),
    assessedBy: t.exposeString("assessedBy"),
    notes: t.exposeString("notes", { nullable: true }),
    source: t.exposeString("source"),
  }),
});

const needLevelSchema = z.number().int().min(1, "need levels run from 1 to 4").max(4, "need levels run from 1 to 4");

const NeedAssessmentFilter = builder.inputType("NeedAssessmentFilter", {
  fields: (t) => ({
    territory: t.globalID({ for: [Territory], description: "Assessed for this territory or one under it." }),
    levels: t.intList({ validate: z.array(needLevelSchema) }),
    from: t.field({ type: "Date", description: "On or after this day." }),
    to: t.field({ type: "Date", description: "On or before this day." }),
  }),
});

async function needAssessmentWhere(ctx: Context, filter: typeof NeedAssessmentFilter.$inferInput | null | undefined): Promise<Prisma.NeedAssessmentWhereInput> {
  if (!filter) return {};
  const and: Prisma.NeedAssessmentWhereInput[] = [];
  if (filter.levels) and.push({ level: { in: filter.levels } });
  if (filter.from) and.push({ date: { gte: filter.from } });
  if (filter.to) and.push({ date: { lte: filter.to } });
  if (filter.territory) {
    const prefixes = await territoryScopes(ctx).load(recordId(filter.territory));
    and.push(prefixes ? { territory: territoryUnder(prefixes) } : { id: { in: [] } });
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  needAssessments: t.prismaConnection({
    type: "NeedAssessment",
    cursor: "id",
    args: { filter: t.arg({ type: NeedAssessmentFilter }) },
    totalCount: async (_c, args, ctx) => ctx.prisma.needAssessment.count({ where: await needAssessmentWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.needAssessment.findMany({ ...query, where: await needAssessmentWhere(ctx, args.filter), orderBy: [{ date: "asc" }, { id: "asc" }] }),
  }),
}));

const needFields = {
  date: dateRangeSchema,
  level: needLevelSchema,
  assessedBy: nameSchema,
  notes: textSchema.nullish(),
};

const inputFields = <Creating extends boolean>(t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0], creating: Creating) => ({
  territory: t.globalID({ for: [Territory], required: creating }),
  date: t.field({ type: "Date", required: creating }),
  level: t.int({ required: creating, description: "1 ACCOMPANY, 2 CONSOLIDATE, 3 INVEST, 4 INVENT." }),
  assessedBy: t.string({ required: creating, description: "Who assessed: a person, a team or a method." }),
  notes: t.string(),
});

const CreateNeedAssessmentInput = builder.inputType("CreateNeedAssessmentInput", {
  fields: (t) => inputFields(t, true),
  validate: z.looseObject(needFields),
});

const UpdateNeedAssessmentInput = builder.inputType("UpdateNeedAssessmentInput", {
  description: "Fields left out keep their value; only notes can be cleared with null.",
  fields: (t) => inputFields(t, false),
  // `.optional()`, not `.nullish()`: null for a required column is refused here, not ignored.
  validate: z.looseObject({
    ...needFields,
    territory: z.looseObject({ id: z.string() }).optional(),
    date: needFields.date.optional(),
    level: needFields.level.optional(),
    assessedBy: needFields.assessedBy.optional(),
  }),
});

builder.mutationFields((t) => ({
  createNeedAssessment: t.prismaField({
    type: "NeedAssessment",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "needAssessment" } },
    args: { input: t.arg({ type: CreateNeedAssessmentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createNeedAssessment", recordType: "NeedAssessment", changes: input }, (tx) =>
        createNeedAssessment(tx, { ...input, territory: recordId(input.territory) }),
      );
      return ctx.prisma.needAssessment.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updateNeedAssessment: t.prismaField({
    type: "NeedAssessment",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "needAssessment" } },
    args: { id: t.arg.globalID({ for: [NeedAssessment], required: true }), input: t.arg({ type: UpdateNeedAssessmentInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updateNeedAssessment", recordType: "NeedAssessment", recordId: id, changes: input }, (tx) =>
        updateNeedAssessment(tx, id, { ...input, territory: input.territory && recordId(input.territory) }),
      );
      return ctx.prisma.needAssessment.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation("NeedAssessment", [NeedAssessment], deleteNeedAssessment);
