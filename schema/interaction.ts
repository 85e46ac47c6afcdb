import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import { createInteraction, deleteInteraction, updateInteraction } from "../record/interactions.js";
import type { Context } from "./context.js";
import { territoryScopes } from "./loaders.js";
import { territoryUnder } from "../record/territoryScope.js";
import { Actor } from "./actor.js";
import { Alliance } from "./alliance.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { Territory } from "./territory.js";
import { InteractionKindEnum } from "./enums.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { dateRangeSchema, distinct, euroSchema, intensitySchema, PARTICIPANTS_PER_INTERACTION, sized, textSchema } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

builder.prismaObject("InteractionParticipant", {
  fields: (t) => ({ actor: t.relation("actor"), interaction: t.relation("interaction") }),
});

export const Interaction = builder.prismaNode("Interaction", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "A dated event between actors: a meeting, a joint project, an exchange of resources, a funding.",
  fields: (t) => ({
    kind: t.expose("kind", { type: InteractionKindEnum }),
    date: t.expose("date", { type: "Date" }),
    description: t.exposeString("description", { nullable: true }),
    intensity: t.exposeInt("intensity", { nullable: true, description: "1 (light) to 5 (intense)." }),
    amountEuros: t.exposeInt("amountEuros", { nullable: true }),
    source: t.exposeString("source"),
    alliance: t.relation("alliance", { nullable: true }),
    participants: t.field({
      type: [Actor],
      select: (_args, _ctx, nested) => ({ participants: { select: { actor: nested(true) }, orderBy: { actorId: "asc" } } }),
      resolve: (interaction) => interaction.participants.map((p) => p.actor),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const InteractionFilter = builder.inputType("InteractionFilter", {
  fields: (t) => ({
    kinds: t.field({ type: [InteractionKindEnum] }),
    from: t.field({ type: "Date", description: "On or after this day." }),
    to: t.field({ type: "Date", description: "On or before this day." }),
    participant: t.globalID({ for: [Actor] }),
    alliance: t.globalID({ for: [Alliance] }),
    territory: t.globalID({ for: [Territory], description: "Has a participant acting in this territory or under it." }),
  }),
});

async function interactionWhere(ctx: Context, filter: typeof InteractionFilter.$inferInput | null | undefined): Promise<Prisma.InteractionWhereInput> {
  if (!filter) return {};
  const and: Prisma.InteractionWhereInput[] = [];
  if (filter.kinds) and.push({ kind: { in: filter.kinds } });
  if (filter.from) and.push({ date: { gte: filter.from } });
  if (filter.to) and.push({ date: { lte: filter.to } });
  if (filter.participant) and.push({ participants: { some: { actorId: recordId(filter.participant) } } });
  if (filter.alliance) and.push({ allianceId: recordId(filter.alliance) });
  if (filter.territory) {
    const prefixes = await territoryScopes(ctx).load(recordId(filter.territory));
    and.push(prefixes ? { participants: { some: { actor: { territories: { some: { territory: territoryUnder(prefixes) } } } } } } : { id: { in: [] } });
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  interactions: t.prismaConnection({
    type: "Interaction",
    cursor: "id",
    args: { filter: t.arg({ type: InteractionFilter }) },
    totalCount: async (_c, args, ctx) => ctx.prisma.interaction.count({ where: await interactionWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.interaction.findMany({ ...query, where: await interactionWhere(ctx, args.filter), orderBy: { id: "asc" } }),
  }),
}));

const interactionFields = {
  date: dateRangeSchema,
  description: textSchema.nullish(),
  intensity: intensitySchema.nullish(),
  amountEuros: euroSchema.nullish(),
  participants: sized(z.looseObject({ id: z.string() }), PARTICIPANTS_PER_INTERACTION).refine((ids) => distinct(ids.map((p) => p.id)), "each participant once"),
};

const inputFields = <Creating extends boolean>(t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0], creating: Creating) => ({
  kind: t.field({ type: InteractionKindEnum, required: creating }),
  date: t.field({ type: "Date", required: creating }),
  participants: t.globalIDList({ for: [Actor], required: creating }),
  alliance: t.globalID({ for: [Alliance] }),
  description: t.string(),
  intensity: t.int(),
  amountEuros: t.int({ description: "For fundings and exchanges of resources." }),
});

const CreateInteractionInput = builder.inputType("CreateInteractionInput", {
  fields: (t) => inputFields(t, true),
  validate: z.looseObject(interactionFields),
});
const UpdateInteractionInput = builder.inputType("UpdateInteractionInput", {
  description: "Fields left out keep their value; participants, when given, replace the list.",
  fields: (t) => inputFields(t, false),
  validate: z.looseObject({ ...interactionFields, date: dateRangeSchema.nullish(), participants: interactionFields.participants.nullish() }),
});

const allianceOf = (alliance: { id: unknown; typename: string } | null | undefined) => (alliance ? recordId(alliance) : alliance);

builder.mutationFields((t) => ({
  createInteraction: t.prismaField({
    type: "Interaction",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "interaction" } },
    args: { input: t.arg({ type: CreateInteractionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createInteraction", recordType: "Interaction", changes: input }, (tx) =>
        createInteraction(tx, { ...input, participants: input.participants.map(recordId), alliance: allianceOf(input.alliance) }),
      );
      return ctx.prisma.interaction.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updateInteraction: t.prismaField({
    type: "Interaction",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "interaction" } },
    args: { id: t.arg.globalID({ for: [Interaction], required: true }), input: t.arg({ type: UpdateInteractionInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updateInteraction", recordType: "Interaction", recordId: id, changes: input }, (tx) =>
        updateInteraction(tx, id, { ...input, participants: input.participants?.map(recordId), alliance: allianceOf(input.alliance) }),
      );
      return ctx.prisma.interaction.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation("Interaction", [Interaction], deleteInteraction);
