import { int, type Neo4jExecutor, type Statement } from "./executor.js";

/**
 * The projection's constraints and indexes, created at start-up and safe to create again.
 * Community edition allows uniqueness constraints only (existence and type constraints are
 * Enterprise), which is what the projector's MERGE on stable ids needs: each uniqueness
 * constraint also backs the lookup by id with an index.
 */
export const SCHEMA_STATEMENTS: readonly Statement[] = [
  "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT alliance_id IF NOT EXISTS FOR (n:Alliance) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT practice_assessment_id IF NOT EXISTS FOR (n:PracticeAssessment) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT projection_state_id IF NOT EXISTS FOR (n:ProjectionState) REQUIRE n.id IS UNIQUE",
  // Deleting an actor deletes its assessments, found by this property.
  "CREATE INDEX practice_assessment_actor IF NOT EXISTS FOR (n:PracticeAssessment) ON (n.actorId)",
].map((cypher) => ({ cypher, params: {} }));

/** Creates what is missing, one schema transaction each (Neo4j forbids mixing them), and waits until the indexes are online. */
export async function ensureSchema(executor: Neo4jExecutor): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await executor.write("schema.ensure", (tx) => tx.rows(statement));
  await executor.read("schema.await", (tx) => tx.rows({ cypher: "CALL db.awaitIndexes($seconds)", params: { seconds: int(120) } }));
}
