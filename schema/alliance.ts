import { z } from "zod";
import type { Prisma } from "../record/generated/prisma/client.js";
import { createAlliance, deleteAlliance, updateAlliance } from "../record/alliances.js";
import type { Context } from "./context.js";
import { territoryScopes } from "./loaders.js";
import { territoryUnder } from "../record/territoryScope.js";
import { Actor } from "./actor.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { Territory } from "./territory.js";
import { ImpactEnum, LeverEnum, MemberRoleEnum, ModalityEnum } from "./enums.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId, safeRecordId } from "./ids.js";
import { distinct, MEMBERS_PER_ALLIANCE, nameSchema, periodIsOrdered, sized, textSchema } from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

export const Alliance = builder.prismaNode("Alliance", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "A partnership between two or more actors, each with a role.",
  fields: (t) => ({
    name: t.exposeString("name"),
    purpose: t.exposeString("purpose", { nullable: true }),
    modalities: t.expose("modalities", { type: [ModalityEnum] }),
    levers: t.expose("levers", { type: [LeverEnum] }),
    impacts: t.expose("impacts", { type: [ImpactEnum] }),
    startDate: t.expose("startDate", { type: "Date" }),
    endDate: t.expose("endDate", { type: "Date", nullable: true }),
    source: t.exposeString("source"),
    declaredBy: t.relation("declaredBy", { nullable: true }),
    confirmed: t.boolean({
      description: "Whether every member has confirmed the alliance.",
      select: { members: { select: { confirmedAt: true } } },
      resolve: (alliance) => alliance.members.every((m) => m.confirmedAt !== null),
    }),
    interactions: t.relatedConnection("interactions", { cursor: "id", totalCount: true, query: () => ({ orderBy: { date: "desc" } }) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const AllianceFilter = builder.inputType("AllianceFilter", {
  fields: (t) => ({
    modalities: t.field({ type: [ModalityEnum], description: "Uses at least one of these modalities." }),
    levers: t.field({ type: [LeverEnum], description: "Mobilises at least one of these levers." }),
    member: t.globalID({ for: [Actor] }),
    territory: t.globalID({ for: [Territory], description: "Has a member acting in this territory or under it." }),
    activeFrom: t.field({ type: "Date", description: "Active on or after this day." }),
    activeTo: t.field({ type: "Date", description: "Active on or before this day." }),
    search: t.string({ validate: nameSchema }),
    source: t.string(),
  }),
});

async function allianceWhere(ctx: Context, filter: typeof AllianceFilter.$inferInput | null | undefined): Promise<Prisma.AllianceWhereInput> {
  if (!filter) return {};
  const and: Prisma.AllianceWhereInput[] = [];
  if (filter.modalities) and.push({ modalities: { hasSome: filter.modalities } });
  if (filter.levers) and.push({ levers: { hasSome: filter.levers } });
  if (filter.member) and.push({ members: { some: { actorId: recordId(filter.member) } } });
  if (filter.activeTo) and.push({ startDate: { lte: filter.activeTo } });
  if (filter.activeFrom) and.push({ OR: [{ endDate: null }, { endDate: { gte: filter.activeFrom } }] });
  if (filter.search) and.push({ name: { contains: filter.search, mode: "insensitive" } });
  if (filter.source) and.push({ source: filter.source });
  if (filter.territory) {
    const prefixes = await territoryScopes(ctx).load(recordId(filter.territory));
    and.push(prefixes ? { members: { some: { actor: { territories: { some: { territory: territoryUnder(prefixes) } } } } } } : { id: { in: [] } });
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  alliances: t.prismaConnection({
    type: "Alliance",
    cursor: "id",
    args: { filter: t.arg({ type: AllianceFilter }) },
    totalCount: async (_c, args, ctx) => ctx.prisma.alliance.count({ where: await allianceWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.alliance.findMany({ ...query, where: await allianceWhere(ctx, args.filter), orderBy: { id: "asc" } }),
  }),
}));

const MemberInput = builder.inputType("AllianceMemberInput", {
  fields: (t) => ({
    actor: t.globalID({ for: [Actor], required: true }),
    role: t.field({ type: MemberRoleEnum, defaultValue: "PARTNER" }),
    confirmed: t.boolean({ defaultValue: false, description: "Whether this member confirms the alliance." }),
  }),
});

const membersAreDistinct = (input: { members?: { actor: { id: string } }[] | null }) => !input.members || distinct(input.members.map((m) => m.actor.id));
const allianceFields = {
  name: nameSchema,
  purpose: textSchema.nullish(),
  modalities: z.array(z.string()).refine(distinct, "each modality once").nullish(),
  levers: z.array(z.string()).refine(distinct, "each lever once").nullish(),
  impacts: z.array(z.string()).refine(distinct, "each impact once").nullish(),
  startDate: z.date().nullish(),
  endDate: z.date().nullish(),
  members: sized(z.looseObject({ actor: z.looseObject({ id: z.string() }) }), MEMBERS_PER_ALLIANCE),
};

const allianceInputFields = <Creating extends boolean>(t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0], creating: Creating) => ({
  name: t.string({ required: creating }),
  purpose: t.string(),
  modalities: t.field({ type: [ModalityEnum] }),
  levers: t.field({ type: [LeverEnum] }),
  impacts: t.field({ type: [ImpactEnum] }),
  startDate: t.field({ type: "Date", required: creating }),
  endDate: t.field({ type: "Date" }),
  declaredBy: t.globalID({ for: [Actor], description: "The member who declared the alliance." }),
  members: t.field({ type: [MemberInput], required: creating, description: creating ? undefined : "Replaces the whole membership when given." }),
});

const CreateAllianceInput = builder.inputType("CreateAllianceInput", {
  fields: (t) => allianceInputFields(t, true),
  validate: z
    .looseObject(allianceFields)
    .refine(...periodIsOrdered.refine)
    .refine(membersAreDistinct, { message: "each actor is a member once", path: ["members"] }),
});

const UpdateAllianceInput = builder.inputType("UpdateAllianceInput", {
  description: "Fields left out keep their value.",
  fields: (t) => allianceInputFields(t, false),
  validate: z
    .looseObject({ ...allianceFields, name: nameSchema.nullish(), members: allianceFields.members.nullish() })
    .refine((input) => input.name !== null, { message: "name cannot be cleared", path: ["name"] })
    .refine(...periodIsOrdered.refine)
    .refine(membersAreDistinct, { message: "each actor is a member once", path: ["members"] }),
});

type MemberShape = typeof MemberInput.$inferInput;
const members = (list: MemberShape[]) => list.map((m) => ({ actorId: recordId(m.actor), role: m.role, confirmed: m.confirmed }));
const declarer = (declaredBy: { id: unknown; typename: string } | null | undefined) => (declaredBy ? recordId(declaredBy) : declaredBy);

builder.mutationFields((t) => ({
  createAlliance: t.prismaField({
    type: "Alliance",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "alliance" } },
    args: { input: t.arg({ type: CreateAllianceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createAlliance", recordType: "Alliance", changes: input }, (tx) =>
        createAlliance(tx, { ...input, members: members(input.members), declaredBy: declarer(input.declaredBy) }),
      );
      return ctx.prisma.alliance.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updateAlliance: t.prismaField({
    type: "Alliance",
    authScopes: (_root, args) => ({ $any: { editor: true, catalystMemberOf: safeRecordId(args.id) } }),
    errors: { types: MUTATION_ERRORS, dataField: { name: "alliance" } },
    args: { id: t.arg.globalID({ for: [Alliance], required: true }), input: t.arg({ type: UpdateAllianceInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updateAlliance", recordType: "Alliance", recordId: id, changes: input }, (tx) =>
        updateAlliance(tx, id, { ...input, members: input.members && members(input.members), declaredBy: declarer(input.declaredBy) }),
      );
      return ctx.prisma.alliance.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation("Alliance", [Alliance], deleteAlliance, "Deletes an alliance and its memberships; its interactions stay, unlinked.");
