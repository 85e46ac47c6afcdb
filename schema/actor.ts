import { z } from "zod";
import { createActor, deleteActor, updateActor } from "../record/actors.js";
import { actorWhere, ActorFilter } from "./actorFilter.js";
import { builder } from "./builder.js";
import { deleteMutation } from "./deleteMutation.js";
import { Territory } from "./territory.js";
import { ActorKindEnum, ProfileEnum } from "./enums.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId, safeRecordId } from "./ids.js";
import {
  nameSchema,
  profileAgreesWithKind,
  rnaSchema,
  sirenSchema,
  siretExtendsSiren,
  siretSchema,
  sized,
  TERRITORIES_PER_ACTOR,
  textSchema,
  urlSchema,
} from "../record/rules.js";
import { rereadQuery, write } from "./write.js";

export const Actor = builder.prismaNode("Actor", {
  // A node refetched by an id whose record is gone answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "An organisation taking part in local cooperation.",
  fields: (t) => ({
    name: t.exposeString("name"),
    profile: t.expose("profile", { type: ProfileEnum }),
    kind: t.expose("kind", { type: ActorKindEnum }),
    isCatalyst: t.exposeBoolean("isCatalyst"),
    siren: t.exposeString("siren", { nullable: true }),
    siret: t.exposeString("siret", { nullable: true }),
    rna: t.exposeString("rna", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    source: t.exposeString("source"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    territories: t.field({
      type: [Territory],
      select: (_args, _ctx, nested) => ({ territories: { select: { territory: nested(true) } } }),
      resolve: (actor) => actor.territories.map((link) => link.territory),
    }),
    interactions: t.relatedConnection("participations", {
      cursor: "interactionId_actorId",
      totalCount: true,
      query: () => ({ orderBy: { interaction: { date: "desc" } } }),
    }),
    contacts: t.relation("people", {
      description:
        "The actor's contact people: personal data. Editors and admins see all; a catalyst sees its own and those of peers who consented to be shown.",
      authScopes: { $any: { personalData: true, catalyst: true } },
      query: (_args, ctx) => ({
        where: ctx.viewer.role === "CATALYST" ? { OR: [{ consentToPeers: true }, { actorId: ctx.viewer.actorId ?? -1 }] } : {},
        orderBy: { id: "asc" },
      }),
    }),
    practiceAssessments: t.relation("practiceAssessments", { query: { orderBy: { date: "desc" } } }),
    fundingsReceived: t.relation("fundingsReceived", { query: { orderBy: { date: "desc" } } }),
  }),
});

builder.queryFields((t) => ({
  actors: t.prismaConnection({
    type: "Actor",
    cursor: "id",
    args: { filter: t.arg({ type: ActorFilter }) },
    totalCount: async (_connection, args, ctx) => ctx.prisma.actor.count({ where: await actorWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) => ctx.prisma.actor.findMany({ ...query, where: await actorWhere(ctx, args.filter), orderBy: { id: "asc" } }),
  }),
}));

const actorFields = {
  name: nameSchema,
  kind: z.string().nullish(),
  profile: z.string().nullish(),
  description: textSchema.nullish(),
  website: urlSchema.nullish(),
  siren: sirenSchema.nullish(),
  siret: siretSchema.nullish(),
  rna: rnaSchema.nullish(),
};

const CreateActorInput = builder.inputType("CreateActorInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: ActorKindEnum, required: true }),
    profile: t.field({ type: ProfileEnum, description: "Optional: follows from the kind." }),
    isCatalyst: t.boolean({ defaultValue: false }),
    territories: t.globalIDList({ for: [Territory], required: true, description: "Where the actor acts: 1 to 20 territories." }),
    siren: t.string(),
    siret: t.string(),
    rna: t.string(),
    description: t.string(),
    website: t.string(),
  }),
  validate: z
    .looseObject({ ...actorFields, territories: sized(z.unknown(), TERRITORIES_PER_ACTOR) })
    .refine(...profileAgreesWithKind.refine)
    .refine(...siretExtendsSiren.refine),
});

const UpdateActorInput = builder.inputType("UpdateActorInput", {
  description: "Fields left out keep their value; null clears an optional field.",
  fields: (t) => ({
    name: t.string(),
    kind: t.field({ type: ActorKindEnum }),
    isCatalyst: t.boolean(),
    territories: t.globalIDList({ for: [Territory] }),
    siren: t.string(),
    siret: t.string(),
    rna: t.string(),
    description: t.string(),
    website: t.string(),
  }),
  validate: z
    .looseObject({ ...actorFields, name: nameSchema.nullish(), territories: sized(z.unknown(), TERRITORIES_PER_ACTOR).nullish() })
    .refine((input) => input.name !== null, { message: "name cannot be cleared", path: ["name"] })
    .refine(...siretExtendsSiren.refine),
});

builder.mutationFields((t) => ({
  createActor: t.prismaField({
    type: "Actor",
    authScopes: { editor: true },
    errors: { types: MUTATION_ERRORS, dataField: { name: "actor" } },
    args: { input: t.arg({ type: CreateActorInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await write(ctx, { operation: "createActor", recordType: "Actor", changes: input }, (tx) =>
        createActor(tx, { ...input, territories: input.territories.map(recordId) }),
      );
      return ctx.prisma.actor.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
  updateActor: t.prismaField({
    type: "Actor",
    authScopes: (_root, args) => ({ $any: { editor: true, catalystOf: safeRecordId(args.id) } }),
    errors: { types: MUTATION_ERRORS, dataField: { name: "actor" } },
    args: { id: t.arg.globalID({ for: [Actor], required: true }), input: t.arg({ type: UpdateActorInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = recordId(args.id);
      const { input } = args;
      await write(ctx, { operation: "updateActor", recordType: "Actor", recordId: id, changes: input }, (tx) =>
        updateActor(tx, id, { ...input, territories: input.territories?.map(recordId) }),
      );
      return ctx.prisma.actor.findUniqueOrThrow({ ...rereadQuery(query), where: { id } });
    },
  }),
}));

deleteMutation(
  "Actor",
  [Actor],
  deleteActor,
  "Deletes an actor with its memberships and participations, and the interactions it had with a single other actor; refused while an alliance would be left with fewer than two members or a funding with no recipient.",
);
