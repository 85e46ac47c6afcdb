import { z } from "zod";

/**
 * Shared zod rules for inputs: one definition of a name, an identifier, a score. Input schemas
 * use `z.looseObject`: the validation plugin hands the parsed value to the resolver, and a plain
 * object schema would silently drop every field it does not list.
 */
export const nameSchema = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const textSchema = z.string().trim().max(5000, "must be at most 5,000 characters");
export const sirenSchema = z.string().regex(/^\d{9}$/, "a SIREN has 9 digits");
export const siretSchema = z.string().regex(/^\d{14}$/, "a SIRET has 14 digits");
export const rnaSchema = z.string().regex(/^W\d{9}$/, "an RNA number is W followed by 9 digits");
export const urlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(500);
export const scoreSchema = z.number().int().min(0, "scores run from 0 to 4").max(4, "scores run from 0 to 4");
export const euroSchema = z.number().int().min(0, "must not be negative").max(1_000_000_000, "must be at most 1 billion euros");
export const dateRangeSchema = z.date().min(new Date("1900-01-01"), "too far in the past").max(new Date("2100-12-31"), "too far in the future");

export function distinct<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}
