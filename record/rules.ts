import { z } from "zod";
import type { ActorKind, InteractionKind, Profile } from "./generated/prisma/enums.js";
import { PROFILE_OF_KIND } from "./vocabulary/profiles.js";

/**
 * The record's validation rules, once: the API's inputs (schema/*.ts) and the importer's rows
 * (record/imports/rowSchemas.ts) are built from them, so what one refuses the other refuses, with
 * the same words. Rows wrap them in preprocessing (a table cell is text); inputs use them as they
 * are. Input schemas use `z.looseObject`: the validation plugin hands the parsed value to the
 * resolver, and a plain object schema would silently drop every field it does not list.
 */
export const nameSchema = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const textSchema = z.string().trim().max(5000, "must be at most 5,000 characters");
export const sirenSchema = z.string().regex(/^\d{9}$/, "a SIREN has 9 digits");
export const siretSchema = z.string().regex(/^\d{14}$/, "a SIRET has 14 digits");
export const rnaSchema = z.string().regex(/^W\d{9}$/, "an RNA number is W followed by 9 digits");
export const urlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(500);
export const scoreSchema = z.number().int().min(0, "scores run from 0 to 4").max(4, "scores run from 0 to 4");
export const intensitySchema = z.number().int().min(1, "intensity runs from 1 to 5").max(5, "intensity runs from 1 to 5");
export const euroSchema = z.number().int().min(0, "must not be negative").max(1_000_000_000, "must be at most 1 billion euros");
export const dateRangeSchema = z.date().min(new Date("1900-01-01"), "too far in the past").max(new Date("2100-12-31"), "too far in the future");

/** Where an actor acts: at least one territory, at most twenty. */
export const TERRITORIES_PER_ACTOR = { min: 1, max: 20, minMessage: "an actor acts in at least one territory", maxMessage: "at most 20 territories" } as const;
/** Who an alliance binds: two members at least, a hundred at most. */
export const MEMBERS_PER_ALLIANCE = { min: 2, max: 100, minMessage: "an alliance has at least two members", maxMessage: "at most 100 members" } as const;
/** Who took part in an interaction: two at least, a hundred at most. */
export const PARTICIPANTS_PER_INTERACTION = {
  min: 2,
  max: 100,
  minMessage: "an interaction has at least two participants",
  maxMessage: "at most 100 participants",
} as const;

/** A list of `min` to `max` entries, said in the rule's words. */
export function sized<T extends z.ZodType>(item: T, limits: { min: number; max: number; minMessage: string; maxMessage: string }) {
  return z.array(item).min(limits.min, limits.minMessage).max(limits.max, limits.maxMessage);
}

export function distinct<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

/** A rule across fields: a predicate over what the input gives, and what to say, on which field, when it fails. */
function acrossFields<I>(holds: (input: I) => boolean, message: string, field: string) {
  const refinement: { message: string; path: PropertyKey[] } = { message, path: [field] };
  // As zod's `refine` takes it: `schema.refine(...rule.refine)`.
  return { holds, message, path: [field], refine: [holds, refinement] as [typeof holds, typeof refinement] };
}

/** The kind decides the profile; a profile given alongside must agree with it. */
export const profileAgreesWithKind = acrossFields(
  (input: { kind?: ActorKind | string | null; profile?: Profile | string | null }) =>
    !input.kind || !input.profile || PROFILE_OF_KIND[input.kind as ActorKind] === input.profile,
  "profile does not match the kind",
  "profile",
);

export const siretExtendsSiren = acrossFields(
  (input: { siren?: string | null; siret?: string | null }) => !input.siren || !input.siret || input.siret.startsWith(input.siren),
  "a SIRET starts with its SIREN",
  "siret",
);

export const periodIsOrdered = acrossFields(
  (input: { startDate?: Date | null; endDate?: Date | null }) => !input.startDate || !input.endDate || input.endDate >= input.startDate,
  "endDate is before startDate",
  "endDate",
);

/** Only money or resources changing hands have an amount. */
export const amountFitsKind = acrossFields(
  (input: { kind?: InteractionKind | string | null; amountEuros?: number | null }) =>
    input.amountEuros == null || !input.kind || input.kind === "FUNDING" || input.kind === "RESOURCE_EXCHANGE",
  "only a funding or an exchange of resources has an amount",
  "amountEuros",
);
