import { Prisma } from "../generated/prisma/client.js";

type Tx = Prisma.TransactionClient;

/**
 * One `INSERT ... SELECT FROM unnest($1::type[], ...) RETURNING ...` for a batch of rows: one
 * array parameter per column, whatever the row count. Prisma's createMany binds every value
 * separately, and building that query is most of an import's time on the embedded database (the
 * seed's insertRows makes the same choice, server/seed/store.ts). Table, column and type names
 * are this module's callers' constants, never input; values are always bound parameters.
 * `defaults` adds columns computed by SQL (`now()`), `returning` the columns to read back.
 */
export async function bulkInsert(
  tx: Tx,
  table: string,
  rows: readonly Record<string, unknown>[],
  types: Readonly<Record<string, string>>,
  options: { defaults?: Readonly<Record<string, string>>; returning?: readonly string[] } = {},
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(types);
  const defaults = Object.entries(options.defaults ?? {});
  const names = [...columns.map(([name]) => name), ...defaults.map(([name]) => name)].map(quote).join(", ");
  // Arrays (enum lists) travel as array literals in a text[] parameter and are cast back per row:
  // unnest cannot take ragged two-dimensional arrays.
  const select = [...columns.map(([, type], i) => (type.endsWith("[]") ? `c${i}::${type}` : `c${i}`)), ...defaults.map(([, sql]) => sql)].join(", ");
  const params = columns.map(([name, type]) => {
    const values = rows.map((row) => toSql(row[name], type));
    return Prisma.sql`${values}::${Prisma.raw(type.endsWith("[]") ? "text" : type)}[]`;
  });
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const insert = Prisma.sql`INSERT INTO ${Prisma.raw(quote(table))} (${Prisma.raw(names)}) SELECT ${Prisma.raw(select)} FROM unnest(${Prisma.join(params)}) AS u(${Prisma.raw(aliases)})`;
  if (!options.returning) {
    await tx.$executeRaw(insert);
    return [];
  }
  return tx.$queryRaw<Record<string, unknown>[]>(Prisma.sql`${insert} RETURNING ${Prisma.raw(options.returning.map(quote).join(", "))}`);
}

/** Prisma fills @updatedAt itself; a raw insert must. */
export const STAMPED = { updatedAt: "now()" };

/** Inserts rows that carry their external id, and answers each one's new record id by it. */
export async function insertReturningIds(
  tx: Tx,
  table: string,
  rows: Record<string, unknown>[],
  types: Record<string, string>,
  defaults?: Record<string, string>,
): Promise<Map<string, number>> {
  const created = await bulkInsert(tx, table, rows, types, { defaults, returning: ["id", "externalId"] });
  return new Map(created.map((c) => [c.externalId as string, c.id as number]));
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Days as `YYYY-MM-DD` for date columns, instants in ISO, lists as array literals, JSON as text. */
function toSql(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (type === "jsonb") return JSON.stringify(value);
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
  return value;
}
