import { expect } from "vitest";
import type { Role } from "../../record/generated/prisma/enums.js";
import { recordFingerprint } from "./recordFingerprint.js";
import type { TestApi } from "./testApi.js";

/**
 * Runs a mutation that must fail with the given typed error, and checks that it wrote nothing
 * at all: every table's rows digest the same before and after. Returns the error payload.
 */
export async function expectRejected(
  api: TestApi,
  query: string,
  variables: Record<string, unknown>,
  typename: string,
  as: Role | "ANONYMOUS" = "EDITOR",
): Promise<any> {
  const before = await recordFingerprint(api.db);
  const result = await api.gql(query, variables, as);
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data as Record<string, { __typename: string }>)[0]!;
  expect(payload.__typename).toBe(typename);
  expect(await recordFingerprint(api.db)).toEqual(before);
  return payload;
}

export const globalId = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString("base64");

/** The record id inside a global id. */
export const recordNumber = (id: string) => Number(Buffer.from(id, "base64").toString().split(":")[1]);

/** The order every dated list is served in: by date, ties broken by record id. */
export const byDateThenId = (a: { id: string; date: string }, b: { id: string; date: string }) =>
  a.date.localeCompare(b.date) || recordNumber(a.id) - recordNumber(b.id);
