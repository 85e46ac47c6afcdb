import type { Database } from "../../record/database.js";

const TABLES = [
  "Territory",
  "Ecosystem",
  "Actor",
  "ActorTerritory",
  "Person",
  "Alliance",
  "AllianceMember",
  "Interaction",
  "InteractionParticipant",
  "NeedAssessment",
  "PracticeAssessment",
  "PracticeScore",
  "Evaluation",
  "EvaluationLeverUse",
  "Funding",
  "OutboxEvent",
  "AuditEntry",
  "ApiToken",
] as const;

/**
 * A digest of every row of the record: two equal fingerprints mean nothing was written. Table
 * names come from the fixed list above, never from input.
 */
export async function recordFingerprint(db: Database): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.prisma.$queryRawUnsafe<{ digest: string | null; rows: number }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*)::int AS rows FROM "${table}" t`,
    );
    digests[table] = `${row?.rows}:${row?.digest}`;
  }
  return digests;
}
