import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { expectRejected as rejected, globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
let territory: string;
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystems(first: 1) { nodes { territory { id } } } }`);
  territory = result.data.ecosystems.nodes[0].territory.id;
});
afterAll(() => api?.close());

const CREATE = `mutation ($input: CreateActorInput!) {
  createActor(input: $input) {
    __typename
    ... on CreateActorSuccess { actor { id name profile kind isCatalyst siren source territories { id } } }
    ... on Error { message code }
    ... on InputValidationError { issues { path message } }
  }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateActorInput!) {
  updateActor(id: $id, input: $input) {
    __typename
    ... on UpdateActorSuccess { actor { id name kind profile website siren siret } }
    ... on Error { message code }
    ... on InputValidationError { issues { path message } }
  }
}`;
const DELETE = `mutation ($id: ID!) { deleteActor(id: $id) { __typename ... on DeleteActorSuccess { deletedId } ... on Error { message code } } }`;

const expectRejected = (query: string, variables: Record<string, unknown>, typename: string, as?: Role | "ANONYMOUS") =>
  rejected(api, query, variables, typename, as);

describe("actor mutations", () => {
  it("creates an actor, derives its profile from its kind and records the change in the outbox", async () => {
    const outboxBefore = await api.db.prisma.outboxEvent.count();
    const result = await api.gql(
      CREATE,
      { input: { name: "  Coopérative Test ", kind: "SIAE", isCatalyst: true, territories: [territory], siren: "552100554" } },
      "EDITOR",
    );
    expect(result.data.createActor).toMatchObject({
      __typename: "CreateActorSuccess",
      actor: {
        name: "Coopérative Test",
        profile: "ECONOMIC",
        kind: "SIAE",
        isCatalyst: true,
        siren: "552100554",
        source: "api",
        territories: [{ id: territory }],
      },
    });
    const events = await api.db.prisma.outboxEvent.findMany({ where: { aggregate: "ACTOR" }, orderBy: { position: "desc" }, take: 1 });
    expect(await api.db.prisma.outboxEvent.count()).toBe(outboxBefore + 1);
    expect(events[0]).toMatchObject({ operation: "CREATED", payload: { name: "Coopérative Test", profile: "ECONOMIC" } });
  });

  it("updates only the fields given, and keeps the profile in step with the kind", async () => {
    const created = await api.gql(CREATE, { input: { name: "Association Avant", kind: "ASSOCIATION", territories: [territory] } }, "EDITOR");
    const id = created.data.createActor.actor.id;
    const updated = await api.gql(UPDATE, { id, input: { kind: "FOUNDATION", website: "https://exemple.org" } }, "EDITOR");
    expect(updated.data.updateActor).toMatchObject({
      actor: { name: "Association Avant", kind: "FOUNDATION", profile: "GENERAL_INTEREST", website: "https://exemple.org" },
    });
    const cleared = await api.gql(UPDATE, { id, input: { website: null } }, "EDITOR");
    expect(cleared.data.updateActor.actor.website).toBeNull();
  });

  it("deletes an actor for an admin, and refuses when an alliance would fall below two members", async () => {
    const created = await api.gql(CREATE, { input: { name: "Éphémère", kind: "COMPANY", territories: [territory] } }, "EDITOR");
    const id = created.data.createActor.actor.id;
    await expectRejected(DELETE, { id }, "ForbiddenError", "EDITOR");
    const deleted = await api.gql(DELETE, { id }, "ADMIN");
    expect(deleted.data.deleteActor).toEqual({ __typename: "DeleteActorSuccess", deletedId: id });
    await expectRejected(DELETE, { id }, "NotFoundError", "ADMIN");

    const twoMember = await api.db.prisma.$queryRaw<{ actorId: number }[]>`
      SELECT "actorId" FROM "AllianceMember" WHERE "allianceId" IN (SELECT "allianceId" FROM "AllianceMember" GROUP BY 1 HAVING count(*) = 2) LIMIT 1`;
    expect(twoMember).toHaveLength(1);
    const member = globalId("Actor", twoMember[0]!.actorId);
    const refused = await expectRejected(DELETE, { id: member }, "ConflictError", "ADMIN");
    expect(refused.code).toBe("record/conflict");
  });
});

describe("actor mutations refuse bad input and change nothing", () => {
  it.each([
    ["an empty name", { name: "   ", kind: "COMPANY" }, ["input", "name"]],
    ["no territory", { name: "X", kind: "COMPANY", territories: [] }, ["input", "territories"]],
    ["a profile that contradicts the kind", { name: "X", kind: "COMPANY", profile: "PUBLIC" }, ["input", "profile"]],
    ["a malformed SIREN", { name: "X", kind: "COMPANY", siren: "12AB" }, ["input", "siren"]],
    ["a SIRET that does not extend the SIREN", { name: "X", kind: "COMPANY", siren: "552100554", siret: "12345678901234" }, ["input", "siret"]],
    ["a website that is not http(s)", { name: "X", kind: "COMPANY", website: "javascript:alert(1)" }, ["input", "website"]],
    ["a 10,000-character name", { name: "x".repeat(10_000), kind: "COMPANY" }, ["input", "name"]],
  ])("%s", async (_label, input, path) => {
    const payload = await expectRejected(CREATE, { input: { territories: [territory], ...input } }, "InputValidationError");
    expect(payload.code).toBe("input/invalid");
    expect(payload.issues.map((i: { path: string[] }) => i.path)).toContainEqual(path);
  });

  it("answers an unknown territory with NotFoundError naming it", async () => {
    const ghost = globalId("Territory", 999999);
    const payload = await expectRejected(CREATE, { input: { name: "X", kind: "COMPANY", territories: [territory, ghost] } }, "NotFoundError");
    expect(payload.message).toContain(ghost);
  });

  it("answers a duplicate SIREN with ConflictError", async () => {
    await api.gql(CREATE, { input: { name: "Premier", kind: "COMPANY", territories: [territory], siren: "732829320" } }, "EDITOR");
    const conflict = await expectRejected(
      CREATE,
      { input: { name: "Second", kind: "COMPANY", territories: [territory], siren: "732829320" } },
      "ConflictError",
    );
    expect(conflict.message).toBe("Another record already has this siren.");
  });

  it("refuses an unknown or revoked token with 401", async () => {
    const response = await api.yoga.fetch("http://maillage.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer mlg_nope" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(401);
  });
});
