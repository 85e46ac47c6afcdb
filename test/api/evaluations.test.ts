import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { expectRejected as rejected, globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { mutationDocuments } from "../support/mutationDocuments.js";

let api: TestApi;
let ecosystems: string[];
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystems(first: 2) { nodes { id } } }`);
  ecosystems = result.data.ecosystems.nodes.map((e: { id: string }) => e.id);
});
afterAll(() => api?.close());

const EVALUATION = `id phase date impact reproducibility promotion appetence source ecosystem { id } leverUses { lever score }`;
const LIST = `query ($filter: EvaluationFilter) {
  evaluations(filter: $filter, first: 500) { totalCount nodes { id phase date ecosystem { id } } }
}`;
const { CREATE, UPDATE } = mutationDocuments("Evaluation", EVALUATION);

interface Listed {
  id: string;
  phase: string;
  date: string;
  ecosystem: { id: string };
}

const expectRejected = (query: string, variables: Record<string, unknown>, typename: string, as?: Role | "ANONYMOUS") =>
  rejected(api, query, variables, typename, as);

async function list(filter?: Record<string, unknown>): Promise<{ totalCount: number; nodes: Listed[] }> {
  const result = await api.gql(LIST, { filter });
  expect(result.errors).toBeUndefined();
  return result.data.evaluations;
}

const valid = () => ({
  ecosystem: ecosystems[0],
  phase: "MIDWAY",
  date: "2025-06-20",
  impact: 3,
  reproducibility: 2,
  promotion: 1,
  appetence: 4,
  leverUses: [
    { lever: "FINANCE", score: 3 },
    { lever: "DATA", score: 1 },
  ],
});

async function create(input: Record<string, unknown> = valid()) {
  const result = await api.gql(CREATE, { input }, "EDITOR");
  expect(result.data.createEvaluation.__typename).toBe("CreateEvaluationSuccess");
  return result.data.createEvaluation.evaluation;
}

describe("evaluations query", () => {
  it("evaluates every one of the 81 ecosystems upstream, and at most once per phase", async () => {
    const upstream = await list({ phases: ["UPSTREAM"] });
    expect(upstream.totalCount).toBe(81);
    expect(new Set(upstream.nodes.map((n) => n.ecosystem.id)).size).toBe(81);
    const phases = (await list()).nodes.map((n) => `${n.ecosystem.id} ${n.phase}`);
    expect(new Set(phases).size).toBe(phases.length);
  });

  it("narrows to the phases asked for", async () => {
    const all = await list();
    const later = await list({ phases: ["MIDWAY", "DOWNSTREAM"] });
    expect(later.totalCount).toBe(all.nodes.filter((n) => n.phase !== "UPSTREAM").length);
    expect(later.totalCount).toBeGreaterThan(0);
    expect(later.nodes.every((n) => n.phase === "MIDWAY" || n.phase === "DOWNSTREAM")).toBe(true);
  });

  it("narrows to one ecosystem's evaluations", async () => {
    const all = await list();
    const own = await list({ ecosystem: ecosystems[0] });
    expect(own.totalCount).toBe(all.nodes.filter((n) => n.ecosystem.id === ecosystems[0]).length);
    expect(own.totalCount).toBeGreaterThan(0);
    expect(own.nodes.every((n) => n.ecosystem.id === ecosystems[0])).toBe(true);
  });

  it("scores each of the seven levers once on a seeded evaluation, in the levers' order", async () => {
    const result = await api.gql(`{ evaluations(first: 1) { nodes { leverUses { lever score } } } }`);
    const [evaluation] = result.data.evaluations.nodes;
    expect(evaluation.leverUses.map((u: { lever: string }) => u.lever)).toEqual([
      "DATA",
      "TOOLS",
      "SKILLS",
      "FINANCE",
      "ENGINEERING",
      "LISTENING_TIME",
      "PROMOTION",
    ]);
    expect(evaluation.leverUses.every((u: { score: number }) => u.score >= 0 && u.score <= 4)).toBe(true);
  });
});

describe("evaluation mutations", () => {
  it("creates an evaluation for an editor, with its lever uses in the levers' order, and reads it back by id", async () => {
    const created = await create();
    expect(created).toMatchObject({
      phase: "MIDWAY",
      date: "2025-06-20",
      impact: 3,
      reproducibility: 2,
      promotion: 1,
      appetence: 4,
      source: "api",
      ecosystem: { id: ecosystems[0] },
    });
    expect(created.leverUses).toEqual([
      { lever: "DATA", score: 1 },
      { lever: "FINANCE", score: 3 },
    ]);
    const read = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Evaluation { ${EVALUATION} } } }`, { id: created.id });
    expect(read.data.node).toEqual(created);
  });

  it("creates an evaluation without lever uses when none are given", async () => {
    const { leverUses: _left, ...input } = valid();
    expect((await create(input)).leverUses).toEqual([]);
    expect((await create({ ...input, leverUses: null })).leverUses).toEqual([]);
  });

  it("keeps the fields and lever uses left out of an update, and replaces the lever uses when given", async () => {
    const { id } = await create();
    const rescored = await api.gql(UPDATE, { id, input: { impact: 0, phase: "DOWNSTREAM", ecosystem: ecosystems[1] } }, "EDITOR");
    expect(rescored.data.updateEvaluation.evaluation).toMatchObject({
      impact: 0,
      phase: "DOWNSTREAM",
      ecosystem: { id: ecosystems[1] },
      date: "2025-06-20",
      reproducibility: 2,
      promotion: 1,
      appetence: 4,
      leverUses: [
        { lever: "DATA", score: 1 },
        { lever: "FINANCE", score: 3 },
      ],
    });
    const replaced = await api.gql(UPDATE, { id, input: { leverUses: [{ lever: "TOOLS", score: 2 }] } }, "EDITOR");
    expect(replaced.data.updateEvaluation.evaluation).toMatchObject({ impact: 0, leverUses: [{ lever: "TOOLS", score: 2 }] });
    const emptied = await api.gql(UPDATE, { id, input: { leverUses: [] } }, "EDITOR");
    expect(emptied.data.updateEvaluation.evaluation.leverUses).toEqual([]);
  });
});

describe("evaluation mutations refuse bad input and change nothing", () => {
  it.each([
    ["an impact of 5", { impact: 5 }, ["input", "impact"]],
    ["a reproducibility of -1", { reproducibility: -1 }, ["input", "reproducibility"]],
    ["a promotion of 10", { promotion: 10 }, ["input", "promotion"]],
    ["an appetence of -3", { appetence: -3 }, ["input", "appetence"]],
    [
      "a lever used twice",
      {
        leverUses: [
          { lever: "DATA", score: 1 },
          { lever: "DATA", score: 2 },
        ],
      },
      ["input", "leverUses"],
    ],
    [
      "a lever use scored 6",
      {
        leverUses: [
          { lever: "DATA", score: 1 },
          { lever: "TOOLS", score: 6 },
        ],
      },
      ["input", "leverUses", "1", "score"],
    ],
    ["a date before 1900", { date: "1800-01-01" }, ["input", "date"]],
    ["a date after 2100", { date: "2150-01-01" }, ["input", "date"]],
  ] as [string, Record<string, unknown>, string[]][])("on create: %s", async (_label, change, path) => {
    const payload = await expectRejected(CREATE, { input: { ...valid(), ...change } }, "InputValidationError");
    expect(payload.code).toBe("input/invalid");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it.each([
    ["a null ecosystem", { ecosystem: null }, ["input", "ecosystem"]],
    ["a null phase", { phase: null }, ["input", "phase"]],
    ["a null date", { date: null }, ["input", "date"]],
    ["a null impact", { impact: null }, ["input", "impact"]],
    ["a null appetence", { appetence: null }, ["input", "appetence"]],
    ["null lever uses", { leverUses: null }, ["input", "leverUses"]],
    ["a promotion of 5", { promotion: 5 }, ["input", "promotion"]],
    [
      "a lever used twice",
      {
        leverUses: [
          { lever: "SKILLS", score: 1 },
          { lever: "SKILLS", score: 1 },
        ],
      },
      ["input", "leverUses"],
    ],
  ] as [string, Record<string, unknown>, string[]][])("on update: %s", async (_label, input, path) => {
    const [seeded] = (await list()).nodes;
    const payload = await expectRejected(UPDATE, { id: seeded!.id, input }, "InputValidationError");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("answers an unknown ecosystem with NotFoundError naming it, on create and on update", async () => {
    const ghost = globalId("Ecosystem", 999999);
    expect((await expectRejected(CREATE, { input: { ...valid(), ecosystem: ghost } }, "NotFoundError")).message).toContain(ghost);
    const [seeded] = (await list()).nodes;
    expect((await expectRejected(UPDATE, { id: seeded!.id, input: { ecosystem: ghost } }, "NotFoundError")).message).toContain(ghost);
  });
});
