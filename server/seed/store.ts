import type { Prisma, PrismaClient } from "../../record/generated/prisma/client.js";

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

/** Moves each id sequence past the explicit ids the seed wrote, so later API inserts do not collide. */
export async function resetSequences(tx: Prisma.TransactionClient): Promise<void> {
  const calls = SERIAL_TABLES.map((t) => `setval(pg_get_serial_sequence('${quote(t)}', 'id'), COALESCE((SELECT MAX(id) FROM ${quote(t)}), 0) + 1, false)`);
  await tx.$queryRawUnsafe(`SELECT ${calls.join(", ")}`);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
