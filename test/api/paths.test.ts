import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { introductionPaths } from "../../graph/ecosystem/introductionPaths.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
let snapshot: NetworkSnapshot;
beforeAll(async () => {
  api = await startTestApi();
  snapshot = await api.graph.snapshot();
});
afterAll(() => api?.close());

const PATHS = `query ($from: ID!, $to: ID!, $confirmedOnly: Boolean, $maxLength: Int) {
  paths(from: $from, to: $to, confirmedOnly: $confirmedOnly, maxLength: $maxLength) {
    paths { steps actors { id name } ties { confirmed strength } }
    computedOn { graphVersion }
  }
}`;

const globalId = (v: number) => encodeGlobalID("Actor", String(snapshot.actorIds[v]));

/**
 * Two actors of the same ecosystem whose confirmed introduction paths have `steps` ties, and
 * whose paths through any tie are `shorter` ties long (found on the snapshot; the API is then
 * checked against the record).
 */
function pairOf(steps: number, shorter: number = steps): [string, string] {
  for (let a = 0; a < snapshot.graph.nodeCount; a += 1) {
    for (let b = a + 1; b < snapshot.graph.nodeCount; b += 1) {
      if (snapshot.ecosystem[a] !== snapshot.ecosystem[b] || snapshot.ecosystem[a]! < 0) continue;
      const confirmed = introductionPaths(snapshot, a, b);
      if (confirmed[0]?.ties.length !== steps) continue;
      if (introductionPaths(snapshot, a, b, { confirmedOnly: false })[0]!.ties.length === shorter) return [globalId(a), globalId(b)];
    }
  }
  throw new Error(`no pair at ${steps} confirmed steps and ${shorter} steps`);
}

/** Pairs of actors with a confirmed alliance together, from the alliances API. */
async function confirmedPartners(actorId: string): Promise<Set<string>> {
  const result = await api.gql(`query ($m: ID!) { alliances(filter: { member: $m }, first: 500) { nodes { members { confirmedAt actor { id } } } } }`, {
    m: actorId,
  });
  expect(result.errors).toBeUndefined();
  const partners = new Set<string>();
  for (const alliance of result.data.alliances.nodes) {
    const confirmed = alliance.members.filter((m: { confirmedAt: string | null }) => m.confirmedAt !== null).map((m: { actor: { id: string } }) => m.actor.id);
    if (confirmed.includes(actorId)) confirmed.forEach((id: string) => partners.add(id));
  }
  partners.delete(actorId);
  return partners;
}

describe("Query.paths", () => {
  it("finds the shortest paths between two actors of one ecosystem through ties confirmed in the record", async () => {
    const [from, to] = pairOf(3);
    const result = await api.gql(PATHS, { from, to });
    expect(result.errors).toBeUndefined();
    const { paths, computedOn } = result.data.paths;
    expect(computedOn.graphVersion).toBe(String(api.graph.version()));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(10);
    expect(new Set(paths.map((p: any) => p.actors.map((a: any) => a.id).join())).size).toBe(paths.length);
    for (const path of paths) {
      expect(path.steps).toBe(3);
      expect(path.ties).toHaveLength(3);
      expect(path.actors).toHaveLength(4);
      expect(path.actors[0].id).toBe(from);
      expect(path.actors.at(-1).id).toBe(to);
      expect(path.ties.every((t: { confirmed: boolean; strength: number }) => t.confirmed && t.strength > 0)).toBe(true);
    }
    const [first] = paths;
    for (let i = 0; i < first.actors.length - 1; i += 1) {
      expect(await confirmedPartners(first.actors[i].id)).toContain(first.actors[i + 1].id);
    }
  });

  it("finds paths at least as short through unconfirmed ties, and says which ties are unconfirmed", async () => {
    const [from, to] = pairOf(2, 1);
    const confirmed = await api.gql(PATHS, { from, to });
    const any = await api.gql(PATHS, { from, to, confirmedOnly: false });
    expect(confirmed.data.paths.paths[0].steps).toBe(2);
    expect(any.data.paths.paths).toHaveLength(1);
    const [direct] = any.data.paths.paths;
    expect(direct.steps).toBe(1);
    expect(direct.ties).toEqual([{ confirmed: false, strength: expect.any(Number) }]);
    expect(await confirmedPartners(from)).not.toContain(to);
    const [a, b] = [from, to].map((id) => snapshot.indexOfActor.get(Number(decodeGlobalID(id).id))!) as [number, number];
    const neighbours = snapshot.graph.targets.subarray(snapshot.graph.offsets[a]!, snapshot.graph.offsets[a + 1]!);
    expect([...neighbours]).toContain(b);
  });

  it("returns no path when the actors are further apart than maxLength", async () => {
    const [from, to] = pairOf(2);
    const result = await api.gql(PATHS, { from, to, maxLength: 1 });
    expect(result.errors).toBeUndefined();
    expect(result.data.paths.paths).toEqual([]);
  });

  it("loads every path's actors in one statement", async () => {
    const [from, to] = pairOf(3);
    const result = await api.gql(PATHS, { from, to, maxLength: 4 });
    expect(result.data.paths.paths.length).toBeGreaterThan(0);
    expect(result.extensions?.sqlStatements).toBe(1);
  });

  it("refuses an unknown actor, an id of another type and a maxLength out of 1..4 with clear errors", async () => {
    const [from] = pairOf(2);
    const unknown = await api.gql(PATHS, { from, to: encodeGlobalID("Actor", "999999") });
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Actor .* does not exist/), extensions: { code: "record/not-found" } });
    const wrongType = await api.gql(PATHS, { from, to: encodeGlobalID("Ecosystem", "1") });
    expect(wrongType.errors?.[0]?.message).toMatch(/Actor/);
    for (const maxLength of [0, 5]) {
      const refused = await api.gql(PATHS, { from, to: from, maxLength });
      expect(refused.errors?.[0]?.message).toMatch(/maxLength/);
    }
  });
});
