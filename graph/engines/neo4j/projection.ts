/**
 * How the network is written into Neo4j: the Cypher for each kind of change, as
 * `{ cypher, params }` statements over UNWIND batches, shared by the projector (outbox events)
 * and the rebuild (the whole record). Every statement is idempotent: nodes are MERGEd on their
 * record id, and an upsert replaces the relationships it owns (memberships, participations, the
 * link to an alliance) wholesale, so applying the same state twice leaves the same graph.
 *
 *   (:Actor {id, name, profile, kind, isCatalyst, territories})
 *   (:Actor)-[:MEMBER_OF {role, confirmedAt}]->(:Alliance {id, startDate, endDate, modalities, levers, impacts})
 *   (:Actor)-[:TOOK_PART_IN]->(:Interaction {id, kind, date, intensity, amountEuros})-[:PART_OF]->(:Alliance)
 *   (:PracticeAssessment {id, actorId, date, mean, practices, scores})
 *   (:ProjectionState {id: 'outbox', position})
 *
 * Days (@db.Date columns) are Neo4j dates; a confirmation is a datetime. An actor's territories
 * keep the record's order: the first one placed in an ecosystem decides the actor's ecosystem.
 * Practice scores are two parallel lists (practice keys in order, scores), Neo4j having no map
 * properties. Upserts MATCH the actors and alliances they link to and never create them: the
 * outbox is applied in commit order, so whatever an event refers to is already there.
 */
import type { ActorRecord, AllianceRecord, InteractionRecord, PracticeAssessmentRecord } from "../../../record/events.js";
import { int, intOrNull, ints, type Statement } from "./executor.js";

export type Aggregate = "ACTOR" | "ALLIANCE" | "INTERACTION" | "PRACTICE_ASSESSMENT";

const UPSERT: Readonly<Record<Aggregate, string>> = {
  ACTOR: `
UNWIND $rows AS r
MERGE (a:Actor {id: r.id})
SET a.name = r.name, a.profile = r.profile, a.kind = r.kind, a.isCatalyst = r.isCatalyst, a.territories = r.territories`,
  ALLIANCE: `
UNWIND $rows AS r
MERGE (al:Alliance {id: r.id})
SET al.startDate = date(r.startDate), al.endDate = date(r.endDate), al.modalities = r.modalities, al.levers = r.levers, al.impacts = r.impacts
WITH al, r
CALL (al) { MATCH (:Actor)-[old:MEMBER_OF]->(al) DELETE old }
CALL (al, r) {
  UNWIND r.members AS m
  MATCH (a:Actor {id: m.actorId})
  CREATE (a)-[:MEMBER_OF {role: m.role, confirmedAt: datetime(m.confirmedAt)}]->(al)
}`,
  INTERACTION: `
UNWIND $rows AS r
MERGE (i:Interaction {id: r.id})
SET i.kind = r.kind, i.date = date(r.date), i.intensity = r.intensity, i.amountEuros = r.amountEuros
WITH i, r
CALL (i) { MATCH (i)-[old:PART_OF]->(:Alliance) DELETE old }
CALL (i) { MATCH (:Actor)-[old:TOOK_PART_IN]->(i) DELETE old }
CALL (i, r) { MATCH (al:Alliance {id: r.allianceId}) CREATE (i)-[:PART_OF]->(al) }
CALL (i, r) { UNWIND r.participants AS p MATCH (a:Actor {id: p}) CREATE (a)-[:TOOK_PART_IN]->(i) }`,
  PRACTICE_ASSESSMENT: `
UNWIND $rows AS r
MERGE (p:PracticeAssessment {id: r.id})
SET p.actorId = r.actorId, p.date = date(r.date), p.mean = r.mean, p.practices = r.practices, p.scores = r.scores`,
};

/** Deletions do what the record's cascades do (as graph/engines/memory/applyEvent.ts does). */
const DELETE: Readonly<Record<Aggregate, string>> = {
  // The actor leaves its alliances and interactions (DETACH) and takes its assessments along.
  ACTOR: `
UNWIND $ids AS id
CALL (id) { MATCH (p:PracticeAssessment {actorId: id}) DELETE p }
CALL (id) { MATCH (a:Actor {id: id}) DETACH DELETE a }`,
  // Its memberships go, and its interactions stay, unlinked.
  ALLIANCE: `
UNWIND $ids AS id
MATCH (al:Alliance {id: id}) DETACH DELETE al`,
  INTERACTION: `
UNWIND $ids AS id
MATCH (i:Interaction {id: id}) DETACH DELETE i`,
  PRACTICE_ASSESSMENT: `
UNWIND $ids AS id
MATCH (p:PracticeAssessment {id: id}) DELETE p`,
};

export type AggregateRecord = ActorRecord | AllianceRecord | InteractionRecord | PracticeAssessmentRecord;

export function upsert(aggregate: Aggregate, records: readonly AggregateRecord[]): Statement {
  return { cypher: UPSERT[aggregate], params: { rows: records.map((record) => toRow(aggregate, record)) } };
}

export function remove(aggregate: Aggregate, ids: readonly number[]): Statement {
  return { cypher: DELETE[aggregate], params: { ids: ints(ids) } };
}

/** A record as Cypher parameters: integers as integers, days as ISO dates. */
function toRow(aggregate: Aggregate, record: AggregateRecord): Record<string, unknown> {
  switch (aggregate) {
    case "ACTOR": {
      const a = record as ActorRecord;
      return { id: int(a.id), name: a.name, profile: a.profile, kind: a.kind, isCatalyst: a.isCatalyst, territories: ints(a.territories) };
    }
    case "ALLIANCE": {
      const al = record as AllianceRecord;
      return {
        id: int(al.id),
        startDate: day(al.startDate),
        endDate: al.endDate === null ? null : day(al.endDate),
        modalities: [...al.modalities],
        levers: [...al.levers],
        impacts: [...al.impacts],
        members: al.members.map((m) => ({ actorId: int(m.actorId), role: m.role, confirmedAt: m.confirmedAt === null ? null : m.confirmedAt.toISOString() })),
      };
    }
    case "INTERACTION": {
      const i = record as InteractionRecord;
      return {
        id: int(i.id),
        kind: i.kind,
        date: day(i.date),
        intensity: intOrNull(i.intensity),
        amountEuros: intOrNull(i.amountEuros),
        allianceId: intOrNull(i.allianceId),
        participants: ints(i.participants),
      };
    }
    case "PRACTICE_ASSESSMENT": {
      const p = record as PracticeAssessmentRecord;
      const practices = Object.keys(p.scores).sort();
      return { id: int(p.id), actorId: int(p.actorId), date: day(p.date), mean: p.mean, practices, scores: ints(practices.map((key) => p.scores[key]!)) };
    }
  }
}

const DAY_MS = 86_400_000;

/** A @db.Date value (midnight UTC) as YYYY-MM-DD; anything else would lose its time of day. */
function day(date: Date): string {
  if (date.getTime() % DAY_MS !== 0) throw new Error(`graph/neo4j: expected a day (midnight UTC), got ${date.toISOString()}`);
  return date.toISOString().slice(0, 10);
}

export const READ_POSITION: Statement = {
  cypher: "OPTIONAL MATCH (s:ProjectionState {id: 'outbox'}) RETURN toString(s.position) AS position",
  params: {},
};

export function writePosition(position: bigint): Statement {
  return { cypher: "MERGE (s:ProjectionState {id: 'outbox'}) SET s.position = $position, s.updatedAt = datetime()", params: { position: int(position) } };
}

/** Deletes up to $limit nodes; the rebuild deletes the state node first (DELETE_STATE), so a half-wiped graph is never taken for a projection. */
export function wipeSome(limit: number): Statement {
  return { cypher: "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted", params: { limit: int(limit) } };
}

export const DELETE_STATE: Statement = { cypher: "MATCH (s:ProjectionState) DELETE s", params: {} };
