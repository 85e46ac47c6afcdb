import { z } from "zod";
import { PRACTICE_KEYS } from "../vocabulary/practices.js";
import {
  amountFitsKind,
  dateRangeSchema,
  distinct,
  MEMBERS_PER_ALLIANCE,
  PARTICIPANTS_PER_INTERACTION,
  periodIsOrdered,
  profileAgreesWithKind,
  rnaSchema,
  sirenSchema,
  siretExtendsSiren,
  siretSchema,
  TERRITORIES_PER_ACTOR,
  urlSchema,
} from "../rules.js";
import { NEED_LEVELS } from "../vocabulary/profiles.js";
import { ActorKind, Impact, InteractionKind, Lever, MemberRole, Modality, Profile } from "../generated/prisma/enums.js";
import type { RecordType } from "./importColumns.js";

/**
 * Row by row validation of the import format (docs/import.md), in zod. A row arrives as a JSON
 * record or a table's cells (text), so every rule accepts both: a number or its digits, a list
 * or its `;`-separated text, a date or `YYYY-MM-DD` (or `DD/MM/YYYY`). The rules are the API's
 * (record/rules.ts), wrapped in that reading: what the API refuses, the import refuses.
 */

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const upper = (value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value);
/** A number in a cell (SIREN, SIRET) may arrive as a number: its digits. */
const digits = (value: unknown) => (typeof value === "number" ? String(value) : trimmed(value));

const text = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "number" ? String(value) : trimmed(value)),
    z
      .string({ error: "must be text" })
      .min(1, "must not be empty")
      .max(max, `must be at most ${max.toLocaleString("en")} characters`),
  );
const name = text(200);
const longText = text(5000);
/** A record's own id in its source, or a reference to one. */
const externalId = text(200);

const enumOf = <T extends string>(values: Record<string, T>) => {
  const list = Object.values(values) as [T, ...T[]];
  return z.preprocess(upper, z.enum(list, { error: `must be one of ${list.join(", ")}` }));
};

const whole = (min: number, max: number, range: string, notNumber = "must be a whole number") =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ error: notNumber }).int(notNumber).min(min, range).max(max, range),
  );

const TRUE = new Set(["true", "yes", "oui", "vrai", "1", "x"]);
const FALSE = new Set(["false", "no", "non", "faux", "0"]);
const flag = z.preprocess(
  (value) => {
    if (typeof value !== "string" && typeof value !== "number") return value;
    const word = String(value).trim().toLowerCase();
    return TRUE.has(word) ? true : FALSE.has(word) ? false : value;
  },
  z.boolean({ error: "must be true or false" }),
);

/** A day as `YYYY-MM-DD` or `DD/MM/YYYY` (the French spreadsheet habit); with `instant`, an ISO date-time too. */
function parseDay(value: unknown, instant: boolean): unknown {
  if (value instanceof Date || typeof value !== "string") return value;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (year && month && day) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    // 2025-02-30 parses to 2 March: a day that does not round-trip does not exist.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`) ? date : value;
  }
  if (instant && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) {
    const date = new Date(value.trim());
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

const dayIn = (instant: boolean) =>
  z.preprocess(
    (value) => parseDay(value, instant),
    z.date({ error: instant ? "must be a date YYYY-MM-DD or an ISO date-time" : "must be a date YYYY-MM-DD" }).pipe(dateRangeSchema),
  );
const day = dayIn(false);

const splitList = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(";")
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value;

const list = <T extends z.ZodType>(item: T, min = 0, max = 100, minMessage = "must not be empty", maxMessage = `at most ${max} entries`) =>
  z.preprocess(splitList, z.array(item, { error: "must be a list" }).min(min, minMessage).max(max, maxMessage));

/** `ref`, `ref (ROLE)` or `ref (ROLE, YYYY-MM-DD)`, the table spelling of a member. */
function parseMember(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = /^(.*?)\s*\(\s*([^,()]*?)\s*(?:,\s*([^()]*?)\s*)?\)$/.exec(value.trim());
  if (!match) return { actor: value.trim() };
  return { actor: match[1], ...(match[2] && { role: match[2] }), ...(match[3] && { confirmedAt: match[3] }) };
}

const member = z.preprocess(
  parseMember,
  z.object(
    { actor: externalId, role: enumOf(MemberRole).default("PARTNER"), confirmedAt: dayIn(true).optional() },
    { error: "must be an actor reference, optionally with (ROLE) or (ROLE, confirmation date)" },
  ),
);

const needLevel = z.preprocess(
  (value) => {
    const named = NEED_LEVELS.find(
      (l) => typeof value === "string" && (l.key === value.trim().toUpperCase() || l.fr.toUpperCase() === value.trim().toUpperCase()),
    );
    return named ? named.level : value;
  },
  whole(1, 4, "need levels run from 1 (ACCOMPANY) to 4 (INVENT)", `must be a level 1 to 4 or its name (${NEED_LEVELS.map((l) => l.key).join(", ")})`),
);

const actorRow = z
  .object({
    id: externalId.optional(),
    name,
    kind: enumOf(ActorKind),
    profile: enumOf(Profile).optional(),
    isCatalyst: flag.default(false),
    territories: list(
      externalId,
      TERRITORIES_PER_ACTOR.min,
      TERRITORIES_PER_ACTOR.max,
      TERRITORIES_PER_ACTOR.minMessage,
      TERRITORIES_PER_ACTOR.maxMessage,
    ).refine(distinct, "each territory once"),
    siren: z.preprocess(digits, sirenSchema).optional(),
    siret: z.preprocess(digits, siretSchema).optional(),
    rna: z.preprocess(upper, rnaSchema).optional(),
    description: longText.optional(),
    website: z.preprocess(trimmed, urlSchema).optional(),
  })
  .refine(...profileAgreesWithKind.refine)
  .refine(...siretExtendsSiren.refine)
  .refine((row) => row.id || row.siren || row.rna, { message: "an actor needs an id, a SIREN or an RNA number to be imported again", path: ["id"] })
  .transform((row) => ({ ...row, externalId: (row.id ?? row.siren ?? row.rna)! }));

const allianceRow = z
  .object({
    id: externalId,
    name,
    purpose: longText.optional(),
    startDate: day,
    endDate: day.optional(),
    modalities: list(enumOf(Modality)).refine(distinct, "each modality once").default([]),
    levers: list(enumOf(Lever)).refine(distinct, "each lever once").default([]),
    impacts: list(enumOf(Impact)).refine(distinct, "each impact once").default([]),
    members: list(member, MEMBERS_PER_ALLIANCE.min, MEMBERS_PER_ALLIANCE.max, MEMBERS_PER_ALLIANCE.minMessage, MEMBERS_PER_ALLIANCE.maxMessage).refine(
      (members) => distinct(members.map((m) => m.actor)),
      "each actor is a member once",
    ),
    declaredBy: externalId.optional(),
  })
  .refine(...periodIsOrdered.refine)
  .refine((row) => !row.declaredBy || row.members.some((m) => m.actor === row.declaredBy), {
    message: "declaredBy must be one of the members",
    path: ["declaredBy"],
  })
  .transform((row) => ({ ...row, externalId: row.id }));

const interactionRow = z
  .object({
    id: externalId,
    kind: enumOf(InteractionKind),
    date: day,
    participants: list(
      externalId,
      PARTICIPANTS_PER_INTERACTION.min,
      PARTICIPANTS_PER_INTERACTION.max,
      PARTICIPANTS_PER_INTERACTION.minMessage,
      PARTICIPANTS_PER_INTERACTION.maxMessage,
    ).refine(distinct, "each participant once"),
    alliance: externalId.optional(),
    description: longText.optional(),
    intensity: whole(1, 5, "intensity runs from 1 to 5").optional(),
    amountEuros: whole(0, 1_000_000_000, "amounts run from 0 to 1 billion euros").optional(),
  })
  .refine(...amountFitsKind.refine)
  .transform((row) => ({ ...row, externalId: row.id }));

const needRow = z
  .object({ id: externalId, territory: externalId, date: day, level: needLevel, assessedBy: name, notes: longText.optional() })
  .transform((row) => ({ ...row, externalId: row.id }));

const score = whole(0, 4, "scores run from 0 to 4");
const PRACTICE_SET = new Set<string>(PRACTICE_KEYS);
const practiceRow = z
  .object({
    id: externalId,
    actor: externalId,
    date: day,
    scores: z.record(z.string(), score, { error: "must be an object of practice scores" }).superRefine((scores, ctx) => {
      for (const key of Object.keys(scores)) {
        if (!PRACTICE_SET.has(key))
          ctx.addIssue({ code: "custom", path: [key], message: `is not a practice of the grid (docs/import.md lists the ${PRACTICE_KEYS.length} keys)` });
      }
    }),
  })
  .refine((row) => Object.keys(row.scores).length > 0, { message: "at least one practice is scored", path: ["scores"] })
  .transform((row) => ({ ...row, externalId: row.id }));

export const ROW_SCHEMAS = { actors: actorRow, alliances: allianceRow, interactions: interactionRow, needs: needRow, practices: practiceRow } as const;

export type ActorRow = z.output<typeof actorRow>;
export type AllianceRow = z.output<typeof allianceRow>;
export type InteractionRow = z.output<typeof interactionRow>;
export type NeedRow = z.output<typeof needRow>;
export type PracticeRow = z.output<typeof practiceRow>;
export interface RowOf {
  actors: ActorRow;
  alliances: AllianceRow;
  interactions: InteractionRow;
  needs: NeedRow;
  practices: PracticeRow;
}

export interface RowIssue {
  column: string | null;
  reason: string;
}

/** Validates one row; its issues name the column (a practice's own column in a table) and say why. */
export function validateRow<T extends RecordType>(type: T, values: Record<string, unknown>, tabular: boolean): { row: RowOf[T] } | { issues: RowIssue[] } {
  const parsed = ROW_SCHEMAS[type].safeParse(values);
  if (parsed.success) return { row: parsed.data as RowOf[T] };
  return {
    issues: parsed.error.issues.map((issue) => {
      const [head, ...rest] = issue.path.map(String);
      if (head === "scores" && rest.length > 0) return { column: tabular ? rest[0]! : `scores.${rest[0]}`, reason: issue.message };
      const entry = rest.length > 0 && /^\d+$/.test(rest[0]!) ? `entry ${Number(rest[0]) + 1}${rest[1] ? ` (${rest.slice(1).join(".")})` : ""}: ` : "";
      const missing = issue.code === "invalid_type" && rest.length === 0 && head !== undefined && values[head] === undefined;
      return { column: head ?? null, reason: entry + (missing ? "is required" : issue.message) };
    }),
  };
}
