import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
let ecosystemId: string;
beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystem(territoryCode: "200071363") { id } }`);
  ecosystemId = result.data.ecosystem.id;
});
afterAll(() => api?.close());

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Every analytics field of one ecosystem, as of `$asOf` (or now when null). */
const ANALYTICS = `query ($id: ID!, $asOf: Date) {
  node(id: $id) {
    ... on Ecosystem {
      maturity(asOf: $asOf) { level composite growthStage components { key value score } computedOn { asOf graphVersion } }
      network(asOf: $asOf) { nodes { id degree betweenness bridgeScore } ties { source target strength value kinds } stats { ties density components } computedOn { asOf } }
      interactionValue(asOf: $asOf) { ties total mean }
      actors(first: 3) { nodes { id metrics(asOf: $asOf) { degree bridgeScore computedOn { asOf } } interactionValue(asOf: $asOf) { ties total } peers(first: 3, asOf: $asOf) { score actor { id } } } }
    }
  }
  bridgeActors(scope: { ecosystem: $id }, first: 5, asOf: $asOf) { rank score actor { id } }
  networkStats(scope: { ecosystem: $id }, asOf: $asOf) { nodes ties density components computedOn { asOf } }
}`;

async function analytics(asOf: string | null) {
  const result = await api.gql(ANALYTICS, { id: ecosystemId, asOf });
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe("asOf on the analytics fields", () => {
  it("answers as of today exactly what it answers with no asOf", async () => {
    const [now, asOfToday] = [await analytics(null), await analytics(today())];
    expect(asOfToday).toEqual(now);
    // The demo's record ends before today: "today" is the current network, dated by its last event.
    expect(now.node.maturity.computedOn.asOf <= today()).toBe(true);
  });

  it("leaves out an alliance's ties before its start and counts them from its first day", async () => {
    const before = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Ecosystem { network { nodes { id } ties { source target } } } } }`, {
      id: ecosystemId,
    });
    const nodes: string[] = before.data.node.network.nodes.map((n: { id: string }) => n.id);
    const tied = new Set(before.data.node.network.ties.map((t: { source: string; target: string }) => `${t.source} ${t.target}`));
    const untied = (a: string, b: string) => !tied.has(`${a} ${b}`) && !tied.has(`${b} ${a}`);
    const [a, b] = nodes.flatMap((x, i) =>
      nodes
        .slice(i + 1)
        .filter((y) => untied(x, y))
        .map((y) => [x, y]),
    )[0]!;
    const created = await api.gql(
      `mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) { ... on CreateAllianceSuccess { alliance { id } } ... on Error { code message } } }`,
      { input: { name: "Alliance datée", startDate: "2025-03-01", members: [{ actor: a }, { actor: b }] } },
      "EDITOR",
    );
    expect(created.data.createAlliance.alliance.id).toBeTruthy();

    const TIE = `query ($id: ID!, $asOf: Date, $a: ID!, $b: ID!) {
      node(id: $id) { ... on Ecosystem { network(asOf: $asOf) { ties { source target kinds } } } }
      paths(from: $a, to: $b, confirmedOnly: false, maxLength: 1, asOf: $asOf) { paths { steps } computedOn { asOf } }
    }`;
    const tieBetween = async (asOf: string | null) => {
      const result = await api.gql(TIE, { id: ecosystemId, asOf, a, b });
      expect(result.errors).toBeUndefined();
      const ties = result.data.node.network.ties.filter((t: { source: string; target: string }) => [t.source, t.target].sort().join() === [a, b].sort().join());
      return { ties, paths: result.data.paths.paths.length, asOf: result.data.paths.computedOn.asOf };
    };
    expect(await tieBetween("2025-02-28")).toEqual({ ties: [], paths: 0, asOf: "2025-02-28" });
    expect(await tieBetween("2025-03-01")).toEqual({
      ties: [{ source: expect.any(String), target: expect.any(String), kinds: ["ALLIANCE"] }],
      paths: 1,
      asOf: "2025-03-01",
    });
    expect((await tieBetween(null)).ties).toHaveLength(1);
  });

  it("gives an empty network before the programme, with a level 1 maturity that says nothing was measured", async () => {
    const past = await analytics("1950-01-01");
    const { maturity, network, interactionValue } = past.node;
    expect(network.ties).toEqual([]);
    expect(network.stats).toMatchObject({ ties: 0, components: network.nodes.length });
    expect(network.nodes.every((n: { degree: number; bridgeScore: number }) => n.degree === 0 && n.bridgeScore === 0)).toBe(true);
    expect(network.computedOn.asOf).toBe("1950-01-01");
    expect(maturity).toMatchObject({ level: 1, growthStage: "SCATTERED_FRAGMENTS", computedOn: { asOf: "1950-01-01" } });
    expect(Number.isFinite(maturity.composite)).toBe(true);
    for (const key of ["crossProfileTies", "modalityDepth", "leversMobilised", "practices"]) {
      expect(maturity.components.find((c: { key: string }) => c.key === key)).toMatchObject({ value: null, score: 0 });
    }
    expect(interactionValue).toEqual({ ties: 0, total: 0, mean: 0 });
    expect(past.bridgeActors.every((b: { score: number }) => b.score === 0)).toBe(true);
    expect(past.networkStats).toMatchObject({ ties: 0, computedOn: { asOf: "1950-01-01" } });
    for (const actor of past.node.actors.nodes) expect(actor.metrics).toMatchObject({ degree: 0, bridgeScore: 0, computedOn: { asOf: "1950-01-01" } });
  });

  it("sees a younger network on an earlier day", async () => {
    const LEVELS = `query ($asOf: Date) { ecosystems(first: 100) { nodes { maturity(asOf: $asOf) { composite } network(asOf: $asOf) { stats { ties } } } } }`;
    const mean = (data: any, pick: (n: any) => number) => data.ecosystems.nodes.reduce((s: number, n: any) => s + pick(n), 0) / data.ecosystems.nodes.length;
    const [early, now] = [(await api.gql(LEVELS, { asOf: "2020-06-30" })).data, (await api.gql(LEVELS, { asOf: null })).data];
    expect(mean(early, (n) => n.network.stats.ties)).toBeLessThan(mean(now, (n) => n.network.stats.ties));
    expect(mean(early, (n) => n.maturity.composite)).toBeLessThan(mean(now, (n) => n.maturity.composite));
  });

  it("refuses a day before 1900 or after today with a typed error, on every kind of field", async () => {
    for (const asOf of ["1899-12-31", tomorrow()]) {
      for (const query of [
        `query ($asOf: Date) { ecosystems(first: 2) { nodes { maturity(asOf: $asOf) { level } } } }`,
        `query ($asOf: Date) { ecosystems(first: 1) { nodes { network(asOf: $asOf) { stats { ties } } } } }`,
        `query ($asOf: Date) { networkStats(asOf: $asOf) { ties } }`,
      ]) {
        const result = await api.gql(query, { asOf });
        expect(result.errors?.[0]).toMatchObject({
          extensions: { code: "input/invalid" },
          message: expect.stringMatching(/asOf must not be (before 1900|after today)/),
        });
      }
    }
  });
});

describe("time travel and the caches", () => {
  /** Counts the engine's computations (not cache hits) and the "maturity" lookups while `run` runs. */
  async function counting(run: () => Promise<unknown>) {
    const cached = api.graph.cached.bind(api.graph);
    const seen = { computations: 0, maturityCalls: [] as (string | null)[] };
    api.graph.cached = ((key: string, compute: any, options?: any) => {
      if (key === "maturity") seen.maturityCalls.push(options?.asOf?.toISOString().slice(0, 10) ?? null);
      return cached(
        key,
        (snapshot) => {
          seen.computations += 1;
          return compute(snapshot);
        },
        options,
      );
    }) as typeof api.graph.cached;
    try {
      await run();
    } finally {
      api.graph.cached = cached;
    }
    return seen;
  }

  const MATURITIES = `{ ecosystems(first: 100) { nodes { a: maturity(asOf: "2024-01-01") { composite } b: maturity(asOf: "2022-01-01") { composite } c: maturity { composite } } } }`;

  it("batches maturity per day: one lookup per day for 81 ecosystems, never a day's answer for another", async () => {
    let data: any;
    const seen = await counting(async () => {
      const result = await api.gql(MATURITIES);
      expect(result.errors).toBeUndefined();
      data = result.data;
    });
    expect(seen.maturityCalls.sort()).toEqual(["2022-01-01", "2024-01-01", null].sort());
    const nodes = data.ecosystems.nodes;
    expect(nodes).toHaveLength(81);
    expect(nodes.some((n: any) => n.a.composite !== n.b.composite)).toBe(true);
  });

  it("caches each day's results: asking again computes nothing, a new day computes", async () => {
    expect((await counting(() => api.gql(MATURITIES))).computations).toBe(0);
    const again = await counting(() => analytics("2023-05-01"));
    expect(again.computations).toBeGreaterThan(0);
    expect((await counting(() => analytics("2023-05-01"))).computations).toBe(0);
  });
});
