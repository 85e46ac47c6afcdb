import { Prisma, type PrismaClient } from "../../record/generated/prisma/client.js";

/**
 * How each column is sent: a PostgreSQL type name. Array-valued columns (enum lists) are sent as
 * array literals in a text[] parameter and cast back per row, since unnest cannot take ragged
 * two-dimensional arrays.
 */
export type ColumnTypes<Row> = { [K in keyof Row]?: string };

/** Rows per statement: each statement carries one array parameter per column, whatever the row count. */
const CHUNK = 25_000;

/** Every table of the record, children first. ApiToken is left alone: tokens are access, not record. */
const RECORD_TABLES = [
  "OutboxEvent",
  "Funding",
  "EvaluationLeverUse",
  "Evaluation",
  "PracticeScore",
  "PracticeAssessment",
  "NeedAssessment",
  "InteractionParticipant",
  "Interaction",
  "AllianceMember",
  "Alliance",
  "Person",
  "ActorTerritory",
  "Ecosystem",
  "Actor",
  "_ProjectMembers",
  "Territory",
] as const;

/** Tables with an autoincrement id that the seed fills with explicit ids. */
const SERIAL_TABLES = [
  "Territory",
  "Ecosystem",
  "Actor",
  "Person",
  "Alliance",
  "Interaction",
  "NeedAssessment",
  "PracticeAssessment",
  "Evaluation",
  "Funding",
] as const;

/**
 * Empties the record so that the demo can be seeded again, and restarts the id sequences. One
 * TRUNCATE statement is atomic and far faster than deletes; table names are constants, never data.
 */
export async function resetRecord(prisma: PrismaClient): Promise<void> {
  const tables = RECORD_TABLES.map(quote).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

/**
 * Bulk insert as `INSERT ... SELECT FROM unnest($1::int[], $2::text[], ...)`: one statement and
 * one array parameter per column. On the embedded database this is about ten times faster than
 * createMany, which binds every value separately and spends most of its time building the query.
 * Table, column and type names come from this module's callers (code constants); values are
 * always bound parameters. `defaults` adds columns computed by SQL (e.g. `now()`).
 */
export async function insertRows<Row extends object>(
  tx: Prisma.TransactionClient,
  table: string,
  rows: readonly Row[],
  types: ColumnTypes<Row>,
  defaults: Record<string, string> = {},
): Promise<number> {
  const columns = Object.entries(types as Record<string, string>);
  const names = [...columns.map(([name]) => name), ...Object.keys(defaults)].map(quote).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const select = [...columns.map(([, type], i) => (type.endsWith("[]") ? `c${i}::${type}` : `c${i}`)), ...Object.values(defaults)].join(", ");
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK) as Record<string, unknown>[];
    const params = columns.map(([name, type]) => {
      const values = chunk.map((row) => toSql(row[name], type));
      return Prisma.sql`${values}::${Prisma.raw(type.endsWith("[]") ? "text" : type)}[]`;
    });
    await tx.$executeRaw(
      Prisma.sql`INSERT INTO ${Prisma.raw(quote(table))} (${Prisma.raw(names)}) SELECT ${Prisma.raw(select)} FROM unnest(${Prisma.join(params)}) AS u(${Prisma.raw(aliases.join(", "))})`,
    );
  }
  return rows.length;
}

/** Moves each id sequence past the explicit ids the seed wrote, so later API inserts do not collide. */
export async function resetSequences(tx: Prisma.TransactionClient): Promise<void> {
  const calls = SERIAL_TABLES.map((t) => `setval(pg_get_serial_sequence('${quote(t)}', 'id'), COALESCE((SELECT MAX(id) FROM ${quote(t)}), 0) + 1, false)`);
  await tx.$queryRawUnsafe(`SELECT ${calls.join(", ")}`);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Dates as ISO text in UTC (a plain day for date columns), lists as array literals. */
function toSql(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
  return value;
}
