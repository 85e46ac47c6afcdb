import { Prisma } from "./generated/prisma/client.js";

type Tx = Prisma.TransactionClient;

/** How each column is sent: a PostgreSQL type name, as in prisma/migrations (enums quoted). */
export type ColumnTypes<Row> = { [K in keyof Row]?: string };

/** Rows per statement: each statement carries one array parameter per column, whatever the row count. */
const CHUNK = 25_000;

/**
 * Bulk insert as `INSERT ... SELECT FROM unnest($1::type[], ...) RETURNING ...`: one array
 * parameter per column, one statement per 25,000 rows. Prisma's createMany binds every value
 * separately, and building that query is most of a bulk write's time on the embedded database;
 * the importer and the demo seed both write through this. Table, column and type names are this
 * module's callers' constants, never input; values are always bound parameters. Only the columns
 * of `types` are written. `defaults` adds columns computed by SQL (`now()`), `returning` the
 * columns to read back.
 */
export async function bulkInsert<Row extends object>(
  tx: Tx,
  table: string,
  rows: readonly Row[],
  types: ColumnTypes<Row>,
  options: { defaults?: Readonly<Record<string, string>>; returning?: readonly string[] } = {},
): Promise<Record<string, unknown>[]> {
  const columns = Object.entries(types as Record<string, string>);
  const defaults = Object.entries(options.defaults ?? {});
  const names = [...columns.map(([name]) => name), ...defaults.map(([name]) => name)].map(quote).join(", ");
  // Arrays (enum lists) travel as array literals in a text[] parameter and are cast back per row:
  // unnest cannot take ragged two-dimensional arrays.
  const select = [...columns.map(([, type], i) => (type.endsWith("[]") ? `c${i}::${type}` : `c${i}`)), ...defaults.map(([, sql]) => sql)].join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const returned: Record<string, unknown>[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK) as Record<string, unknown>[];
    const params = columns.map(([name, type]) => {
      const values = chunk.map((row) => toSql(row[name], type));
      return Prisma.sql`${values}::${Prisma.raw(type.endsWith("[]") ? "text" : type)}[]`;
    });
    const insert = Prisma.sql`INSERT INTO ${Prisma.raw(quote(table))} (${Prisma.raw(names)}) SELECT ${Prisma.raw(select)} FROM unnest(${Prisma.join(params)}) AS u(${Prisma.raw(aliases)})`;
    if (!options.returning) await tx.$executeRaw(insert);
    else
      returned.push(...(await tx.$queryRaw<Record<string, unknown>[]>(Prisma.sql`${insert} RETURNING ${Prisma.raw(options.returning.map(quote).join(", "))}`)));
  }
  return returned;
}

/** A table's columns but its id: for rows the database numbers itself. */
export function withoutId<Row extends { id?: unknown }>(types: ColumnTypes<Row>): ColumnTypes<Omit<Row, "id">> {
  const { id: _, ...rest } = types;
  return rest as ColumnTypes<Omit<Row, "id">>;
}

/** Inserts rows that carry their external id, and answers each one's new record id by it. */
export async function insertReturningIds<Row extends object>(
  tx: Tx,
  table: string,
  rows: readonly Row[],
  types: ColumnTypes<Row>,
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
