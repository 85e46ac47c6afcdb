import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { expectRejected as rejected, globalId, byDateThenId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { mutationDocuments } from "../support/mutationDocuments.js";

let api: TestApi;
let actors: string[];
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ actors(first: 2, filter: { isCatalyst: true }) { nodes { id } } }`);
  actors = result.data.actors.nodes.map((a: { id: string }) => a.id);
});
afterAll(() => api?.close());

const ASSESSMENT = `id date source actor { id } scores { practice score } axisAverages { axis average scored }`;
const LIST = `query ($filter: PracticeAssessmentFilter, $after: String) {
  practiceAssessments(filter: $filter, first: 500, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id date actor { id isCatalyst } }
  }
}`;
const { CREATE, UPDATE } = mutationDocuments("PracticeAssessment", ASSESSMENT);

interface Listed {
  id: string;
  date: string;
  actor: { id: string; isCatalyst: boolean };
}

const expectRejected = (query: string, variables: Record<string, unknown>, typename: string, as?: Role | "ANONYMOUS") =>
  rejected(api, query, variables, typename, as);

/** Every page of the list: the seed holds more assessments than the largest page. */
async function list(filter?: Record<string, unknown>): Promise<{ totalCount: number; nodes: Listed[] }> {
  const nodes: Listed[] = [];
  let after: string | undefined;
  for (;;) {
    const result = await api.gql(LIST, { filter, after });
    expect(result.errors).toBeUndefined();
    const page = result.data.practiceAssessments;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { totalCount: page.totalCount, nodes };
    after = page.pageInfo.endCursor;
  }
}

const valid = () => ({
  actor: actors[0],
  date: "2025-03-10",
  scores: [
    { practice: "FUND_PROJECTS", score: 4 },
    { practice: "MEASURE_RESULTS", score: 1 },
    { practice: "LISTEN_TO_OWN_ORGANISATION", score: 3 },
  ],
});

async function create(input: Record<string, unknown> = valid()) {
  const result = await api.gql(CREATE, { input }, "EDITOR");
  expect(result.data.createPracticeAssessment.__typename).toBe("CreatePracticeAssessmentSuccess");
  return result.data.createPracticeAssessment.practiceAssessment;
}

const scoreSet = (scores: { practice: string; score: number }[]) => Object.fromEntries(scores.map((s) => [s.practice, s.score]));

describe("practiceAssessments query", () => {
  it("lists every seeded self-assessment from the oldest, ties broken by id, over several pages", async () => {
    const { totalCount, nodes } = await list();
    expect(totalCount).toBe(await api.db.prisma.practiceAssessment.count());
    expect(totalCount).toBeGreaterThan(500);
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
    expect(nodes.map((n) => n.id)).toEqual([...nodes].sort(byDateThenId).map((n) => n.id));
  });

  it("holds at least one self-assessment for each of the 350 catalysts", async () => {
    const assessed = new Set((await list()).nodes.filter((n) => n.actor.isCatalyst).map((n) => n.actor.id));
    expect(assessed.size).toBe(350);
  });

  it("narrows to one actor's self-assessments", async () => {
    const all = await list();
    const counts = new Map<string, number>();
    for (const n of all.nodes) counts.set(n.actor.id, (counts.get(n.actor.id) ?? 0) + 1);
    const [twice] = [...counts].find(([, count]) => count === 2)!;
    const own = await list({ actor: twice });
    expect(own.totalCount).toBe(2);
    expect(own.nodes.every((n) => n.actor.id === twice)).toBe(true);
  });

  it("scores every practice of the grid in a seeded self-assessment, and averages each axis", async () => {
    const result = await api.gql(`{ practiceAssessments(first: 1) { nodes { scores { practice score } axisAverages { axis average scored } } } }`);
    const [assessment] = result.data.practiceAssessments.nodes;
    expect(assessment.scores).toHaveLength(22);
    expect(assessment.axisAverages.map((a: { axis: string; scored: number }) => [a.axis, a.scored])).toEqual([
      ["MANAGEMENT", 9],
      ["RELATIONS", 7],
      ["STRATEGY", 6],
    ]);
    const total = assessment.scores.reduce((sum: number, s: { score: number }) => sum + s.score, 0);
    const weighted = assessment.axisAverages.reduce((sum: number, a: { average: number; scored: number }) => sum + a.average * a.scored, 0);
    expect(weighted).toBeCloseTo(total, 9);
  });
});

describe("practice assessment mutations", () => {
  it("creates a partial self-assessment for an editor, averages its axes, and reads it back by id", async () => {
    const created = await create();
    expect(created).toMatchObject({ date: "2025-03-10", source: "api", actor: { id: actors[0] } });
    expect(scoreSet(created.scores)).toEqual({ FUND_PROJECTS: 4, MEASURE_RESULTS: 1, LISTEN_TO_OWN_ORGANISATION: 3 });
    // Every axis comes back, in the grid's order, even the one nothing was scored on.
    expect(created.axisAverages).toEqual([
      { axis: "MANAGEMENT", average: 2.5, scored: 2 },
      { axis: "RELATIONS", average: 3, scored: 1 },
      { axis: "STRATEGY", average: null, scored: 0 },
    ]);
    const read = await api.gql(`query ($id: ID!) { node(id: $id) { ... on PracticeAssessment { ${ASSESSMENT} } } }`, { id: created.id });
    expect(read.data.node).toEqual(created);
  });

  it("keeps the scores when they are left out of an update, and replaces the whole list when given", async () => {
    const { id } = await create();
    const moved = await api.gql(UPDATE, { id, input: { date: "2025-09-01", actor: actors[1] } }, "EDITOR");
    const kept = moved.data.updatePracticeAssessment.practiceAssessment;
    expect(kept).toMatchObject({ date: "2025-09-01", actor: { id: actors[1] } });
    expect(scoreSet(kept.scores)).toEqual({ FUND_PROJECTS: 4, MEASURE_RESULTS: 1, LISTEN_TO_OWN_ORGANISATION: 3 });

    const rescored = await api.gql(
      UPDATE,
      {
        id,
        input: {
          scores: [
            { practice: "DEFINE_PARTNERSHIP_STRATEGY", score: 2 },
            { practice: "EVALUATE_TERRITORIAL_IMPACT", score: 1 },
            { practice: "FUND_PROJECTS", score: 0 },
          ],
        },
      },
      "EDITOR",
    );
    const replaced = rescored.data.updatePracticeAssessment.practiceAssessment;
    expect(replaced).toMatchObject({ date: "2025-09-01", actor: { id: actors[1] } });
    expect(scoreSet(replaced.scores)).toEqual({ DEFINE_PARTNERSHIP_STRATEGY: 2, EVALUATE_TERRITORIAL_IMPACT: 1, FUND_PROJECTS: 0 });
    expect(replaced.axisAverages).toEqual([
      { axis: "MANAGEMENT", average: 0, scored: 1 },
      { axis: "RELATIONS", average: null, scored: 0 },
      { axis: "STRATEGY", average: 1.5, scored: 2 },
    ]);
  });
});

describe("practice assessment mutations refuse bad input and change nothing", () => {
  it.each([
    ["no score at all", { scores: [] }, ["input", "scores"]],
    [
      "a practice scored twice",
      {
        scores: [
          { practice: "FUND_PROJECTS", score: 1 },
          { practice: "FUND_PROJECTS", score: 2 },
        ],
      },
      ["input", "scores"],
    ],
    ["a score of 5", { scores: [{ practice: "FUND_PROJECTS", score: 5 }] }, ["input", "scores", "0", "score"]],
    [
      "a score of -1",
      {
        scores: [
          { practice: "MEASURE_RESULTS", score: 1 },
          { practice: "FUND_PROJECTS", score: -1 },
        ],
      },
      ["input", "scores", "1", "score"],
    ],
    ["a date before 1900", { date: "1850-06-01" }, ["input", "date"]],
    ["a date after 2100", { date: "2200-06-01" }, ["input", "date"]],
  ] as [string, Record<string, unknown>, string[]][])("on create: %s", async (_label, change, path) => {
    const payload = await expectRejected(CREATE, { input: { ...valid(), ...change } }, "InputValidationError");
    expect(payload.code).toBe("input/invalid");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it.each([
    ["null scores", { scores: null }, ["input", "scores"]],
    ["an empty score list", { scores: [] }, ["input", "scores"]],
    ["a null actor", { actor: null }, ["input", "actor"]],
    ["a null date", { date: null }, ["input", "date"]],
    ["a score of 7", { scores: [{ practice: "STEER_PROJECTS", score: 7 }] }, ["input", "scores", "0", "score"]],
  ] as [string, Record<string, unknown>, string[]][])("on update: %s", async (_label, input, path) => {
    const [seeded] = (await list()).nodes;
    const payload = await expectRejected(UPDATE, { id: seeded!.id, input }, "InputValidationError");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("refuses a practice that is not on the grid before running anything", async () => {
    const result = await api.gql(CREATE, { input: { ...valid(), scores: [{ practice: "JUGGLE", score: 2 }] } }, "EDITOR");
    expect(result.errors?.[0]?.message).toMatch(/JUGGLE/);
  });

  it("answers an unknown actor with NotFoundError naming it, on create and on update", async () => {
    const ghost = globalId("Actor", 999999);
    expect((await expectRejected(CREATE, { input: { ...valid(), actor: ghost } }, "NotFoundError")).message).toContain(ghost);
    const [seeded] = (await list()).nodes;
    expect((await expectRejected(UPDATE, { id: seeded!.id, input: { actor: ghost } }, "NotFoundError")).message).toContain(ghost);
  });
});
