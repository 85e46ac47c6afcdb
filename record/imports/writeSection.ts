import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { recordChanges } from "../outbox.js";
import type { RecordType } from "./importColumns.js";
import { bulkInsert } from "../bulkInsert.js";
import { ADAPTERS, type Binder, type Bound, type Existing, type RecordAdapter } from "./recordAdapters.js";
import type { Planned, SectionPlan } from "./planSection.js";
import type { RowLocation } from "./readRows.js";
import type { RecordRef } from "./references.js";

type Tx = Prisma.TransactionClient;

export type Action = "created" | "updated" | "unchanged";

export interface Change {
  type: RecordType;
  id: string;
  action: Exclude<Action, "unchanged">;
  at: RowLocation;
}

export interface WriteOptions {
  source: string;
  dryRun: boolean;
  batchSize: number;
  /** Who writes, for the audit log: the API token, or nobody for the command line. */
  viewer: { tokenId: number | null; role: Role | null };
  onBatch?: (done: number) => void;
  onChange?: (change: Change) => void;
}

/**
 * Writes a section's planned rows in transactional batches. Each batch reads the records its
 * rows name (by source and external id), leaves alone those a row would not change, and creates
 * or updates the others with their outbox events and audit entries, all in one transaction: a
 * batch is written whole or not at all, so an interrupted import run again picks up where it
 * stopped (what was written is now unchanged). A dry run does the same reading and comparing,
 * and writes nothing.
 */
export async function writeSection<T extends RecordType>(prisma: PrismaClient, plan: SectionPlan<T>, options: WriteOptions): Promise<Record<Action, number>> {
  const adapter = ADAPTERS[plan.type] as RecordAdapter<T>;
  const counts: Record<Action, number> = { created: 0, updated: 0, unchanged: 0 };
  const placeholders = new Map<string, number>();
  for (let start = 0; start < plan.planned.length; start += options.batchSize) {
    const batch = plan.planned.slice(start, start + options.batchSize);
    const bindRef = options.dryRun ? dryRunBinder(placeholders) : await recordBinder(prisma, batch as Planned<RecordType>[], options.source);
    const bound = batch.map((row) => ({ row, state: adapter.bind(row.values, bindRef) }));
    const existing = await adapter.load(
      prisma,
      options.source,
      batch.map((row) => row.externalId),
    );
    const creates: typeof bound = [];
    const updates: { row: Planned<T>; state: Bound<T>; previous: Existing<T> }[] = [];
    for (const item of bound) {
      const previous = existing.get(item.row.externalId);
      if (!previous) creates.push(item);
      else if (adapter.canonical(previous.state) !== adapter.canonical(item.state)) updates.push({ ...item, previous });
    }
    counts.created += creates.length;
    counts.updated += updates.length;
    counts.unchanged += batch.length - creates.length - updates.length;
    for (const { row } of creates) options.onChange?.({ type: plan.type, id: row.externalId, action: "created", at: row.at });
    for (const { row } of updates) options.onChange?.({ type: plan.type, id: row.externalId, action: "updated", at: row.at });
    if (!options.dryRun && creates.length + updates.length > 0) {
      await prisma.$transaction((tx) => writeBatch(tx, adapter, creates, updates, options), { maxWait: 30_000, timeout: 300_000 });
    }
    options.onBatch?.(start + batch.length);
  }
  return counts;
}

async function writeBatch<T extends RecordType>(
  tx: Tx,
  adapter: RecordAdapter<T>,
  creates: { row: Planned<T>; state: Bound<T> }[],
  updates: { row: Planned<T>; state: Bound<T>; previous: Existing<T> }[],
  options: WriteOptions,
): Promise<void> {
  const created =
    creates.length > 0
      ? await adapter.create(
          tx,
          options.source,
          creates.map(({ row, state }) => ({ externalId: row.externalId, state })),
        )
      : new Map<string, number>();
  for (const { state, previous } of updates) await adapter.update(tx, previous.id, state, previous.state);
  const written = [
    ...creates.map(({ row, state }) => ({ row, state, id: created.get(row.externalId)!, operation: "CREATED" as const })),
    ...updates.map(({ row, state, previous }) => ({ row, state, id: previous.id, operation: "UPDATED" as const })),
  ];
  await recordChanges(
    tx,
    written.flatMap((w) => adapter.event(w.operation, w.id, w.state) ?? []),
  );
  await bulkInsert(
    tx,
    "AuditEntry",
    written.map((w) => ({
      tokenId: options.viewer.tokenId,
      role: options.viewer.role,
      operation: "importRecords",
      recordType: adapter.recordType,
      recordId: w.id,
      changes: {
        source: options.source,
        externalId: w.row.externalId,
        action: w.operation === "CREATED" ? "created" : "updated",
        at: w.row.at,
        row: w.row.input,
      },
    })),
    { tokenId: "int", role: '"Role"', operation: "text", recordType: "text", recordId: "int", changes: "jsonb" },
  );
}

/** In a dry run, rows of the file not yet in the record get stand-in ids no record has (negative). */
function dryRunBinder(placeholders: Map<string, number>): Binder {
  const stand = (kind: string) => (ref: RecordRef) => {
    if (typeof ref === "number") return ref;
    const key = `${kind}:${ref.file}`;
    let id = placeholders.get(key);
    if (id === undefined) placeholders.set(key, (id = -(placeholders.size + 1)));
    return id;
  };
  return { actor: stand("actor"), alliance: stand("alliance") };
}

/** Binds references to rows of the file, written by an earlier section or batch, to their record ids. */
async function recordBinder(prisma: PrismaClient, batch: Planned<RecordType>[], source: string): Promise<Binder> {
  const actorKeys = new Set<string>();
  const allianceKeys = new Set<string>();
  const collect = (ref: RecordRef | null, into: Set<string>) => {
    if (ref !== null && typeof ref !== "number") into.add(ref.file);
  };
  for (const { values } of batch) {
    if ("members" in values) for (const m of values.members) collect(m.actor, actorKeys);
    if ("participants" in values) for (const p of values.participants) collect(p, actorKeys);
    if ("alliance" in values) collect(values.alliance, allianceKeys);
    if ("actor" in values) collect(values.actor, actorKeys);
  }
  const actorIds =
    actorKeys.size === 0
      ? new Map<string, number>()
      : new Map(
          (await prisma.actor.findMany({ where: { source, externalId: { in: [...actorKeys] } }, select: { id: true, externalId: true } })).map((a) => [
            a.externalId!,
            a.id,
          ]),
        );
  const allianceIds =
    allianceKeys.size === 0
      ? new Map<string, number>()
      : new Map(
          (await prisma.alliance.findMany({ where: { source, externalId: { in: [...allianceKeys] } }, select: { id: true, externalId: true } })).map((a) => [
            a.externalId!,
            a.id,
          ]),
        );
  const from = (ids: Map<string, number>, kind: string) => (ref: RecordRef) => {
    if (typeof ref === "number") return ref;
    const id = ids.get(ref.file);
    // Sections are written in order, so a row of the file named here is in the record by now.
    if (id === undefined) throw new Error(`import: ${kind} ${ref.file} of this file is not in the record; run the import again`);
    return id;
  };
  return { actor: from(actorIds, "actor"), alliance: from(allianceIds, "alliance") };
}
