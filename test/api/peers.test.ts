import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ecosystemMaturity } from "../../graph/ecosystem/maturity.js";
import type { NetworkSnapshot } from "../../graph/snapshot.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
let snapshot: NetworkSnapshot;
beforeAll(async () => {
  api = await startTestApi();
  snapshot = await api.graph.snapshot();
});
afterAll(() => api?.close());

const WITH_PEERS = `fragment withPeers on Actor {
  id profile kind
  peers(first: $first, language: EN) {
    actor { id name profile kind isCatalyst territories { name } }
    ecosystem { id }
    score level
    components { key value weight contribution }
    reasons { code text fr: text(language: FR) }
    computedOn { graphVersion }
  }
}`;

/** The first eight actors, and the actors named, each with its peers. */
function peersQuery(named: number): string {
  const variables = Array.from({ length: named }, (_, i) => `, $id${i}: ID!`).join("");
  const aliases = Array.from({ length: named }, (_, i) => `a${i}: node(id: $id${i}) { ... on Actor { ...withPeers } }`).join("\n");
  return `query ($first: Int${variables}) {\nactors(first: 8) { nodes { ...withPeers } }\n${aliases}\n}\n${WITH_PEERS}`;
}

const nodeOf = (globalId: string) => snapshot.indexOfActor.get(Number(decodeGlobalID(globalId).id))!;
const levelOf = (ecosystemId: number) => (ecosystemId < 0 ? null : ecosystemMaturity(snapshot, ecosystemId).level);

/** Actors with a practice self-assessment: the ones practice reasons can be given for. */
function assessedActors(count: number): string[] {
  const ids: string[] = [];
  for (let v = 0; v < snapshot.graph.nodeCount && ids.length < count; v += 1) {
    if (!Number.isNaN(snapshot.practiceMean[v]!) && snapshot.ecosystem[v]! >= 0) ids.push(encodeGlobalID("Actor", String(snapshot.actorIds[v])));
  }
  return ids;
}

async function peersOf(ids: string[], first?: number) {
  const variables: Record<string, unknown> = { first, ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) };
  const result = await api.gql(peersQuery(ids.length), variables);
  expect(result.errors).toBeUndefined();
  const { actors, ...named } = result.data;
  return { actors: [...actors.nodes, ...Object.values(named)] as any[], statements: result.extensions?.sqlStatements ?? 0 };
}

describe("Actor.peers", () => {
  it("ranks actors of other ecosystems only, best first, with components adding up to the score", async () => {
    const { actors } = await peersOf(assessedActors(4));
    for (const actor of actors) {
      const own = snapshot.ecosystem[nodeOf(actor.id)]!;
      expect(actor.peers).toHaveLength(10);
      for (const [i, peer] of actor.peers.entries()) {
        const ecosystem = snapshot.ecosystem[nodeOf(peer.actor.id)]!;
        expect(ecosystem).toBeGreaterThanOrEqual(0);
        expect(ecosystem).not.toBe(own);
        expect(peer.ecosystem.id).toBe(encodeGlobalID("Ecosystem", String(ecosystem)));
        expect(peer.level).toBe(levelOf(ecosystem));
        expect(peer.components.reduce((sum: number, c: { contribution: number }) => sum + c.contribution, 0)).toBeCloseTo(peer.score, 12);
        expect(peer.computedOn.graphVersion).toBe(String(api.graph.version()));
        const next = actor.peers[i + 1];
        if (next) {
          expect(peer.score).toBeGreaterThanOrEqual(next.score);
          if (peer.score === next.score) expect(nodeOf(peer.actor.id)).toBeLessThan(nodeOf(next.actor.id));
        }
      }
    }
  });

  it("gives reasons that agree with the record: profile, kind, catalyst role and maturity levels", async () => {
    const { actors } = await peersOf(assessedActors(4));
    const codes = new Set<string>();
    for (const actor of actors) {
      const own = snapshot.ecosystem[nodeOf(actor.id)]!;
      for (const peer of actor.peers) {
        const reasons: string[] = peer.reasons.map((r: { code: string }) => r.code);
        reasons.forEach((code) => codes.add(code));
        expect(reasons.includes("SAME_PROFILE")).toBe(peer.actor.profile === actor.profile);
        expect(reasons.includes("SAME_KIND")).toBe(peer.actor.kind === actor.kind);
        expect(reasons.includes("CATALYST")).toBe(peer.actor.isCatalyst);
        const ownLevel = levelOf(own);
        expect(reasons.includes("SAME_MATURITY_LEVEL")).toBe(ownLevel !== null && peer.level === ownLevel);
        expect(reasons.includes("NEXT_MATURITY_LEVEL")).toBe(ownLevel !== null && peer.level === ownLevel + 1);
        const value = (key: string) => peer.components.find((c: { key: string }) => c.key === key).value;
        expect(value("sameProfile")).toBe(peer.actor.profile === actor.profile ? 1 : 0);
        if (reasons.includes("SIMILAR_PRACTICES")) expect(value("similarPractices")).toBeGreaterThanOrEqual(0.9);
        if (reasons.includes("COMPLEMENTARY_PRACTICES")) expect(value("complementaryPractices")).toBeGreaterThanOrEqual(0.25);
        for (const reason of peer.reasons) expect(reason.text).not.toBe(reason.fr);
      }
    }
    // Over these twelve actors, every kind of reason shows up at least once.
    expect([...codes].sort()).toEqual([
      "CATALYST",
      "COMPLEMENTARY_PRACTICES",
      "NEXT_MATURITY_LEVEL",
      "SAME_KIND",
      "SAME_MATURITY_LEVEL",
      "SAME_PROFILE",
      "SIMILAR_PRACTICES",
    ]);
    const sameProfile = actors
      .flatMap((a) => a.peers)
      .flatMap((p) => p.reasons)
      .find((r: { code: string }) => r.code === "SAME_PROFILE");
    expect(sameProfile.text).toMatch(/^Same profile: /);
    expect(sameProfile.fr).toMatch(/^Même profil : /);
  });

  it("returns as many peers as asked, up to 50, and refuses more", async () => {
    const [id] = assessedActors(1);
    const three = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Actor { peers(first: 3) { score } } } }`, { id });
    expect(three.data.node.peers).toHaveLength(3);
    const fifty = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Actor { peers(first: 50) { score } } } }`, { id });
    expect(fifty.data.node.peers).toHaveLength(50);
    expect(fifty.data.node.peers.slice(0, 3)).toEqual(three.data.node.peers);
    for (const first of [0, 51]) {
      const refused = await api.gql(`query ($id: ID!, $first: Int) { node(id: $id) { ... on Actor { peers(first: $first) { score } } } }`, { id, first });
      expect(refused.errors?.[0]?.message).toMatch(/first/);
    }
  });

  it("loads the peers' actors and ecosystems in one statement each, however many peers", async () => {
    // Actors by id only, loaded in one batch: actors reached through two kinds of root field
    // resolve whenever each field's own statement returns, so DataLoader may batch their peers
    // once or twice; that is timing, not N+1.
    const ids = assessedActors(10);
    const variables = ids.map((_, i) => `, $id${i}: ID!`).join("");
    const aliases = ids.map((_, i) => `a${i}: node(id: $id${i}) { ... on Actor { ...withPeers } }`).join("\n");
    const query = `query ($first: Int${variables}) {\n${aliases}\n}\n${WITH_PEERS}`;
    const peersOfAll = async (first: number) => {
      const result = await api.gql(query, { first, ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) });
      expect(result.errors).toBeUndefined();
      return { peers: Object.values(result.data).flatMap((a: any) => a.peers), statements: result.extensions?.sqlStatements ?? 0 };
    };
    const few = await peersOfAll(1);
    const many = await peersOfAll(20);
    expect(few.peers).toHaveLength(10);
    expect(many.peers).toHaveLength(10 * 20);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(5);
  });

  it("is computed once per version of the network, not once per request", async () => {
    const ids = assessedActors(3);
    await peersOf(ids);
    let computations = 0;
    const cached = api.graph.cached.bind(api.graph);
    api.graph.cached = ((key: string, compute: any, options?: any) =>
      cached(
        key,
        (snapshot) => {
          computations += 1;
          return compute(snapshot);
        },
        options,
      )) as typeof api.graph.cached;
    await peersOf(ids);
    api.graph.cached = cached;
    expect(computations).toBe(0);
  });
});
