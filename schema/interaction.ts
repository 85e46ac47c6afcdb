import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import { interactionEvent } from "../record/events.js";
import { recordChange } from "../record/outbox.js";
import type { Context } from "./context.js";
import { territoryScopes } from "./loaders.js";
import { territoryUnder } from "../record/territoryScope.js";
import { Actor } from "./actor.js";
import { Alliance } from "./alliance.js";
import { builder } from "./builder.js";
import { Territory } from "./territory.js";
import { InteractionKindEnum } from "./enums.js";
import { InvalidInputError, NotFoundError } from "./errors.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { dateRangeSchema, distinct, euroSchema, textSchema } from "./validation.js";
import { requireAll, rereadQuery, write } from "./write.js";

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
    resolve: async (query, _root, args, ctx) => ctx.prisma.interaction.findMany({ ...query, where: await interactionWhere(ctx, args.filter), orderBy: { id: "asc" } }),
  }),
}));

const interactionFields = {
  date: dateRangeSchema,
  description: textSchema.nullish(),
  intensity: z.number().int().min(1, "intensity runs from 1 to 5").max(5, "intensity runs from 1 to 5").nullish(),
  amountEuros: euroSchema.nullish(),
  participants: z
    .array(z.looseObject({ id: z.string() }))
    .min(2, "an interaction has at least two participants")
    .max(100, "at most 100 participants")
    .refine((ids) => distinct(ids.map((p) => p.id)), "each participant once"),
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

type Tx = Prisma.TransactionClient;

async function requireActors(tx: Tx, participants: { typename: string; id: unknown }[]) {
  return requireAll("Actor", participants.map(recordId), (ids) => tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true } }));
}

async function requireAlliance(tx: Tx, alliance: { typename: string; id: unknown } | null | undefined) {
  if (!alliance) return alliance === null ? null : undefined;
  const id = recordId(alliance);
  if (!(await tx.alliance.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Alliance", id);
  return id;
}

function checkAmount(kind: string, amount: number | null | undefined) {
  if (amount != null && kind !== "FUNDING" && kind !== "RESOURCE_EXCHANGE") {
    throw new InvalidInputError("only a funding or an exchange of resources has an amount", ["input", "amountEuros"]);
  }
}

async function interactionStateOf(tx: Tx, id: number) {
  const row = await tx.interaction.findUniqueOrThrow({
    where: { id },
    select: { id: true, kind: true, date: true, intensity: true, amountEuros: true, allianceId: true, participants: { select: { actorId: true } } },
  });
  return { ...row, participants: row.participants.map((p) => p.actorId) };
}

builder.mutationFields((t) => ({
  createInteraction: t.prismaField({
    type: "Interaction",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "interaction" } },
    args: { input: t.arg({ type: CreateInteractionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      checkAmount(input.kind, input.amountEuros);
      const id = await write(ctx, { operation: "createInteraction", recordType: "Interaction", changes: input }, async (tx) => {
        const participants = await requireActors(tx, input.participants);
        const { id } = await tx.interaction.create({
          data: {
            kind: input.kind,
            date: input.date,
            description: input.description?.trim() || null,
            intensity: input.intensity ?? null,
            amountEuros: input.amountEuros ?? null,
            allianceId: (await requireAlliance(tx, input.alliance)) ?? null,
            participants: { create: participants.map((actorId) => ({ actorId })) },
          },
          select: { id: true },
        });
        await recordChange(tx, interactionEvent("CREATED", await interactionStateOf(tx, id)));
        return id;
      });
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
      await write(ctx, { operation: "updateInteraction", recordType: "Interaction", recordId: id, changes: input }, async (tx) => {
        const current = await tx.interaction.findUnique({ where: { id }, select: { kind: true, amountEuros: true } });
        if (!current) throw new NotFoundError("Interaction", id);
        checkAmount(input.kind ?? current.kind, input.amountEuros === undefined ? current.amountEuros : input.amountEuros);
        const participants = input.participants ? await requireActors(tx, input.participants) : null;
        await tx.interaction.update({
          where: { id },
          data: {
            kind: input.kind ?? undefined,
            date: input.date ?? undefined,
            description: input.description === undefined ? undefined : input.description?.trim() || null,
            intensity: input.intensity,
            amountEuros: input.amountEuros,
            allianceId: await requireAlliance(tx, input.alliance),
            ...(participants && { participants: { deleteMany: {}, create: participants.map((actorId) => ({ actorId })) } }),
          },
          select: { id: true },
        });
        await recordChange(tx, interactionEvent("UPDATED", await interactionStateOf(tx, id)));
      });
      return ctx.prisma.interaction.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  deleteInteraction: t.globalID({
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "deletedId" } },
    args: { id: t.arg.globalID({ for: [Interaction], required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = recordId(args.id);
      await write(ctx, { operation: "deleteInteraction", recordType: "Interaction", recordId: id }, async (tx) => {
        const { count } = await tx.interaction.deleteMany({ where: { id } });
        if (count === 0) throw new NotFoundError("Interaction", id);
        await recordChange(tx, interactionEvent("DELETED", id));
      });
      return { type: "Interaction", id };
    },
  }),
}));
