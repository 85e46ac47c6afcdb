import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const LOG = `{ auditLog(first: 10) { totalCount nodes { operation recordType record role changes at } } }`;

describe("the audit log", () => {
  it("records every write with who, which record and what was asked, newest first", async () => {
    const territory = (await api.gql(`{ ecosystems(first: 1) { nodes { territory { id } } } }`)).data.ecosystems.nodes[0].territory.id;
    const created = await api.gql(
      `mutation ($i: CreateActorInput!) { createActor(input: $i) { ... on CreateActorSuccess { actor { id } } } }`,
      {
        i: { name: "Audité", kind: "COMPANY", territories: [territory] },
      },
      "EDITOR",
    );
    const id = created.data.createActor.actor.id;
    await api.gql(`mutation ($id: ID!) { deleteActor(id: $id) { __typename } }`, { id }, "ADMIN");
    const log = (await api.gql(LOG, {}, "ADMIN")).data.auditLog;
    expect(log.totalCount).toBe(2);
    expect(log.nodes.map((e: any) => [e.operation, e.record, e.role])).toEqual([
      ["deleteActor", id, "ADMIN"],
      ["createActor", id, "EDITOR"],
    ]);
    expect(JSON.parse(log.nodes[1].changes)).toMatchObject({ name: "Audité", kind: "COMPANY" });
  });

  it("writes nothing for a refused write", async () => {
    const before = (await api.gql(LOG, {}, "ADMIN")).data.auditLog.totalCount;
    await api.gql(`mutation { createActor(input: { name: "", kind: COMPANY, territories: [] }) { __typename } }`, {}, "EDITOR");
    expect((await api.gql(LOG, {}, "ADMIN")).data.auditLog.totalCount).toBe(before);
  });

  it("is for admins only", async () => {
    for (const role of ["ANONYMOUS", "RESEARCHER", "EDITOR"] as const) {
      const result = await api.gql(LOG, {}, role);
      expect(result.errors?.[0]?.extensions?.code).toBe("auth/forbidden");
    }
  });
});
