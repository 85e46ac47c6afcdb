import { NotFoundError } from "./errors.js";
import { insertReturningIds, withoutId } from "./bulkInsert.js";
import * as T from "./tables.js";
import { day } from "./imports/canonical.js";
import type { RecordAdapter } from "./imports/recordAdapters.js";
import type { Tx } from "./write.js";

/**
 * The need assessment's write service. Each function runs inside the caller's transaction
 * (record/write.ts); `needImport` writes the importer's rows (record/imports/writeSection.ts) by
 * the batch. No outbox event: the graph engines do not read need assessments.
 */

export interface NeedAssessmentInput {
  /** Record id of the territory assessed. */
  territory: number;
  date: Date;
  /** 1 ACCOMPANY, 2 CONSOLIDATE, 3 INVEST, 4 INVENT (record/vocabulary/profiles.ts). */
  level: number;
  assessedBy: string;
  notes?: string | null;
}

/** Fields left out (undefined) keep their value; null clears the notes. */
export type NeedAssessmentChanges = { [K in keyof NeedAssessmentInput]?: NeedAssessmentInput[K] | null };

export async function createNeedAssessment(tx: Tx, input: NeedAssessmentInput): Promise<number> {
  const { id } = await tx.needAssessment.create({
    data: {
      territoryId: await requireTerritory(tx, input.territory),
      date: input.date,
      level: input.level,
      assessedBy: input.assessedBy.trim(),
      notes: input.notes?.trim() || null,
    },
    select: { id: true },
  });
  return id;
}

export async function updateNeedAssessment(tx: Tx, id: number, changes: NeedAssessmentChanges): Promise<void> {
  if (!(await tx.needAssessment.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("NeedAssessment", id);
  await tx.needAssessment.update({
    where: { id },
    data: {
      territoryId: changes.territory ? await requireTerritory(tx, changes.territory) : undefined,
      date: changes.date ?? undefined,
      level: changes.level ?? undefined,
      assessedBy: changes.assessedBy?.trim() ?? undefined,
      notes: changes.notes === undefined ? undefined : changes.notes?.trim() || null,
    },
    select: { id: true },
  });
}

export async function deleteNeedAssessment(tx: Tx, id: number): Promise<void> {
  const { count } = await tx.needAssessment.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("NeedAssessment", id);
}

async function requireTerritory(tx: Tx, id: number): Promise<number> {
  if (!(await tx.territory.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Territory", id);
  return id;
}

export const needImport: RecordAdapter<"needs"> = {
  recordType: "NeedAssessment",
  bind: (v) => v,
  canonical: (s) => JSON.stringify([s.territoryId, day(s.date), s.level, s.assessedBy, s.notes]),
  load: async (db, source, externalIds) => {
    const rows = await db.needAssessment.findMany({
      where: { source, externalId: { in: externalIds } },
      select: { id: true, externalId: true, territoryId: true, date: true, level: true, assessedBy: true, notes: true },
    });
    return new Map(rows.map(({ id, externalId, ...state }) => [externalId!, { id, state }]));
  },
  create: (tx, source, rows) =>
    insertReturningIds(
      tx,
      "NeedAssessment",
      rows.map(({ externalId, state }) => ({ ...state, source, externalId })),
      withoutId(T.NEED_ASSESSMENT),
    ),
  update: async (tx, id, state) => void (await tx.needAssessment.update({ where: { id }, data: state, select: { id: true } })),
  event: () => null,
};
