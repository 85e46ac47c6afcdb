import type { ActorKind, Impact, InteractionKind, Lever, MemberRole, Modality, Profile } from "../generated/prisma/enums.js";
import { PROFILE_OF_KIND } from "../vocabulary/profiles.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { RecordType } from "./importColumns.js";
import type { RawRow, RowLocation } from "./readRows.js";
import { refKey, type Lookup, type RecordRef, type References } from "./references.js";
import { validateRow, type RowIssue, type RowOf } from "./rowSchemas.js";

/** One reason a row (or the file) was refused. */
export interface Rejection {
  at: RowLocation;
  /** The record type of the section the row is in. */
  type: RecordType | null;
  /** The row's external id, when it has one. */
  id: string | null;
  column: string | null;
  reason: string;
}

/** Each record type's values once references are resolved: what the record should hold. */
export interface Resolved {
  actors: {
    name: string;
    profile: Profile;
    kind: ActorKind;
    isCatalyst: boolean;
    siren: string | null;
    siret: string | null;
    rna: string | null;
    description: string | null;
    website: string | null;
    territories: number[];
  };
  alliances: {
    name: string;
    purpose: string | null;
    modalities: Modality[];
    levers: Lever[];
    impacts: Impact[];
    startDate: Date;
    endDate: Date | null;
    declaredBy: RecordRef | null;
    members: { actor: RecordRef; role: MemberRole; confirmedAt: Date | null }[];
  };
  interactions: {
    kind: InteractionKind;
    date: Date;
    description: string | null;
    intensity: number | null;
    amountEuros: number | null;
    alliance: RecordRef | null;
    participants: RecordRef[];
  };
  needs: { territoryId: number; date: Date; level: number; assessedBy: string; notes: string | null };
  practices: { actor: RecordRef; date: Date; scores: Record<string, number> };
}

export interface Planned<T extends RecordType> {
  at: RowLocation;
  externalId: string;
  /** The row as validated, for the audit log. */
  input: RowOf[T];
  values: Resolved[T];
}

export interface SectionPlan<T extends RecordType> {
  type: T;
  planned: Planned<T>[];
  rejections: Rejection[];
  rejectedRows: number;
}

export function describeLocation(at: RowLocation): string {
  if (at.sheet !== null) return at.row !== null ? `sheet ${at.sheet}, row ${at.row}` : `sheet ${at.sheet}`;
  if (at.line !== null) return at.record !== null ? `line ${at.line} (record ${at.record})` : `line ${at.line}`;
  return at.record !== null ? `record ${at.record}` : "the file";
}

/**
 * Validates a section's rows one by one, refuses the second of two rows with the same id (or
 * SIREN, RNA, SIRET), and resolves what each row names against the file and the record. Rows
 * that pass become the plan; every refusal says where, which column, and why.
 */
export async function planSection<T extends RecordType>(prisma: PrismaClient, type: T, rows: RawRow[], refs: References): Promise<SectionPlan<T>> {
  const rejections: Rejection[] = [];
  const valid: { raw: RawRow; row: RowOf[T] }[] = [];
  const firstSeen = new Map<string, RowLocation>();
  let rejectedRows = 0;
  const reject = (at: RowLocation, id: string | null, issues: RowIssue[]) => {
    rejectedRows += 1;
    for (const issue of issues) rejections.push({ at, type, id, column: issue.column, reason: issue.reason });
    if (id) refs.rejected.set(`${type}:${id}`, describeLocation(at));
  };

  for (const raw of rows) {
    const checked = raw.unreadable ? { issues: [] } : validateRow(type, raw.values, raw.tabular);
    const id =
      "row" in checked ? checked.row.externalId : typeof raw.values.id === "string" || typeof raw.values.id === "number" ? String(raw.values.id).trim() : null;
    const issues = [...raw.problems, ...("issues" in checked ? checked.issues : [])];
    // Unique values within the file: the id, and an actor's official numbers.
    const keys = "row" in checked ? uniqueKeys(type, checked.row) : [];
    for (const [column, key] of keys) {
      const earlier = firstSeen.get(key);
      if (earlier) issues.push({ column, reason: `duplicate ${column} in the file: already on ${describeLocation(earlier)}` });
    }
    if (issues.length > 0 || !("row" in checked)) {
      reject(raw.at, id, issues);
      continue;
    }
    for (const [, key] of keys) firstSeen.set(key, raw.at);
    valid.push({ raw, row: checked.row });
  }

  await prepare(
    type,
    valid.map((v) => v.row),
    refs,
  );
  let planned: Planned<T>[] = [];
  for (const { raw, row } of valid) {
    const resolved = resolve(type, row, refs);
    if ("issues" in resolved) reject(raw.at, row.externalId, resolved.issues);
    else planned.push({ at: raw.at, externalId: row.externalId, input: row, values: resolved.values });
  }
  if (type === "actors") {
    const refused = await refuseTakenNumbers(prisma, planned as Planned<"actors">[], refs.source);
    for (const [row, issues] of refused) reject(row.at, row.externalId, issues);
    planned = planned.filter((row) => !refused.has(row as Planned<"actors">));
  }
  // Only rows that will be written can be named by later sections.
  for (const row of planned) {
    if (type === "actors") {
      const actor = row.values as Resolved["actors"];
      refs.addFileActor({ externalId: row.externalId, siren: actor.siren ?? undefined, rna: actor.rna ?? undefined });
    } else if (type === "alliances") refs.addFileAlliance(row.externalId);
  }
  // Refusals found while validating and while resolving, back in file order.
  rejections.sort((a, b) => position(a.at) - position(b.at));
  return { type, planned, rejections, rejectedRows };
}

const position = (at: RowLocation) => at.line ?? at.row ?? at.record ?? 0;

function uniqueKeys(type: RecordType, row: RowOf[RecordType]): [string, string][] {
  const keys: [string, string][] = [["id", `id:${row.externalId}`]];
  if (type === "actors") {
    const actor = row as RowOf["actors"];
    if (actor.siren) keys.push(["siren", `siren:${actor.siren}`]);
    if (actor.siret) keys.push(["siret", `siret:${actor.siret}`]);
    if (actor.rna) keys.push(["rna", `rna:${actor.rna}`]);
  }
  return keys;
}

/** Loads, in a few queries, what the section's rows may name in the record. */
async function prepare(type: RecordType, rows: RowOf[RecordType][], refs: References): Promise<void> {
  if (type === "actors" || type === "needs") await refs.loadTerritories();
  if (type === "actors") {
    // The record's own copy of each row, so that a later section's reference finds its id.
    await refs.loadActors((rows as RowOf["actors"][]).map((a) => a.externalId));
  } else if (type === "alliances") {
    const alliances = rows as RowOf["alliances"][];
    await refs.loadActors(alliances.flatMap((a) => a.members.map((m) => m.actor)));
    await refs.loadAlliances(alliances.map((a) => a.externalId));
  } else if (type === "interactions") {
    const interactions = rows as RowOf["interactions"][];
    await refs.loadActors(interactions.flatMap((i) => i.participants));
    await refs.loadAlliances(interactions.flatMap((i) => (i.alliance ? [i.alliance] : [])));
  } else if (type === "practices") {
    await refs.loadActors((rows as RowOf["practices"][]).map((p) => p.actor));
  }
}

type Resolution<T extends RecordType> = { values: Resolved[T] } | { issues: RowIssue[] };

function resolve<T extends RecordType>(type: T, row: RowOf[T], refs: References): Resolution<T> {
  const issues: RowIssue[] = [];
  const take = (lookup: Lookup, column: string, entry?: number): RecordRef | null => {
    if ("ref" in lookup) return lookup.ref;
    issues.push({ column, reason: entry === undefined ? lookup.problem : `entry ${entry + 1}: ${lookup.problem}` });
    return null;
  };
  const many = (list: string[], column: string, lookup: (ref: string) => Lookup) =>
    list.map((ref, i) => take(lookup(ref), column, list.length > 1 ? i : undefined));
  const distinctRefs = (list: (RecordRef | null)[], column: string, message: string) => {
    const keys = list.filter((r): r is RecordRef => r !== null).map(refKey);
    if (new Set(keys).size !== keys.length) issues.push({ column, reason: message });
  };
  let values: Resolved[RecordType];
  if (type === "actors") {
    const a = row as RowOf["actors"];
    const territories = many(a.territories, "territories", (ref) => refs.territory(ref)) as (number | null)[];
    distinctRefs(territories, "territories", "two references name the same territory");
    values = {
      name: a.name,
      kind: a.kind,
      profile: PROFILE_OF_KIND[a.kind],
      isCatalyst: a.isCatalyst,
      siren: a.siren ?? null,
      siret: a.siret ?? null,
      rna: a.rna ?? null,
      description: a.description ?? null,
      website: a.website ?? null,
      territories: territories.filter((t): t is number => t !== null),
    };
  } else if (type === "alliances") {
    const a = row as RowOf["alliances"];
    const members = a.members.map((m, i) => ({ actor: take(refs.actor(m.actor), "members", i), role: m.role, confirmedAt: m.confirmedAt ?? null }));
    distinctRefs(
      members.map((m) => m.actor),
      "members",
      "two references name the same actor: each actor is a member once",
    );
    values = {
      name: a.name,
      purpose: a.purpose ?? null,
      modalities: a.modalities,
      levers: a.levers,
      impacts: a.impacts,
      startDate: a.startDate,
      endDate: a.endDate ?? null,
      declaredBy: a.declaredBy ? members[a.members.findIndex((m) => m.actor === a.declaredBy)]!.actor : null,
      members: members as Resolved["alliances"]["members"],
    };
  } else if (type === "interactions") {
    const i = row as RowOf["interactions"];
    const participants = many(i.participants, "participants", (ref) => refs.actor(ref));
    distinctRefs(participants, "participants", "two references name the same actor: each participant once");
    values = {
      kind: i.kind,
      date: i.date,
      description: i.description ?? null,
      intensity: i.intensity ?? null,
      amountEuros: i.amountEuros ?? null,
      alliance: i.alliance ? take(refs.alliance(i.alliance), "alliance") : null,
      participants: participants as RecordRef[],
    };
  } else if (type === "needs") {
    const n = row as RowOf["needs"];
    values = {
      territoryId: take(refs.territory(n.territory), "territory") as number,
      date: n.date,
      level: n.level,
      assessedBy: n.assessedBy,
      notes: n.notes ?? null,
    };
  } else {
    const p = row as RowOf["practices"];
    values = { actor: take(refs.actor(p.actor), "actor")!, date: p.date, scores: p.scores as Record<string, number> };
  }
  return issues.length > 0 ? { issues } : { values: values as Resolved[T] };
}

/**
 * A SIREN, SIRET or RNA number is unique in the whole record: a row may not take one another
 * record holds (an actor of another source, or of this source under another id).
 */
async function refuseTakenNumbers(prisma: PrismaClient, planned: Planned<"actors">[], source: string): Promise<Map<Planned<"actors">, RowIssue[]>> {
  const fields = ["siren", "siret", "rna"] as const;
  const holders = new Map<string, { source: string; externalId: string | null }>();
  for (const field of fields) {
    const numbers = planned.map((p) => p.values[field]).filter((n): n is string => n !== null);
    for (let i = 0; i < numbers.length; i += 5_000) {
      const rows = await prisma.actor.findMany({
        where: { [field]: { in: numbers.slice(i, i + 5_000) } },
        select: { source: true, externalId: true, siren: true, siret: true, rna: true },
      });
      for (const row of rows) holders.set(`${field}:${row[field]}`, row);
    }
  }
  const refused = new Map<Planned<"actors">, RowIssue[]>();
  for (const row of planned) {
    const issues: RowIssue[] = [];
    for (const field of fields) {
      const holder = row.values[field] ? holders.get(`${field}:${row.values[field]}`) : undefined;
      if (holder && !(holder.source === source && holder.externalId === row.externalId)) {
        issues.push({
          column: field,
          reason: `this ${field.toUpperCase()} belongs to another actor already (source ${holder.source}${holder.externalId ? `, id ${holder.externalId}` : ""})`,
        });
      }
    }
    if (issues.length > 0) refused.set(row, issues);
  }
  return refused;
}
