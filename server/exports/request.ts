import { z } from "zod";
import { asOfSchema } from "../../graph/asOf.js";
import { ActorKind, Lever, Modality, Profile, TerritoryLevel } from "../../record/generated/prisma/enums.js";

/**
 * What an export asks for, the same over HTTP (`GET /export?...`) and from the command line
 * (`maillage export --...`): both hand their raw strings to `parseExportRequest`, so a parameter
 * means one thing everywhere and is refused with one message.
 */
export const EXPORT_FORMATS = ["gexf", "graphml", "csv", "jgf", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_PARTS = ["nodes", "ties"] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

/** `national`, `region:<INSEE code>`, `territory:<code>` or `territory:<LEVEL>:<code>`. */
export type ExportScope = { kind: "national" } | { kind: "region"; code: string } | { kind: "territory"; code: string; level: TerritoryLevel | null };

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  /** Actors of these profiles / kinds only (and ties among them). */
  profiles: Profile[] | null;
  kinds: ActorKind[] | null;
  /** Ties resting on an alliance that uses one of these modalities / mobilises one of these levers. */
  modalities: Modality[] | null;
  levers: Lever[] | null;
  /** Ties active (an alliance running, an interaction dated) at some day of [from, to]. */
  from: Date | null;
  to: Date | null;
  /** Ties whose two ends confirmed an alliance they share. */
  confirmedOnly: boolean;
  /** The network as of this day: later alliances and interactions left out, metrics computed on it. */
  asOf: Date | null;
  /** Contact people of the actors, when the caller may also see personal data. */
  people: boolean;
  /** Node metrics (degree, betweenness, bridge score...); off skips the analytics for a quick file. */
  metrics: boolean;
  /** Actors left without a tie by the filters stay in the file (true) or are dropped. */
  isolates: boolean;
  /** CSV over HTTP: which of the two documents. */
  part: CsvPart | null;
}

const SCOPE_SYNTAX = "national, region:<code>, territory:<code> or territory:<LEVEL>:<code>";
const CODE = /^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/;

export function parseScope(text: string): ExportScope | null {
  const parts = text.split(":");
  if (parts.length === 1 && parts[0] === "national") return { kind: "national" };
  if (parts.length === 2 && parts[0] === "region" && CODE.test(parts[1]!)) return { kind: "region", code: parts[1]! };
  if (parts.length === 2 && parts[0] === "territory" && CODE.test(parts[1]!)) return { kind: "territory", code: parts[1]!, level: null };
  const level = parts[1]?.toUpperCase() as TerritoryLevel;
  if (parts.length === 3 && parts[0] === "territory" && level in TerritoryLevel && CODE.test(parts[2]!)) return { kind: "territory", code: parts[2]!, level };
  return null;
}

export function scopeText(scope: ExportScope): string {
  if (scope.kind === "national") return "national";
  if (scope.kind === "region") return `region:${scope.code}`;
  return scope.level ? `territory:${scope.level}:${scope.code}` : `territory:${scope.code}`;
}

function scopeOrIssue(text: string, ctx: z.RefinementCtx): ExportScope {
  const scope = parseScope(text);
  if (scope) return scope;
  ctx.addIssue({ code: "custom", message: `"${text}" is not a scope: write ${SCOPE_SYNTAX}` });
  return z.NEVER;
}

/** A comma-separated list of enum values, case-insensitive; several occurrences add up. */
function enumList<T extends string>(values: Record<string, T>) {
  const allowed = Object.values(values);
  return z
    .array(z.string())
    .transform((raw) =>
      raw
        .flatMap((item) => item.split(","))
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(allowed as [T, ...T[]], { error: (issue) => `"${String(issue.input)}" is not one of ${allowed.join(", ")}` }))
        .min(1, "give at least one value"),
    )
    .optional();
}

/** A calendar day written YYYY-MM-DD, as midnight UTC; 2025-02-30 is refused, not rolled over. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, "must be a real date")
  .transform((text) => new Date(`${text}T00:00:00.000Z`));

const flag = z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1" || v === "yes");

/** Every parameter arrives as a list of strings (a query string may repeat one); scalars take the last. */
const last = <T extends z.ZodType<unknown, string>>(inner: T) =>
  z
    .array(z.string(), { error: (issue) => (issue.input === undefined ? "is required" : undefined) })
    .transform((values) => values[values.length - 1]!)
    .pipe(inner);

const requestSchema = z
  .strictObject(
    {
      format: last(z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(", ")}` })),
      scope: last(z.string().transform(scopeOrIssue)).optional(),
      profile: enumList(Profile),
      kind: enumList(ActorKind),
      modality: enumList(Modality),
      lever: enumList(Lever),
      from: last(day).optional(),
      to: last(day).optional(),
      // The API's own rule for asOf (graph/asOf.ts): from 1900 to today.
      asOf: last(day.pipe(asOfSchema)).optional(),
      confirmed: last(flag).optional(),
      people: last(flag).optional(),
      metrics: last(flag).optional(),
      isolates: last(flag).optional(),
      part: last(z.enum(CSV_PARTS, { error: `must be ${CSV_PARTS.join(" or ")}` })).optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : undefined) },
  )
  .refine((r) => !(r.from && r.to && r.from > r.to), { message: "must not be after to", path: ["from"] })
  .refine((r) => r.part === undefined || r.format === "csv", { message: "only the csv format has parts", path: ["part"] });

export type ExportParseResult = { ok: true; request: ExportRequest } | { ok: false; message: string };

/** Raw parameters by name, each with every value given (`?lever=DATA&lever=FINANCE`). */
export function parseExportRequest(raw: Record<string, string[]>): ExportParseResult {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => {
        if (issue.path.length === 0) return issue.message;
        const name = String(issue.path[0]);
        // Shared rules may name the parameter themselves ("asOf must not be after today").
        return `${name}: ${issue.message.startsWith(`${name} `) ? issue.message.slice(name.length + 1) : issue.message}`;
      })
      .join("; ");
    return { ok: false, message };
  }
  const r = parsed.data;
  return {
    ok: true,
    request: {
      format: r.format,
      scope: r.scope ?? { kind: "national" },
      profiles: r.profile ?? null,
      kinds: r.kind ?? null,
      modalities: r.modality ?? null,
      levers: r.lever ?? null,
      from: r.from ?? null,
      to: r.to ?? null,
      confirmedOnly: r.confirmed ?? false,
      asOf: r.asOf ?? null,
      people: r.people ?? false,
      metrics: r.metrics ?? true,
      isolates: r.isolates ?? true,
      part: r.part ?? null,
    },
  };
}

/** The parameters of a URL's query string, grouped by name. */
export function paramsOf(search: URLSearchParams): Record<string, string[]> {
  const raw: Record<string, string[]> = {};
  for (const [key, value] of search) (raw[key] ??= []).push(value);
  return raw;
}
