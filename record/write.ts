import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { Role } from "./generated/prisma/enums.js";
import { ConflictError, NotFoundError } from "./errors.js";

export type Tx = Prisma.TransactionClient;

/** Who writes: the API token (or single sign-on subject) and its role, as the audit log keeps them. */
export interface Writer {
  readonly tokenId: number | null;
  readonly role: Role | null;
}

/** What the audit log records of a write; a create's record id is what its `run` returns. */
export interface AuditedWrite {
  operation: string;
  recordType: string;
  recordId?: number;
  changes?: unknown;
}

/**
 * Runs one write in one transaction: either all of it is committed, with its outbox events and
 * its audit entry, or nothing is. Database rule violations that slip past validation (a
 * concurrent write taking a unique value, a row deleted meanwhile) come back as typed errors,
 * not crashes.
 */
export async function inTransaction<T>(prisma: PrismaClient, writer: Writer, audit: AuditedWrite, run: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const value = await run(tx);
        await tx.auditEntry.create({
          data: {
            tokenId: writer.tokenId,
            role: writer.role,
            operation: audit.operation,
            recordType: audit.recordType,
            recordId: audit.recordId ?? (typeof value === "number" ? value : null),
            changes: audit.changes === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(audit.changes)) as Prisma.InputJsonValue),
          },
          select: { id: true },
        });
        return value;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    throw translate(error);
  }
}

function translate(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  if (error.code === "P2002") return new ConflictError(`Another record already has this ${conflictingField(error.meta) ?? "value"}.`);
  if (error.code === "P2025") return new NotFoundError("Record", "(named in the input)");
  if (error.code === "P2003") return new ConflictError("The change would break a link between records (a reference is missing or still in use).");
  return error;
}

/** Names the unique field a write collided with, from the driver adapter's constraint report. */
function conflictingField(meta: Record<string, unknown> | undefined): string | undefined {
  const cause = (meta?.driverAdapterError as { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } } | undefined)?.cause;
  if (cause?.constraint?.fields?.length) return cause.constraint.fields.join(", ");
  // PostgreSQL names Prisma's unique indexes <Table>_<field>_key.
  const match = cause?.constraint?.index && /^[^_]+_(.+)_key$/.exec(cause.constraint.index);
  return match ? match[1] : undefined;
}

/** Throws NotFoundError unless every id exists; returns them deduplicated. */
export async function requireAll(type: string, ids: number[], count: (ids: number[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = new Set((await count(unique)).map((row) => row.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFoundError(type, missing);
  return unique;
}
