import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../schema/index.js";
import type { Role } from "../../record/generated/prisma/enums.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { inputArbitrary, type IdPool } from "./inputArbitraries.js";

// Every mutation, fed generated inputs: each call answers with its payload or a typed error
// (or a GraphQL error for a value of the wrong type), never an unexpected error; and the record
// keeps its invariants whatever was thrown at it.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const EXPECTED_TYPENAMES = /(Success|InputValidationError|InvalidInputError|NotFoundError|ConflictError|ForbiddenError)$/;

let api: TestApi;
let ids: IdPool;
let tried = 0;
const outcomes = new Map<string, number>();
beforeAll(async () => {
  api = await startTestApi();
  const sample = await api.gql(`{
    actors(first: 6) { nodes { id } } territories(first: 3) { nodes { id } } alliances(first: 4) { nodes { id } }
    interactions(first: 3) { nodes { id } } ecosystems(first: 3) { nodes { id } } needAssessments(first: 2) { nodes { id } }
    practiceAssessments(first: 2) { nodes { id } } evaluations(first: 2) { nodes { id } } fundings(first: 2) { nodes { id } }
  }`);
  const typeOf: Record<string, string> = {
    actors: "Actor",
    territories: "Territory",
    alliances: "Alliance",
    interactions: "Interaction",
    ecosystems: "Ecosystem",
    needAssessments: "NeedAssessment",
    practiceAssessments: "PracticeAssessment",
    evaluations: "Evaluation",
    fundings: "Funding",
  };
  ids = Object.fromEntries(
    Object.entries(sample.data as Record<string, { nodes: { id: string }[] }>).map(([list, c]) => [typeOf[list]!, c.nodes.map((n) => n.id)]),
  );
});
afterAll(async () => {
  const tally = [...outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  console.log(`property suite: ${tried} generated inputs tried against ${mutations().length} mutations (${tally})`);
  await api?.close();
});

function mutations() {
  return Object.values(schema.getMutationType()!.getFields());
}

describe("every mutation, under generated input", () => {
  it.each(mutations().map((field) => [field.name, field] as const))("%s answers with a payload or a typed error", async (name, field) => {
    // A mutation's own `id` names a record of the type in its name (deleteAlliance: an Alliance).
    const ownType = name.replace(/^(create|update|delete)/, "");
    const args = Object.fromEntries(field.args.map((arg) => [arg.name, inputArbitrary(arg.type, ids, arg.name === "id" ? ownType : undefined)]));
    const variables = fc.record(args);
    const role = fc.constantFrom<Role | "ANONYMOUS">("ADMIN", "ADMIN", "ADMIN", "EDITOR", "ANONYMOUS");
    const signature = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(", ");
    const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
    const query = `mutation (${signature}) { ${name}(${call}) { __typename ... on Error { code message } } }`;
    await fc.assert(
      fc.asyncProperty(variables, role, async (vars, as) => {
        tried += 1;
        const result = await api.gql(query, vars, as);
        for (const error of result.errors ?? []) {
          expect(error.message).not.toBe("Unexpected error.");
          expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
        }
        if (!result.errors) expect(result.data[name].__typename).toMatch(EXPECTED_TYPENAMES);
        const outcome = result.errors ? "GraphQL error" : String(result.data[name].__typename).replace(/^\w+Success$/, "Success");
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  });

  it("leaves the record consistent: no alliance under two members, no interaction under two participants, no funding going nowhere, no actor nowhere", async () => {
    const [row] = await api.db.prisma.$queryRaw<{ alliances: number; interactions: number; fundings: number; actors: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "Alliance" a WHERE (SELECT count(*) FROM "AllianceMember" m WHERE m."allianceId" = a.id) < 2) AS alliances,
        (SELECT count(*)::int FROM "Interaction" i WHERE (SELECT count(*) FROM "InteractionParticipant" p WHERE p."interactionId" = i.id) < 2) AS interactions,
        (SELECT count(*)::int FROM "Funding" WHERE "ecosystemId" IS NULL AND "recipientActorId" IS NULL) AS fundings,
        (SELECT count(*)::int FROM "Actor" a WHERE NOT EXISTS (SELECT 1 FROM "ActorTerritory" t WHERE t."actorId" = a.id)) AS actors`;
    expect(row).toEqual({ alliances: 0, interactions: 0, fundings: 0, actors: 0 });
  });

  it("keeps the graph engine equal to a fresh load from the record", async () => {
    const { MemoryGraphEngine } = await import("../../graph/engines/memory/memoryEngine.js");
    const fresh = new MemoryGraphEngine(api.db.prisma);
    await fresh.start();
    const table = async (engine: Pick<typeof fresh, "snapshot">) => (await engine.snapshot()).ties.map((t) => JSON.stringify(t)).sort();
    expect(await table(api.graph)).toEqual(await table(fresh));
    await fresh.close();
  });
});
