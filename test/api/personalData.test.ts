import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CONTACTS = `{ actors(first: 20, filter: { isCatalyst: true }) { nodes { name contacts { name email } } } }`;

describe("personal data", () => {
  it.each(["ANONYMOUS", "RESEARCHER"] as const)("is refused to %s, field by field, with the code auth/forbidden", async (role) => {
    const result = await api.gql(CONTACTS, {}, role);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("auth/forbidden");
    expect(JSON.stringify(result)).not.toContain("@example.org");
  });

  it("is visible to editors", async () => {
    const result = await api.gql(CONTACTS, {}, "EDITOR");
    const contacts = result.data.actors.nodes.flatMap((a: { contacts: unknown[] }) => a.contacts);
    expect(contacts.length).toBeGreaterThan(0);
  });

  it("is not reachable from any other type of the schema", async () => {
    const result = await api.gql(
      `{ __type(name: "Person") { name } __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`,
    );
    const reaching = result.data.__schema.types.flatMap((type: any) =>
      (type.fields ?? []).filter((field: any) => JSON.stringify(field.type).includes('"Person"')).map((field: any) => `${type.name}.${field.name}`),
    );
    expect(reaching).toEqual(["Actor.contacts"]);
  });
});
