import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import { Actor } from "./actor.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { Ecosystem } from "./ecosystem.js";
import { FundEnum } from "./enums.js";
import { createFunding, deleteFunding, GOES_SOMEWHERE, updateFunding } from "../record/fundings.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { dateRangeSchema, euroSchema } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

export const Funding = builder.prismaNode("Funding", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "Money from one of the programme's funds, to an ecosystem, to an actor, or to an actor within an ecosystem.",
  fields: (t) => ({
    fund: t.expose("fund", { type: FundEnum }),
    amountEuros: t.exposeInt("amountEuros"),
    date: t.expose("date", { type: "Date" }),
    ecosystem: t.relation("ecosystem", { nullable: true }),
    recipient: t.relation("recipient", { nullable: true }),
    source: t.exposeString("source"),
  }),
});

const FundingFilter = builder.inputType("FundingFilter", {
  fields: (t) => ({
    ecosystem: t.globalID({ for: [Ecosystem] }),
    recipient: t.globalID({ for: [Actor] }),
    funds: t.field({ type: [FundEnum] }),
    from: t.field({ type: "Date", description: "On or after this day." }),
    to: t.field({ type: "Date", description: "On or before this day." }),
  }),
});

function fundingWhere(filter: typeof FundingFilter.$inferInput | null | undefined): Prisma.FundingWhereInput {
  if (!filter) return {};
  const and: Prisma.FundingWhereInput[] = [];
  if (filter.ecosystem) and.push({ ecosystemId: recordId(filter.ecosystem) });
  if (filter.recipient) and.push({ recipientActorId: recordId(filter.recipient) });
  if (filter.funds) and.push({ fund: { in: filter.funds } });
  if (filter.from) and.push({ date: { gte: filter.from } });
  if (filter.to) and.push({ date: { lte: filter.to } });
  return { AND: and };
}

builder.queryFields((t) => ({
  fundings: t.prismaConnection({
    type: "Funding",
    cursor: "id",
    args: { filter: t.arg({ type: FundingFilter }) },
    totalCount: (_c, args, ctx) => ctx.prisma.funding.count({ where: fundingWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.funding.findMany({ ...query, where: fundingWhere(args.filter), orderBy: [{ date: "asc" }, { id: "asc" }] }),
  }),
}));

const amountSchema = euroSchema.min(1, "a funding has a positive amount");
const globalIdSchema = z.looseObject({ id: z.string() });

const inputFields = <Creating extends boolean>(t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0], creating: Creating) => ({
  fund: t.field({ type: FundEnum, required: creating }),
  amountEuros: t.int({ required: creating }),
  date: t.field({ type: "Date", required: creating }),
  ecosystem: t.globalID({ for: [Ecosystem], description: creating ? "Required unless a recipient is given." : "null unlinks it, if a recipient remains." }),
  recipient: t.globalID({ for: [Actor], description: creating ? "Required unless an ecosystem is given." : "null unlinks it, if an ecosystem remains." }),
});

const CreateFundingInput = builder.inputType("CreateFundingInput", {
  fields: (t) => inputFields(t, true),
  validate: z
    .looseObject({ amountEuros: amountSchema, date: dateRangeSchema, ecosystem: globalIdSchema.nullish(), recipient: globalIdSchema.nullish() })
    .refine((input) => input.ecosystem || input.recipient, { message: GOES_SOMEWHERE, path: ["ecosystem"] }),
});

const UpdateFundingInput = builder.inputType("UpdateFundingInput", {
  description: "Fields left out keep their value; ecosystem and recipient can be cleared with null, not both.",
  fields: (t) => inputFields(t, false),
  // `.optional()`, not `.nullish()`: null for a required column is refused here, not ignored.
  validate: z
    .looseObject({ fund: z.string().optional(), amountEuros: amountSchema.optional(), date: dateRangeSchema.optional() })
    .refine((input) => input.ecosystem !== null || input.recipient !== null, { message: GOES_SOMEWHERE, path: ["ecosystem"] }),
});

builder.mutationFields((t) => ({
  createFunding: t.prismaField({
    type: "Funding",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "funding" } },
    args: { input: t.arg({ type: CreateFundingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createFunding", recordType: "Funding", changes: input }, (tx) =>
        createFunding(tx, { ...input, ecosystem: input.ecosystem && recordId(input.ecosystem), recipient: input.recipient && recordId(input.recipient) }),
      );
      return ctx.prisma.funding.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updateFunding: t.prismaField({
    type: "Funding",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "funding" } },
    args: { id: t.arg.globalID({ for: [Funding], required: true }), input: t.arg({ type: UpdateFundingInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updateFunding", recordType: "Funding", recordId: id, changes: input }, (tx) =>
        updateFunding(tx, id, { ...input, ecosystem: input.ecosystem && recordId(input.ecosystem), recipient: input.recipient && recordId(input.recipient) }),
      );
      return ctx.prisma.funding.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation("Funding", [Funding], deleteFunding);
