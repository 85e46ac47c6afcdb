import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const VALUE = `ties total mean breakdown { component weight contribution } computedOn { graphVersion }`;

describe("interaction value", () => {
  it("values an alliance over the ties among its members, its breakdown adding up to its mean", async () => {
    const result = await api.gql(`{ alliances(first: 20) { nodes { members { actor { id } } value { ${VALUE} } } } }`);
    expect(result.errors).toBeUndefined();
    for (const alliance of result.data.alliances.nodes) {
      const n = alliance.members.length;
      expect(alliance.value.ties).toBe((n * (n - 1)) / 2);
      expect(alliance.value.mean).toBeGreaterThan(0);
      expect(alliance.value.mean).toBeLessThanOrEqual(1);
      const sum = alliance.value.breakdown.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(alliance.value.mean, 12);
    }
  });

  it("takes weights as parameters: with frequency alone, the value is the frequency component", async () => {
    const zeros = { frequency: 1, duration: 0, recency: 0, multiplexity: 0, reciprocity: 0, depth: 0, levers: 0, resources: 0, crossProfile: 0, structural: 0 };
    const result = await api.gql(
      `query ($w: InteractionValueWeights) { actors(first: 5, filter: { isCatalyst: true }) { nodes { interactionValue(weights: $w) { ${VALUE} } } } }`,
      { w: zeros },
    );
    for (const actor of result.data.actors.nodes) {
      const frequency = actor.interactionValue.breakdown.find((c: { component: string }) => c.component === "FREQUENCY");
      expect(frequency.weight).toBe(1);
      expect(actor.interactionValue.mean).toBeCloseTo(frequency.contribution, 12);
    }
    const negative = await api.gql(`{ actors(first: 1) { nodes { interactionValue(weights: { recency: -1 }) { mean } } } }`);
    expect(negative.errors?.[0]?.message).toMatch(/negative/);
  });

  it("rolls values up per actor and per ecosystem, and moves when the network changes", async () => {
    const before = await api.gql(
      `{ ecosystems(first: 1) { nodes { id interactionValue { ${VALUE} } actors(first: 2) { nodes { id interactionValue { ties mean } } } } } }`,
    );
    const ecosystem = before.data.ecosystems.nodes[0];
    expect(ecosystem.interactionValue.ties).toBeGreaterThan(0);
    const [a, b] = ecosystem.actors.nodes;
    await api.gql(`mutation ($i: CreateInteractionInput!) { createInteraction(input: $i) { __typename } }`, {
      i: { kind: "JOINT_PROJECT", date: "2026-11-20", participants: [a.id, b.id], intensity: 5 },
    });
    const after = await api.gql(`{ ecosystems(first: 1) { nodes { interactionValue { ${VALUE} } } } }`);
    expect(after.data.ecosystems.nodes[0].interactionValue.computedOn.graphVersion).not.toBe(ecosystem.interactionValue.computedOn.graphVersion);
    expect(after.data.ecosystems.nodes[0].interactionValue.total).not.toBe(ecosystem.interactionValue.total);
  });
});
