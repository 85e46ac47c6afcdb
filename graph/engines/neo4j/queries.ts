/**
 * What Neo4j answers better than a scan of the snapshot: path-shaped questions starting from one
 * actor. Two actors are tied when they share an alliance or an interaction, so a tie is two hops
 * in the stored graph, (:Actor)-[:MEMBER_OF|TOOK_PART_IN]->(hub)<-[...]-(:Actor), and a path of
 * k ties is 2k hops. Path lengths cannot be Cypher parameters: each length has its own statement
 * text, picked from a fixed table, never built from input.
 */
import { int, type Statement } from "./executor.js";

export const MAX_DEPTH = 6;

const lengths = Array.from({ length: MAX_DEPTH }, (_, i) => i + 1);

/** Every actor within `depth` ties, with its distance in ties. */
const NEIGHBOURHOOD: ReadonlyMap<number, string> = new Map(
  lengths.map((depth) => [
    depth,
    `
MATCH (a:Actor {id: $id})
MATCH p = ANY SHORTEST (a)((:Actor)-[:MEMBER_OF|TOOK_PART_IN]->()<-[:MEMBER_OF|TOOK_PART_IN]-(:Actor)){1,${depth}}(b:Actor)
WHERE b <> a
RETURN b.id AS actorId, length(p) / 2 AS distance
ORDER BY distance, actorId`,
  ]),
);

/**
 * All shortest paths between two actors, as the actor sequences they pass through. A confirmed
 * tie is an alliance both ends confirmed (TieFeatures.confirmed): in the stored graph, two
 * confirmed MEMBER_OF relationships into the same alliance, so a path of confirmed ties is a
 * path over confirmed memberships only. Several hubs can join the same two actors: the caller
 * keeps each actor sequence once.
 */
const PATHS: ReadonlyMap<string, string> = new Map(
  lengths.flatMap((length) => [
    [
      `${length}:all`,
      `
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:MEMBER_OF|TOOK_PART_IN*..${2 * length}]-(b))
RETURN [n IN nodes(p) WHERE n:Actor | n.id] AS actors`,
    ],
    [
      `${length}:confirmed`,
      `
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:MEMBER_OF*..${2 * length}]-(b))
WHERE all(r IN relationships(p) WHERE r.confirmedAt IS NOT NULL)
RETURN [n IN nodes(p) WHERE n:Actor | n.id] AS actors`,
    ],
  ]),
);

function checkLength(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DEPTH)
    throw new Error(`graph/neo4j: ${name} must be an integer from 1 to ${MAX_DEPTH}, got ${value}`);
}

export function neighbourhoodStatement(actorId: number, depth: number): Statement {
  checkLength("depth", depth);
  return { cypher: NEIGHBOURHOOD.get(depth)!, params: { id: int(actorId) } };
}

export function pathsStatement(fromId: number, toId: number, maxLength: number, confirmedOnly: boolean): Statement {
  checkLength("maxLength", maxLength);
  return { cypher: PATHS.get(`${maxLength}:${confirmedOnly ? "confirmed" : "all"}`)!, params: { from: int(fromId), to: int(toId) } };
}

export const ACTOR_EXISTS = (ids: number[]): Statement => ({
  cypher: "UNWIND $ids AS id OPTIONAL MATCH (a:Actor {id: id}) RETURN id, a IS NOT NULL AS found",
  params: { ids: ids.map((id) => int(id)) },
});

/**
 * The actors of one ecosystem: those whose first territory placed in any ecosystem is placed in
 * this one (graph/snapshot.ts's rule), given the placement as a map from territory id (as text:
 * map keys are strings) to ecosystem id.
 */
export function scopeStatement(ecosystemId: number, ecosystemOf: Record<string, unknown>): Statement {
  return {
    cypher: `
MATCH (a:Actor)
WHERE any(t IN a.territories WHERE $ecosystemOf[toString(t)] = $ecosystemId)
WITH a, [t IN a.territories WHERE $ecosystemOf[toString(t)] IS NOT NULL][0] AS placed
WHERE $ecosystemOf[toString(placed)] = $ecosystemId
RETURN a.id AS id
ORDER BY id`,
    params: { ecosystemId: int(ecosystemId), ecosystemOf },
  };
}

/**
 * From every shortest path (actor sequences, possibly repeated through different hubs), the
 * ones graph/ecosystem/introductionPaths.ts returns: its search walks predecessors back from the
 * target in ascending order and stops after `limit` paths, so it keeps the first `limit` in
 * lexicographic order of the reversed sequence, then sorts those forward. Record ids order the
 * same way as snapshot node ids (snapshot nodes are numbered in record id order).
 */
export function selectPaths(paths: readonly number[][], limit: number): number[][] {
  const unique = [...new Map(paths.map((p) => [p.join(","), p])).values()];
  const reversed = (a: number[], b: number[]) => compare([...a].reverse(), [...b].reverse());
  return unique.sort(reversed).slice(0, limit).sort(compare);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
