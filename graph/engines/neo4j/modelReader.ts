import { actorState, allianceState, interactionState, practiceAssessmentState, type OutboxEvent } from "../../../record/events.js";
import { NetworkModel, type TerritoryPlacement } from "../../model.js";
import { ints, type Neo4jExecutor, type Statement, type Tx } from "./executor.js";
import { READ_POSITION } from "./projection.js";
import { NoProjectionError } from "./projector.js";

type Kind = "actors" | "alliances" | "interactions" | "practiceAssessments";

const MATCH: Readonly<Record<Kind, string>> = {
  actors: "MATCH (a:Actor)",
  alliances: "MATCH (al:Alliance)",
  interactions: "MATCH (i:Interaction)",
  practiceAssessments: "MATCH (p:PracticeAssessment)",
};
const VARIABLE: Readonly<Record<Kind, string>> = { actors: "a", alliances: "al", interactions: "i", practiceAssessments: "p" };

const RETURN: Readonly<Record<Kind, string>> = {
  actors: `
RETURN a.id AS id, a.name AS name, a.profile AS profile, a.kind AS kind, a.isCatalyst AS isCatalyst, coalesce(a.territories, []) AS territories
ORDER BY id`,
  alliances: `
RETURN al.id AS id, toString(al.startDate) AS startDate, toString(al.endDate) AS endDate,
       al.modalities AS modalities, al.levers AS levers, al.impacts AS impacts,
       COLLECT {
         MATCH (m:Actor)-[r:MEMBER_OF]->(al)
         RETURN {actorId: m.id, role: r.role, confirmedAt: r.confirmedAt.epochMillis} AS member ORDER BY m.id
       } AS members
ORDER BY id`,
  interactions: `
RETURN i.id AS id, i.kind AS kind, toString(i.date) AS date, i.intensity AS intensity, i.amountEuros AS amountEuros,
       COLLECT { MATCH (i)-[:PART_OF]->(al:Alliance) RETURN al.id }[0] AS allianceId,
       COLLECT { MATCH (a:Actor)-[:TOOK_PART_IN]->(i) RETURN a.id ORDER BY a.id } AS participants
ORDER BY id`,
  practiceAssessments: `
RETURN p.id AS id, p.actorId AS actorId, toString(p.date) AS date, p.mean AS mean, p.practices AS practices, p.scores AS scores
ORDER BY id`,
};

/**
 * The network as Neo4j holds it, read back into the NetworkModel the memory engine keeps, one
 * bulk statement per kind of record (each with its relationships gathered by COLLECT
 * subqueries), so that snapshots, and every analytic over them, are the same code on both
 * engines. Lists come back ordered by id, as graph/recordLoader.ts orders them. With `ids`, only
 * those records (the ones a catch-up changed).
 */
export function readStatement(kind: Kind, ids?: readonly number[]): Statement {
  if (!ids) return { cypher: `${MATCH[kind]}${RETURN[kind]}`, params: {} };
  return { cypher: `${MATCH[kind]} WHERE ${VARIABLE[kind]}.id IN $ids${RETURN[kind]}`, params: { ids: ints(ids) } };
}

interface AssessmentRow {
  id: number;
  actorId: number;
  date: string;
  mean: number;
  practices: string[];
  scores: number[];
}

/**
 * Reads the model in one read transaction. Neo4j reads at read-committed, so a projector in
 * another process could commit between two statements: the position is read before and after,
 * and the read starts again if it moved.
 */
export async function readNetworkModel(executor: Neo4jExecutor, placement: TerritoryPlacement): Promise<NetworkModel> {
  for (let attempt = 1; ; attempt += 1) {
    const model = await executor.read("model.read", (tx) => readOnce(tx, placement));
    if (model) return model;
    if (attempt >= 5) throw new Error("graph/neo4j: the projection kept moving while the model was read");
  }
}

async function readOnce(tx: Tx, placement: TerritoryPlacement): Promise<NetworkModel | null> {
  const before = await position(tx);
  const model = new NetworkModel(placement);
  model.version = before;
  applyRows(model, await fetchRows(tx, {}), {});
  return (await position(tx)) === before ? model : null;
}

export interface Changed {
  actors?: Set<number>;
  alliances?: Set<number>;
  interactions?: Set<number>;
  practiceAssessments?: Set<number>;
}

/** Rows as Neo4j returns them: every kind but assessments in its event's shape (record/events.ts). */
interface Rows {
  actors: { id: number }[];
  alliances: { id: number }[];
  interactions: { id: number }[];
  practiceAssessments: AssessmentRow[];
}

/** The given records, or all of them for a kind not given. */
async function fetchRows(tx: Tx, changed: Changed): Promise<Rows> {
  const ids = (kind: Kind) => (changed[kind] ? [...changed[kind]] : undefined);
  return {
    actors: await tx.rows<{ id: number }>(readStatement("actors", ids("actors"))),
    alliances: await tx.rows<{ id: number }>(readStatement("alliances", ids("alliances"))),
    interactions: await tx.rows<{ id: number }>(readStatement("interactions", ids("interactions"))),
    practiceAssessments: await tx.rows<AssessmentRow>(readStatement("practiceAssessments", ids("practiceAssessments"))),
  };
}

/** Puts the rows into `model`, and removes the changed records Neo4j no longer holds. */
function applyRows(model: NetworkModel, rows: Rows, changed: Changed): void {
  const forget = <T>(map: Map<number, T>, kind: Kind) => {
    const found = new Set(rows[kind].map((row) => row.id));
    for (const id of changed[kind] ?? []) if (!found.has(id)) map.delete(id);
  };
  for (const row of rows.actors) model.actors.set(row.id, actorState.parse(row));
  forget(model.actors, "actors");
  for (const row of rows.alliances) model.alliances.set(row.id, allianceState.parse(row));
  forget(model.alliances, "alliances");
  for (const row of rows.interactions) model.interactions.set(row.id, interactionState.parse(row));
  forget(model.interactions, "interactions");
  for (const p of rows.practiceAssessments) {
    const scores = Object.fromEntries(p.practices.map((key, k) => [key, p.scores[k]!]));
    model.practiceAssessments.set(p.id, practiceAssessmentState.parse({ id: p.id, actorId: p.actorId, date: p.date, mean: p.mean, scores }));
  }
  forget(model.practiceAssessments, "practiceAssessments");
}

/**
 * Brings `model` to what Neo4j holds after the outbox events `events` (all those after the
 * model's version, up to Neo4j's position), by reading back only the records they touched and
 * those their deletions cascaded to (found in the model as it was: an actor's alliances,
 * interactions and assessments; an alliance's interactions). Returns false, leaving the model
 * untouched, when Neo4j's position is not the last event's (a full read is then needed).
 */
export async function readChanges(executor: Neo4jExecutor, model: NetworkModel, events: readonly OutboxEvent[]): Promise<boolean> {
  const last = events.at(-1)?.position ?? model.version;
  const changed: Required<Changed> = { actors: new Set(), alliances: new Set(), interactions: new Set(), practiceAssessments: new Set() };
  for (const event of events) {
    const id = event.aggregateId;
    if (event.aggregate === "ACTOR") {
      changed.actors.add(id);
      if (event.operation !== "DELETED") continue;
      for (const alliance of model.alliances.values()) if (alliance.members.some((m) => m.actorId === id)) changed.alliances.add(alliance.id);
      for (const interaction of model.interactions.values()) if (interaction.participants.includes(id)) changed.interactions.add(interaction.id);
      for (const assessment of model.practiceAssessments.values()) if (assessment.actorId === id) changed.practiceAssessments.add(assessment.id);
    } else if (event.aggregate === "ALLIANCE") {
      changed.alliances.add(id);
      if (event.operation !== "DELETED") continue;
      for (const interaction of model.interactions.values()) if (interaction.allianceId === id) changed.interactions.add(interaction.id);
    } else if (event.aggregate === "INTERACTION") {
      changed.interactions.add(id);
    } else {
      changed.practiceAssessments.add(id);
    }
  }
  // Rows first, model second: a read that fails half-way leaves the model as it was.
  const rows = await executor.read("model.readChanges", async (tx) => {
    if ((await position(tx)) !== last) return null;
    const read = await fetchRows(tx, changed);
    return (await position(tx)) === last ? read : null;
  });
  if (!rows) return false;
  applyRows(model, rows, changed);
  model.version = last;
  return true;
}

async function position(tx: Tx): Promise<bigint> {
  const [row] = await tx.rows<{ position: string | null }>(READ_POSITION);
  if (row?.position == null) throw new NoProjectionError();
  return BigInt(row.position);
}
