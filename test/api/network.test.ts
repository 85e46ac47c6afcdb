import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const NETWORK = `query ($id: ID!, $outside: Boolean, $weights: InteractionValueWeights) {
  node(id: $id) {
    ... on Ecosystem {
      id
      actors(first: 500) { totalCount nodes { id } }
      network(includeOutside: $outside, weights: $weights) {
        nodes { id name profile kind isCatalyst ecosystem inEcosystem community degree betweenness bridgeScore constraint isArticulationPoint }
        ties { source target strength value kinds confirmed crossesProfiles isBridge firstDate lastDate }
        stats { nodes ties components }
        computedOn { graphVersion }
      }
    }
  }
}`;

type Node = { id: string; inEcosystem: boolean; ecosystem: string | null; degree: number | null; community: number | null; bridgeScore: number | null };
type Tie = { source: string; target: string; strength: number; value: number; kinds: string[]; isBridge: boolean | null; firstDate: string; lastDate: string };

async function ecosystemIds(count: number): Promise<string[]> {
  const result = await api.gql(`query ($n: Int) { ecosystems(first: $n) { nodes { id } } }`, { n: count });
  return result.data.ecosystems.nodes.map((e: { id: string }) => e.id);
}

describe("Ecosystem.network", () => {
  it("gives a map every actor of the ecosystem and every tie among them, with their metrics, from the snapshot alone", async () => {
    for (const id of await ecosystemIds(3)) {
      const result = await api.gql(NETWORK, { id });
      expect(result.errors).toBeUndefined();
      const { actors, network } = result.data.node;
      const nodes: Node[] = network.nodes;
      const ties: Tie[] = network.ties;
      expect(nodes).toHaveLength(actors.totalCount);
      expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(actors.nodes.map((a: { id: string }) => a.id)));
      expect(nodes.every((n) => n.inEcosystem && n.ecosystem === id && n.degree !== null && n.bridgeScore !== null)).toBe(true);
      const ids = new Set(nodes.map((n) => n.id));
      expect(ties.every((t) => ids.has(t.source) && ids.has(t.target) && t.source !== t.target)).toBe(true);
      expect(ties).toHaveLength(network.stats.ties);
      expect(network.stats.nodes).toBe(nodes.length);
      const degrees = new Map<string, number>();
      for (const t of ties) for (const end of [t.source, t.target]) degrees.set(end, (degrees.get(end) ?? 0) + 1);
      for (const n of nodes) expect(n.degree).toBe(degrees.get(n.id) ?? 0);
      for (const t of ties) {
        expect(t.kinds.length).toBeGreaterThan(0);
        expect(t.strength).toBeGreaterThan(0);
        expect(t.value).toBeGreaterThan(0);
        expect(typeof t.isBridge).toBe("boolean");
        expect(t.firstDate <= t.lastDate).toBe(true);
      }
      expect(new Set(nodes.map((n) => n.community)).size).toBeGreaterThan(0);
    }
  });

  it("sends no SQL statement for the network: the ecosystem's own lookup is all", async () => {
    const [id] = await ecosystemIds(1);
    const bare = await api.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id });
    const withNetwork = await api.gql(
      `query ($id: ID!) { node(id: $id) { id ... on Ecosystem { network(includeOutside: true) { nodes { id name profile kind ecosystem } ties { source target value kinds } stats { nodes } } } } }`,
      { id },
    );
    expect(withNetwork.errors).toBeUndefined();
    expect(withNetwork.data.node.network.nodes.length).toBeGreaterThan(10);
    expect(withNetwork.extensions?.sqlStatements).toBe(bare.extensions?.sqlStatements);
  });

  it("adds, on request, the actors of other territories tied to the ecosystem, without metrics, and only the ties that reach them", async () => {
    const [id] = await ecosystemIds(1);
    const inside = (await api.gql(NETWORK, { id })).data.node.network;
    const result = await api.gql(NETWORK, { id, outside: true });
    expect(result.errors).toBeUndefined();
    const { nodes, ties } = result.data.node.network as { nodes: Node[]; ties: Tie[] };
    const outside = nodes.filter((n) => !n.inEcosystem);
    expect(outside.length).toBeGreaterThan(0);
    expect(nodes.slice(0, inside.nodes.length)).toEqual(inside.nodes);
    expect(outside.every((n) => n.ecosystem !== id && n.degree === null && n.bridgeScore === null && n.community === null)).toBe(true);
    const insideIds = new Set(inside.nodes.map((n: Node) => n.id));
    const all = new Set(nodes.map((n) => n.id));
    const leaving = ties.slice(inside.ties.length);
    expect(leaving.length).toBeGreaterThanOrEqual(outside.length);
    for (const t of ties) expect(all.has(t.source) && all.has(t.target)).toBe(true);
    for (const t of leaving) {
      expect(insideIds.has(t.source) !== insideIds.has(t.target)).toBe(true);
      expect(t.isBridge).toBeNull();
    }
  });

  it("values ties with the weights given", async () => {
    const [id] = await ecosystemIds(1);
    const zeros = { frequency: 1, duration: 0, recency: 0, multiplexity: 0, reciprocity: 0, depth: 0, levers: 0, resources: 0, crossProfile: 0, structural: 0 };
    const byDefault = (await api.gql(NETWORK, { id })).data.node.network.ties as Tie[];
    const frequencyOnly = (await api.gql(NETWORK, { id, weights: zeros })).data.node.network.ties as Tie[];
    expect(frequencyOnly.map((t) => t.strength)).toEqual(byDefault.map((t) => t.strength));
    expect(frequencyOnly.map((t) => t.value)).not.toEqual(byDefault.map((t) => t.value));
    for (const t of frequencyOnly) expect(t.value).toBeLessThan(1);
  });

  it("is served from the cache on a second request: same version, nothing recomputed", async () => {
    const ids = await ecosystemIds(2);
    const id = ids[1]!;
    const first = await api.gql(NETWORK, { id, outside: true });
    let computations = 0;
    const cached = api.graph.cached.bind(api.graph);
    api.graph.cached = ((key: string, compute: any, options?: any) =>
      cached(key, (snapshot) => (computations++, compute(snapshot)), options)) as typeof api.graph.cached;
    const second = await api.gql(NETWORK, { id, outside: true });
    api.graph.cached = cached;
    expect(second.data).toEqual(first.data);
    expect(second.data.node.network.computedOn).toEqual(first.data.node.network.computedOn);
    expect(computations).toBe(0);
  });
});
