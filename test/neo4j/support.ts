import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect } from "vitest";
import { betweenness } from "../../graph/algorithms/betweenness.js";
import { ecosystemMaturity } from "../../graph/ecosystem/maturity.js";
import { introductionPaths } from "../../graph/ecosystem/introductionPaths.js";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import { Neo4jExecutor } from "../../graph/engines/neo4j/executor.js";
import type { Neo4jGraphEngine } from "../../graph/engines/neo4j/neo4jEngine.js";
import { scopeNodes } from "../../graph/scope.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { globalId } from "../support/rejected.js";
import type { GraphQLResponse } from "../support/testApi.js";

export const NEO4J_URI = process.env.NEO4J_URI || undefined;
if (!NEO4J_URI && process.env.CI === "true")
  throw new Error("test/neo4j: NEO4J_URI is not set, and CI must run the Neo4j suites (.ci/run starts Neo4j with scripts/neo4j/start.sh)");
export const SKIP_REASON = "needs Neo4j: set NEO4J_URI (npm run neo4j:dev)";
/** Suites that need Neo4j: skipped when NEO4J_URI is unset, saying so in one line. */
export const describeWithNeo4j = describe.skipIf(!NEO4J_URI);
if (!NEO4J_URI) process.stderr.write(`${path.relative(process.cwd(), expect.getState().testPath ?? "test/neo4j")}: skipped, ${SKIP_REASON}\n`);

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** Community edition has one database: each suite starts by emptying it. */
export async function wipe(uri: string): Promise<void> {
  const executor = new Neo4jExecutor({ uri });
  try {
    for (;;) {
      const [row] = await executor.write("test.wipe", (tx) =>
        tx.rows<{ deleted: number }>({ cypher: "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted", params: {} }),
      );
      if (!row?.deleted) return;
    }
  } finally {
    await executor.close();
  }
}

/** A private Neo4j (scripts/neo4j/start.sh in the background) in `dir`; its store survives stop(). */
export class PrivateNeo4j {
  uri = "";
  constructor(readonly dir: string) {}

  async start(port = 0): Promise<string> {
    const { stdout } = await run("bash", [path.join(ROOT, "scripts/neo4j/start.sh"), "--background", "--dir", this.dir, "--port", String(port)], {
      timeout: 240_000,
    });
    const line = stdout.trim().split("\n").at(-1) ?? "";
    if (!line.startsWith("NEO4J_URI=")) throw new Error(`start.sh printed no NEO4J_URI: ${stdout}`);
    this.uri = line.slice("NEO4J_URI=".length);
    return this.uri;
  }

  get port(): number {
    return Number(new URL(this.uri).port);
  }

  get pid(): number | null {
    const file = path.join(this.dir, "neo4j.pid");
    return fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : null;
  }

  async stop(options: { clean?: boolean } = {}): Promise<void> {
    await run("bash", [path.join(ROOT, "scripts/neo4j/stop.sh"), this.dir, ...(options.clean ? ["--clean"] : [])], { timeout: 60_000 });
  }
}

/** Every tie with all its facts, so two snapshots can be compared whole. */
export function tieTable(snapshot: NetworkSnapshot): string[] {
  return snapshot.ties.map((tie, e) => JSON.stringify({ ...tie, weight: snapshot.graph.edgeWeight[e] })).sort();
}

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** Pairs of actors a few ties apart (and a few far apart), picked from the snapshot without randomness. */
export function samplePairs(snapshot: NetworkSnapshot, count: number): [number, number][] {
  const { graph, actorIds } = snapshot;
  const pairs: [number, number][] = [];
  const step = Math.max(1, Math.floor(graph.nodeCount / count));
  for (let v = 0; v < graph.nodeCount && pairs.length < count; v += step) {
    // Walk up to three ties away along the first neighbour not yet visited.
    let w = v;
    const seen = new Set([v]);
    for (let hop = 0; hop < 1 + (pairs.length % 3); hop += 1) {
      const row = graph.targets.subarray(graph.offsets[w]!, graph.offsets[w + 1]!);
      const next = [...row].find((x) => !seen.has(x));
      if (next === undefined) break;
      seen.add(next);
      w = next;
    }
    pairs.push([actorIds[v]!, actorIds[w === v ? ((v + graph.nodeCount / 2) % graph.nodeCount) | 0 : w]!]);
  }
  return pairs;
}

/** Breadth-first distances in ties from one snapshot node, up to `depth`. */
function bfs(snapshot: NetworkSnapshot, source: number, depth: number): { actorId: number; distance: number }[] {
  const { graph, actorIds } = snapshot;
  const distance = new Map([[source, 0]]);
  let frontier = [source];
  for (let d = 1; d <= depth; d += 1) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i += 1) {
        const w = graph.targets[i]!;
        if (!distance.has(w)) {
          distance.set(w, d);
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  distance.delete(source);
  return [...distance].map(([v, d]) => ({ actorId: actorIds[v]!, distance: d })).sort((a, b) => a.distance - b.distance || a.actorId - b.actorId);
}

/**
 * Asserts that the Neo4j engine answers every question as the memory engine does; with
 * `queries: false`, only those answered from the snapshot (the Cypher queries, scope, paths and
 * neighbourhoods, are the conformance suite's to check).
 */
export async function expectSameAnswers(memory: GraphEngine, neo: Neo4jGraphEngine, { queries = true } = {}): Promise<void> {
  expect(neo.version()).toBe(memory.version());
  const [m, n] = [await memory.snapshot(), await neo.snapshot()];
  expect([...n.actorIds]).toEqual([...m.actorIds]);
  expect(tieTable(n)).toEqual(tieTable(m));
  expect({ profile: [...n.profile], ecosystem: [...n.ecosystem], region: [...n.region], group: [...n.territoryGroup], catalyst: [...n.catalyst] }).toEqual({
    profile: [...m.profile],
    ecosystem: [...m.ecosystem],
    region: [...m.region],
    group: [...m.territoryGroup],
    catalyst: [...m.catalyst],
  });
  expect([...n.practiceScores].map(String)).toEqual([...m.practiceScores].map(String));
  expect(n.today).toBe(m.today);

  const ecosystems = [...new Set(m.ecosystem)].filter((id) => id >= 0).sort((a, b) => a - b);
  expect(ecosystems.length).toBeGreaterThan(10);
  for (const id of ecosystems) expect(ecosystemMaturity(n, id), `maturity of ecosystem ${id}`).toEqual(ecosystemMaturity(m, id));

  const [bm, bn] = [betweenness(m.graph), betweenness(n.graph)];
  expect(bn.length).toBe(bm.length);
  let worst = 0;
  for (let v = 0; v < bm.length; v += 1) worst = Math.max(worst, Math.abs(bn[v]! - bm[v]!));
  expect(worst).toBeLessThanOrEqual(1e-9);
  if (!queries) return;

  for (const id of ecosystems.slice(0, 6))
    expect(await neo.scopeActorIds(id)).toEqual([...scopeNodes(m, { kind: "ecosystem", ecosystemId: id })].map((v) => m.actorIds[v]));

  let found = 0;
  for (const [from, to] of samplePairs(m, 24)) {
    for (const [maxLength, confirmedOnly] of [
      [3, true],
      [3, false],
      [4, false],
    ] as const) {
      const expected = introductionPaths(m, m.indexOfActor.get(from)!, m.indexOfActor.get(to)!, { maxLength, confirmedOnly }).map((p) =>
        p.nodes.map((v) => m.actorIds[v]!),
      );
      expect(await neo.introductionPaths(from, to, { maxLength, confirmedOnly }), `paths ${from} → ${to} (${maxLength}, ${confirmedOnly})`).toEqual(expected);
      if (expected.length > 0) found += 1;
    }
  }
  expect(found).toBeGreaterThan(20);

  // Pairs with more shortest paths than the limit (10): which ones are kept matters.
  let crowded = 0;
  for (let v = 0; v < m.graph.nodeCount && crowded < 3; v += 7) {
    for (const { actorId: to, distance } of bfs(m, v, 3)
      .filter((x) => x.distance >= 2)
      .slice(-20)) {
      const all = introductionPaths(m, v, m.indexOfActor.get(to)!, { maxLength: distance, confirmedOnly: false, limit: 1000 });
      if (all.length <= 10) continue;
      const expected = introductionPaths(m, v, m.indexOfActor.get(to)!, { maxLength: distance, confirmedOnly: false }).map((p) =>
        p.nodes.map((w) => m.actorIds[w]!),
      );
      expect(await neo.introductionPaths(m.actorIds[v]!, to, { maxLength: distance, confirmedOnly: false }), `crowded paths ${m.actorIds[v]} → ${to}`).toEqual(
        expected,
      );
      crowded += 1;
      break;
    }
  }
  expect(crowded).toBe(3);

  for (const [from] of samplePairs(m, 4)) expect(await neo.neighbourhood(from, 2)).toEqual(bfs(m, m.indexOfActor.get(from)!, 2));
}

const ok = (result: GraphQLResponse, field: string): any => {
  expect(result.errors).toBeUndefined();
  const payload = result.data[field];
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Success$/);
  return payload;
};

/**
 * Creates, updates and deletes one of each record the graph follows (actor, alliance,
 * interaction, practice assessment), through the API. Returns what is left of them.
 */
export async function writeEverything(
  gql: Gql,
  actorIds: readonly number[],
  label: string,
): Promise<{ actor: string; alliance: string; interaction: string; assessment: string }> {
  const [a, b, c, d] = actorIds.map((id) => globalId("Actor", id));
  const actor = ok(
    await gql(`mutation ($i: CreateActorInput!) { createActor(input: $i) { __typename ... on CreateActorSuccess { actor { id } } } }`, {
      i: { name: `${label} actor`, kind: "ASSOCIATION", territories: [globalId("Territory", 1)] },
    }),
    "createActor",
  ).actor.id;
  ok(
    await gql(`mutation ($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { __typename } }`, {
      id: actor,
      i: { name: `${label} actor, renamed`, isCatalyst: true, kind: "COMPANY" },
    }),
    "updateActor",
  );

  const allianceInput = (members: (string | undefined)[]) => members.map((m, k) => ({ actor: m, confirmed: k !== 2, role: k === 0 ? "LEAD" : "PARTNER" }));
  const alliance = ok(
    await gql(`mutation ($i: CreateAllianceInput!) { createAlliance(input: $i) { __typename ... on CreateAllianceSuccess { alliance { id } } } }`, {
      i: { name: `${label} alliance`, startDate: "2026-01-05", modalities: ["SHARE", "EXPERIMENT"], levers: ["DATA"], members: allianceInput([a, actor, b]) },
    }),
    "createAlliance",
  ).alliance.id;
  ok(
    await gql(`mutation ($id: ID!, $i: UpdateAllianceInput!) { updateAlliance(id: $id, input: $i) { __typename } }`, {
      id: alliance,
      i: { endDate: "2026-06-30", modalities: ["POOL_RESOURCES"], members: allianceInput([a, actor, c]) },
    }),
    "updateAlliance",
  );
  const doomedAlliance = ok(
    await gql(`mutation ($i: CreateAllianceInput!) { createAlliance(input: $i) { __typename ... on CreateAllianceSuccess { alliance { id } } } }`, {
      i: { name: `${label} short-lived`, startDate: "2026-01-06", members: allianceInput([b, d]) },
    }),
    "createAlliance",
  ).alliance.id;

  const interaction = ok(
    await gql(`mutation ($i: CreateInteractionInput!) { createInteraction(input: $i) { __typename ... on CreateInteractionSuccess { interaction { id } } } }`, {
      i: { kind: "JOINT_PROJECT", date: "2026-02-01", participants: [a, b, actor], intensity: 4, alliance: doomedAlliance },
    }),
    "createInteraction",
  ).interaction.id;
  ok(
    await gql(`mutation ($id: ID!, $i: UpdateInteractionInput!) { updateInteraction(id: $id, input: $i) { __typename } }`, {
      id: interaction,
      i: { participants: [a, c, actor], intensity: 2 },
    }),
    "updateInteraction",
  );
  const doomedInteraction = ok(
    await gql(`mutation ($i: CreateInteractionInput!) { createInteraction(input: $i) { __typename ... on CreateInteractionSuccess { interaction { id } } } }`, {
      i: { kind: "FUNDING", date: "2026-02-02", participants: [b, c], amountEuros: 12_000 },
    }),
    "createInteraction",
  ).interaction.id;
  ok(await gql(`mutation ($id: ID!) { deleteInteraction(id: $id) { __typename } }`, { id: doomedInteraction }), "deleteInteraction");
  // Its interaction stays, unlinked.
  ok(await gql(`mutation ($id: ID!) { deleteAlliance(id: $id) { __typename } }`, { id: doomedAlliance }), "deleteAlliance");

  const scores = (values: number[]) => values.map((score, k) => ({ practice: ["FUND_PROJECTS", "MEASURE_RESULTS", "LISTEN_TO_OWN_ORGANISATION"][k], score }));
  const assessment = ok(
    await gql(
      `mutation ($i: CreatePracticeAssessmentInput!) { createPracticeAssessment(input: $i) { __typename ... on CreatePracticeAssessmentSuccess { practiceAssessment { id } } } }`,
      {
        i: { actor: a, date: "2026-03-01", scores: scores([4, 1, 2]) },
      },
    ),
    "createPracticeAssessment",
  ).practiceAssessment.id;
  ok(
    await gql(`mutation ($id: ID!, $i: UpdatePracticeAssessmentInput!) { updatePracticeAssessment(id: $id, input: $i) { __typename } }`, {
      id: assessment,
      i: { scores: scores([3, 3, 1]) },
    }),
    "updatePracticeAssessment",
  );
  const doomedAssessment = ok(
    await gql(
      `mutation ($i: CreatePracticeAssessmentInput!) { createPracticeAssessment(input: $i) { __typename ... on CreatePracticeAssessmentSuccess { practiceAssessment { id } } } }`,
      {
        i: { actor: b, date: "2026-03-02", scores: scores([1, 1, 1]) },
      },
    ),
    "createPracticeAssessment",
  ).practiceAssessment.id;
  ok(await gql(`mutation ($id: ID!) { deletePracticeAssessment(id: $id) { __typename } }`, { id: doomedAssessment }), "deletePracticeAssessment");

  // An actor with an assessment, a membership and a participation, deleted: every cascade runs.
  const passing = ok(
    await gql(`mutation ($i: CreateActorInput!) { createActor(input: $i) { __typename ... on CreateActorSuccess { actor { id } } } }`, {
      i: { name: `${label} passing actor`, kind: "COMPANY", territories: [globalId("Territory", 2)] },
    }),
    "createActor",
  ).actor.id;
  ok(
    await gql(`mutation ($i: CreatePracticeAssessmentInput!) { createPracticeAssessment(input: $i) { __typename } }`, {
      i: { actor: passing, date: "2026-03-03", scores: scores([2, 2, 2]) },
    }),
    "createPracticeAssessment",
  );
  ok(
    await gql(`mutation ($id: ID!, $i: UpdateInteractionInput!) { updateInteraction(id: $id, input: $i) { __typename } }`, {
      id: interaction,
      i: { participants: [a, c, actor, passing] },
    }),
    "updateInteraction",
  );
  ok(
    await gql(`mutation ($id: ID!, $i: UpdateAllianceInput!) { updateAlliance(id: $id, input: $i) { __typename } }`, {
      id: alliance,
      i: { members: [...allianceInput([a, actor, c]), { actor: passing, confirmed: true }] },
    }),
    "updateAlliance",
  );
  ok(await gql(`mutation ($id: ID!) { deleteActor(id: $id) { __typename } }`, { id: passing }), "deleteActor");

  return { actor, alliance, interaction, assessment };
}
