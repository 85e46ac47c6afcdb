import { parse as parseCsv } from "csv-parse/sync";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { exportText, parseGexf, parseGraphml, parseXml, sameNumber, tokensFor } from "./support.js";

/**
 * Every format of one ecosystem's territory (Vichy Communauté), read back with an independent
 * parser and held against what the API answers for the same network (`Ecosystem.network`).
 */
const CODE = "200071363";
const SCOPE = `territory:${CODE}`;

const API_NETWORK = `query ($code: String!) {
  ecosystem(territoryCode: $code) {
    actors(first: 500) { totalCount nodes { id memberships { totalCount } } }
    network {
      nodes { id name profile kind isCatalyst ecosystem degree betweenness bridgeScore constraint community isArticulationPoint }
      ties { source target strength value kinds confirmed isBridge firstDate lastDate }
      computedOn { graphVersion asOf }
    }
  }
}`;

type ApiNode = {
  id: string;
  name: string;
  profile: string;
  kind: string;
  isCatalyst: boolean;
  ecosystem: string;
  degree: number;
  betweenness: number;
  bridgeScore: number;
  constraint: number | null;
  community: number;
  isArticulationPoint: boolean;
};
type ApiTie = {
  source: string;
  target: string;
  strength: number;
  value: number;
  kinds: string[];
  confirmed: boolean;
  isBridge: boolean;
  firstDate: string;
  lastDate: string;
};

let api: TestApi;
let token: string;
let nodes: ApiNode[];
let ties: ApiTie[];
let memberships: number;
let computedOn: { graphVersion: string; asOf: string };
const pair = (a: string, b: string) => [a, b].sort().join(" ");
const tieOf = new Map<string, ApiTie>();

beforeAll(async () => {
  api = await startTestApi();
  token = (await tokensFor(api)).RESEARCHER;
  const result = await api.gql(API_NETWORK, { code: CODE });
  expect(result.errors).toBeUndefined();
  const { actors, network } = result.data.ecosystem;
  ({ nodes, ties, computedOn } = network);
  expect(nodes).toHaveLength(actors.totalCount);
  memberships = actors.nodes.reduce((sum: number, a: { memberships: { totalCount: number } }) => sum + a.memberships.totalCount, 0);
  for (const tie of ties) tieOf.set(pair(tie.source, tie.target), tie);
});
afterAll(() => api?.close());

describe("exports read back", () => {
  it("GEXF 1.3: graphology reads the API's actors and ties with their metrics, and every tie has spells Gephi's timeline can play", async () => {
    const { text, response } = await exportText(api, { format: "gexf", scope: SCOPE }, token);
    expect(response.headers.get("content-type")).toContain("application/gexf+xml");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="maillage-territory-${CODE}-${computedOn.asOf}.gexf"`);
    const graph = parseGexf(text);
    expect(graph.type).toBe("undirected");
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(ties.length);
    for (const node of nodes) {
      const a = graph.getNodeAttributes(node.id);
      expect(a).toMatchObject({
        label: node.name,
        profile: node.profile,
        kind: node.kind,
        isCatalyst: node.isCatalyst,
        ecosystem: node.ecosystem,
        degree: node.degree,
        community: node.community,
        isArticulationPoint: node.isArticulationPoint,
        territoryCode: CODE,
        regionCode: "84",
      });
      expect(sameNumber(a.betweenness, node.betweenness) && sameNumber(a.bridgeScore, node.bridgeScore) && sameNumber(a.constraint, node.constraint)).toBe(
        true,
      );
    }
    graph.forEachEdge((_edge, a, source, target) => {
      const tie = tieOf.get(pair(source, target))!;
      expect(tie).toBeDefined();
      expect(a).toMatchObject({
        weight: tie.strength,
        value: tie.value,
        kinds: tie.kinds,
        confirmed: tie.confirmed,
        isBridge: tie.isBridge,
        firstDate: tie.firstDate,
        lastDate: tie.lastDate,
      });
    });

    // graphology keeps no spells: read them from the document itself.
    const doc = parseXml(text);
    const gexfGraph = doc.getElementsByTagName("graph")[0]!;
    expect([gexfGraph.getAttribute("mode"), gexfGraph.getAttribute("timeformat")]).toEqual(["dynamic", "date"]);
    const edges = Array.from(doc.getElementsByTagName("edge"));
    const firstOfNode = new Map<string, string>();
    for (const edge of edges) {
      const spells = Array.from(edge.getElementsByTagName("spell"), (s) => ({ start: s.getAttribute("start")!, end: s.getAttribute("end") }));
      const tie = tieOf.get(pair(edge.getAttribute("source")!, edge.getAttribute("target")!))!;
      expect(spells.length).toBeGreaterThan(0);
      expect(spells[0]!.start).toBe(tie.firstDate);
      spells.forEach((spell, k) => {
        if (spell.end !== null) expect(spell.start <= spell.end).toBe(true);
        if (k > 0) expect(spells[k - 1]!.end !== null && spells[k - 1]!.end! < spell.start).toBe(true);
      });
      const last = spells[spells.length - 1]!;
      expect(last.end === null || last.end >= tie.lastDate).toBe(true);
      for (const end of [tie.source, tie.target]) if (!firstOfNode.has(end) || firstOfNode.get(end)! > tie.firstDate) firstOfNode.set(end, tie.firstDate);
    }
    // An actor appears on the timeline with its first tie, and stays.
    for (const node of Array.from(doc.getElementsByTagName("node"))) {
      const spell = node.getElementsByTagName("spell")[0];
      expect(spell?.getAttribute("start") ?? null).toBe(firstOfNode.get(node.getAttribute("id")!) ?? null);
      expect(spell?.getAttribute("end") ?? null).toBeNull();
    }
  });

  it("GraphML: graphology reads the same actors and ties through typed keys, and the export's facts at graph level", async () => {
    const { text } = await exportText(api, { format: "graphml", scope: SCOPE }, token);
    const doc = parseXml(text);
    const keys = Array.from(doc.getElementsByTagName("key"), (k) => `${k.getAttribute("for")}:${k.getAttribute("attr.name")}:${k.getAttribute("attr.type")}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "node:degree:int",
        "node:betweenness:double",
        "node:isCatalyst:boolean",
        "edge:weight:double",
        "edge:confirmed:boolean",
        "graph:graphVersion:string",
      ]),
    );
    const graph = parseGraphml(text);
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(ties.length);
    expect(graph.getAttribute("graphVersion")).toBe(computedOn.graphVersion);
    for (const node of nodes) {
      const a = graph.getNodeAttributes(node.id);
      expect(a).toMatchObject({ label: node.name, profile: node.profile, degree: node.degree, isCatalyst: node.isCatalyst });
      expect(sameNumber(a.betweenness, node.betweenness) && sameNumber(a.bridgeScore, node.bridgeScore)).toBe(true);
    }
    graph.forEachEdge((_edge, a, source, target) => {
      const tie = tieOf.get(pair(source, target))!;
      expect(a).toMatchObject({ weight: tie.strength, value: tie.value, kinds: tie.kinds.join("|"), confirmed: tie.confirmed });
    });
  });

  it("CSV: csv-parse reads one row per actor and one per tie, with the same values", async () => {
    const read = async (part: string) => {
      const { text, response } = await exportText(api, { format: "csv", scope: SCOPE, part }, token);
      expect(response.headers.get("content-type")).toContain("text/csv");
      expect(response.headers.get("content-disposition")).toContain(`-${part}.csv"`);
      return parseCsv(text, { columns: true }) as Record<string, string>[];
    };
    const rows = await read("nodes");
    expect(rows).toHaveLength(nodes.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const node of nodes) {
      const row = byId.get(node.id)!;
      expect(row).toMatchObject({ label: node.name, profile: node.profile, degree: String(node.degree), isCatalyst: String(node.isCatalyst) });
      expect(sameNumber(row.betweenness, node.betweenness) && sameNumber(row.bridgeScore, node.bridgeScore)).toBe(true);
    }
    const tieRows = await read("ties");
    expect(tieRows).toHaveLength(ties.length);
    for (const row of tieRows) {
      const tie = tieOf.get(pair(row.source!, row.target!))!;
      expect(row).toMatchObject({ kinds: tie.kinds.join("|"), confirmed: String(tie.confirmed), firstDate: tie.firstDate, lastDate: tie.lastDate });
      expect(sameNumber(row.weight, tie.strength) && sameNumber(row.value, tie.value)).toBe(true);
      expect(row.spells!.startsWith(`${tie.firstDate}/`)).toBe(true);
    }
  });

  it("JSON Graph Format v2: nodes keyed by id, undirected edges, every value with JSON's own type", async () => {
    const { text } = await exportText(api, { format: "jgf", scope: SCOPE }, token);
    const { graph } = JSON.parse(text);
    expect(graph.directed).toBe(false);
    expect(graph.metadata).toMatchObject({ scope: SCOPE, graphVersion: computedOn.graphVersion, asOf: computedOn.asOf, peopleIncluded: false });
    expect(Object.keys(graph.nodes)).toHaveLength(nodes.length);
    expect(graph.edges).toHaveLength(ties.length);
    for (const node of nodes) {
      expect(graph.nodes[node.id]).toMatchObject({
        label: node.name,
        metadata: { profile: node.profile, degree: node.degree, betweenness: node.betweenness, bridgeScore: node.bridgeScore, constraint: node.constraint },
      });
    }
    for (const edge of graph.edges) {
      const tie = tieOf.get(pair(edge.source, edge.target))!;
      expect(edge).toMatchObject({
        directed: false,
        metadata: { weight: tie.strength, value: tie.value, kinds: tie.kinds, confirmed: tie.confirmed, isBridge: tie.isBridge },
      });
      expect(edge.metadata.spells[0].start).toBe(tie.firstDate);
    }
  });

  it("JSON-LD: the jsonld processor, offline and in safe mode, finds one org:Organization per actor and one org:Membership per membership, each with its member, alliance and role", async () => {
    const { text, response } = await exportText(api, { format: "jsonld", scope: SCOPE }, token);
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    const documentLoader = async (url: string): Promise<never> => {
      throw new Error(`the export must not need a remote context, it asked for ${url}`);
    };
    const options = { documentLoader, safe: true } as unknown as jsonld.Options.ToRdf;
    const quads = (await jsonld.toRDF(JSON.parse(text), { ...options, format: "application/n-quads" })) as unknown as string;
    const RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    const typed = (type: string) =>
      new Set(
        quads
          .split("\n")
          .filter((line) => line.includes(`${RDF_TYPE} <${type}>`))
          .map((line) => line.split(" ")[0]),
      );
    const ORG = "http://www.w3.org/ns/org#";
    expect(typed(`${ORG}Organization`).size).toBe(nodes.length);
    const membershipNodes = typed(`${ORG}Membership`);
    expect(membershipNodes.size).toBe(memberships);
    const collaborations = typed(`${ORG}OrganizationalCollaboration`);
    expect(collaborations.size).toBeGreaterThan(0);

    const expanded = await jsonld.expand(JSON.parse(text), options);
    const organisations = new Set(typedNodes(expanded, `${ORG}Organization`).map((n) => n["@id"]));
    const roles = new Set(typedNodes(expanded, `${ORG}Role`).map((n) => n["@id"]));
    for (const alliance of typedNodes(expanded, `${ORG}OrganizationalCollaboration`)) {
      for (const membership of alliance[`${ORG}hasMembership`] as Record<string, any>[]) {
        expect(membership["@type"]).toEqual([`${ORG}Membership`]);
        expect(organisations.has(membership[`${ORG}member`][0]["@id"])).toBe(true);
        expect(membership[`${ORG}organization`][0]["@id"]).toBe(alliance["@id"]);
        expect(roles.has(membership[`${ORG}role`][0]["@id"])).toBe(true);
      }
    }
  });
});

function typedNodes(expanded: unknown[], type: string): Record<string, any>[] {
  const found: Record<string, any>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value && typeof value === "object") {
      const node = value as Record<string, any>;
      if (Array.isArray(node["@type"]) && node["@type"].includes(type)) found.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(expanded);
  return found;
}
