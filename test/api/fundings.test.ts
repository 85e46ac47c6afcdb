import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { expectRejected as rejected, globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { mutationDocuments } from "../support/mutationDocuments.js";

let api: TestApi;
let ecosystems: string[];
let actors: string[];
let territory: string;
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystems(first: 2) { nodes { id territory { id } } } actors(first: 2) { nodes { id } } }`);
  ecosystems = result.data.ecosystems.nodes.map((e: { id: string }) => e.id);
  territory = result.data.ecosystems.nodes[0].territory.id;
  actors = result.data.actors.nodes.map((a: { id: string }) => a.id);
});
afterAll(() => api?.close());

const FUNDING = `id fund amountEuros date source ecosystem { id } recipient { id }`;
const LIST = `query ($filter: FundingFilter) {
  fundings(filter: $filter, first: 500) { totalCount nodes { id fund amountEuros date ecosystem { id } recipient { id } } }
}`;
const { CREATE, UPDATE } = mutationDocuments("Funding", FUNDING);

interface Listed {
  id: string;
  fund: string;
  amountEuros: number;
  date: string;
  ecosystem: { id: string } | null;
  recipient: { id: string } | null;
}

const expectRejected = (query: string, variables: Record<string, unknown>, typename: string, as?: Role | "ANONYMOUS") =>
  rejected(api, query, variables, typename, as);

async function list(filter?: Record<string, unknown>): Promise<{ totalCount: number; nodes: Listed[] }> {
  const result = await api.gql(LIST, { filter });
  expect(result.errors).toBeUndefined();
  return result.data.fundings;
}

const valid = () => ({ fund: "EQUITY", amountEuros: 25000, date: "2025-02-14", ecosystem: ecosystems[0], recipient: actors[0] });

async function create(input: Record<string, unknown> = valid()) {
  const result = await api.gql(CREATE, { input }, "EDITOR");
  expect(result.data.createFunding.__typename).toBe("CreateFundingSuccess");
  return result.data.createFunding.funding;
}

describe("fundings query", () => {
  it("gives each of the 81 ecosystems one territorial engineering grant of 15,000 euros", async () => {
    const grants = await list({ funds: ["TERRITORIAL_ENGINEERING"] });
    expect(grants.totalCount).toBe(81);
    expect(new Set(grants.nodes.map((n) => n.ecosystem?.id)).size).toBe(81);
    expect(grants.nodes.every((n) => n.fund === "TERRITORIAL_ENGINEERING" && n.amountEuros === 15000)).toBe(true);
  });

  it("narrows to the funds asked for", async () => {
    const all = await list();
    const equipment = await list({ funds: ["EQUITY", "DIGITAL_SOLUTIONS"] });
    expect(equipment.totalCount).toBe(all.nodes.filter((n) => n.fund === "EQUITY" || n.fund === "DIGITAL_SOLUTIONS").length);
    expect(equipment.totalCount).toBeGreaterThan(0);
    expect(equipment.nodes.every((n) => n.fund === "EQUITY" || n.fund === "DIGITAL_SOLUTIONS")).toBe(true);
  });

  it("narrows to one ecosystem's fundings, and to one recipient's", async () => {
    const all = await list();
    const own = await list({ ecosystem: ecosystems[0] });
    expect(own.totalCount).toBe(all.nodes.filter((n) => n.ecosystem?.id === ecosystems[0]).length);
    expect(own.nodes.every((n) => n.ecosystem?.id === ecosystems[0])).toBe(true);

    const recipient = own.nodes[0]!.recipient!.id;
    const received = await list({ recipient });
    expect(received.totalCount).toBe(all.nodes.filter((n) => n.recipient?.id === recipient).length);
    expect(received.totalCount).toBeGreaterThan(0);
    expect(received.nodes.every((n) => n.recipient?.id === recipient)).toBe(true);
  });
});

describe("funding mutations", () => {
  it("creates a funding to an actor within an ecosystem for an editor, and reads it back by id", async () => {
    const created = await create();
    expect(created).toMatchObject({
      fund: "EQUITY",
      amountEuros: 25000,
      date: "2025-02-14",
      source: "api",
      ecosystem: { id: ecosystems[0] },
      recipient: { id: actors[0] },
    });
    const read = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Funding { ${FUNDING} } } }`, { id: created.id });
    expect(read.data.node).toEqual(created);
  });

  it("creates a funding to an ecosystem alone, and one to an actor alone", async () => {
    expect(await create({ ...valid(), recipient: undefined })).toMatchObject({ ecosystem: { id: ecosystems[0] }, recipient: null });
    expect(await create({ ...valid(), ecosystem: null })).toMatchObject({ ecosystem: null, recipient: { id: actors[0] } });
  });

  it("keeps the fields left out of an update, and unlinks one side while the other remains", async () => {
    const { id } = await create();
    const raised = await api.gql(UPDATE, { id, input: { amountEuros: 30000 } }, "EDITOR");
    expect(raised.data.updateFunding.funding).toMatchObject({
      amountEuros: 30000,
      fund: "EQUITY",
      date: "2025-02-14",
      ecosystem: { id: ecosystems[0] },
      recipient: { id: actors[0] },
    });
    const unlinked = await api.gql(UPDATE, { id, input: { recipient: null, fund: "OTHER" } }, "EDITOR");
    expect(unlinked.data.updateFunding.funding).toMatchObject({ fund: "OTHER", amountEuros: 30000, ecosystem: { id: ecosystems[0] }, recipient: null });
    const swapped = await api.gql(UPDATE, { id, input: { ecosystem: null, recipient: actors[1], date: "2025-03-01" } }, "EDITOR");
    expect(swapped.data.updateFunding.funding).toMatchObject({ ecosystem: null, recipient: { id: actors[1] }, date: "2025-03-01", amountEuros: 30000 });
  });

  it("never leaves a funding going nowhere when its only recipient, an actor, is deleted", async () => {
    const actor = await api.gql(`mutation ($input: CreateActorInput!) { createActor(input: $input) { ... on CreateActorSuccess { actor { id } } } }`, {
      input: { name: "Bénéficiaire unique", kind: "COMPANY", territories: [territory] },
    });
    const recipient = actor.data.createActor.actor.id;
    await create({ ...valid(), ecosystem: null, recipient });
    await api.gql(`mutation ($id: ID!) { deleteActor(id: $id) { __typename } }`, { id: recipient }, "ADMIN");
    // Refusing the deletion, or deleting the funding with the actor, both keep the rule; an orphan does not.
    expect(await api.db.prisma.funding.count({ where: { ecosystemId: null, recipientActorId: null } })).toBe(0);
  });
});

describe("funding mutations refuse bad input and change nothing", () => {
  it.each([
    ["an amount of 0", { amountEuros: 0 }, ["input", "amountEuros"]],
    ["a negative amount", { amountEuros: -5 }, ["input", "amountEuros"]],
    ["an amount over a billion euros", { amountEuros: 1_000_000_001 }, ["input", "amountEuros"]],
    ["neither an ecosystem nor a recipient", { ecosystem: undefined, recipient: undefined }, ["input", "ecosystem"]],
    ["a null ecosystem and a null recipient", { ecosystem: null, recipient: null }, ["input", "ecosystem"]],
    ["a date before 1900", { date: "1789-07-14" }, ["input", "date"]],
    ["a date after 2100", { date: "2101-01-01" }, ["input", "date"]],
  ] as [string, Record<string, unknown>, string[]][])("on create: %s", async (_label, change, path) => {
    const payload = await expectRejected(CREATE, { input: { ...valid(), ...change } }, "InputValidationError");
    expect(payload.code).toBe("input/invalid");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it.each([
    ["a null fund", { fund: null }, ["input", "fund"]],
    ["a null amount", { amountEuros: null }, ["input", "amountEuros"]],
    ["a null date", { date: null }, ["input", "date"]],
    ["an amount of 0", { amountEuros: 0 }, ["input", "amountEuros"]],
    ["both links cleared at once", { ecosystem: null, recipient: null }, ["input", "ecosystem"]],
  ] as [string, Record<string, unknown>, string[]][])("on update: %s", async (_label, input, path) => {
    const [seeded] = (await list()).nodes;
    const payload = await expectRejected(UPDATE, { id: seeded!.id, input }, "InputValidationError");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("refuses to clear the only link a funding has, naming that link", async () => {
    const toEcosystem = await create({ ...valid(), recipient: null });
    const clearedEcosystem = await expectRejected(UPDATE, { id: toEcosystem.id, input: { ecosystem: null } }, "InvalidInputError");
    expect(clearedEcosystem).toMatchObject({ code: "input/invalid", path: ["input", "ecosystem"] });
    const toActor = await create({ ...valid(), ecosystem: null });
    const clearedRecipient = await expectRejected(UPDATE, { id: toActor.id, input: { recipient: null } }, "InvalidInputError");
    expect(clearedRecipient).toMatchObject({ code: "input/invalid", path: ["input", "recipient"] });
  });

  it("answers an unknown ecosystem or recipient with NotFoundError naming it, on create and on update", async () => {
    const [seeded] = (await list()).nodes;
    for (const [field, ghost] of [
      ["ecosystem", globalId("Ecosystem", 999999)],
      ["recipient", globalId("Actor", 999999)],
    ] as const) {
      expect((await expectRejected(CREATE, { input: { ...valid(), [field]: ghost } }, "NotFoundError")).message).toContain(ghost);
      expect((await expectRejected(UPDATE, { id: seeded!.id, input: { [field]: ghost } }, "NotFoundError")).message).toContain(ghost);
    }
  });
});
