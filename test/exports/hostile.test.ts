import { parse as parseCsv } from "csv-parse/sync";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeAttribute, escapeText, xmlSafe } from "../../server/exports/xml.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { exportText, parseGexf, parseGraphml, parseXml, tokensFor } from "./support.js";

/**
 * A name written to break a file: markup characters, both quotes, a CDATA end, list separators,
 * characters XML 1.0 cannot hold (C0 controls, U+FFFE), a tab and a newline, accents and a
 * character outside the BMP. Every format must give it back; the XML ones without the characters
 * XML forbids, which they drop.
 */
const HOSTILE = `Café & Fils <SARL> "Le Nœud" l'Atelier ]]> [a, b] | c;\u0001\u0008\u000B\u001F\uFFFE tab\there\nnewline 🌍 fin`;
const IN_XML = HOSTILE.replace(/[\u0001\u0008\u000B\u001F\uFFFE]/g, "");
const PERSON = `Dupont, "Jo" [x] \\ <y> & 'z'`;
const CODE = "200071363";

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
let actorId: string;

beforeAll(async () => {
  api = await startTestApi();
  tokens = await tokensFor(api);
  const vichy = await api.gql(`query ($code: String!) { ecosystem(territoryCode: $code) { territory { id } actors(first: 1) { nodes { id } } } }`, {
    code: CODE,
  });
  const { territory, actors } = vichy.data.ecosystem;
  const created = await api.gql(
    `mutation ($input: CreateActorInput!) { createActor(input: $input) { __typename ... on CreateActorSuccess { actor { id name } } ... on Error { message } } }`,
    { input: { name: HOSTILE, kind: "ASSOCIATION", territories: [territory.id] } },
    "EDITOR",
  );
  expect(created.data.createActor.__typename).toBe("CreateActorSuccess");
  actorId = created.data.createActor.actor.id;
  expect(created.data.createActor.actor.name).toBe(HOSTILE);
  const alliance = await api.gql(
    `mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) { __typename ... on Error { message } } }`,
    { input: { name: HOSTILE, startDate: "2025-03-01", modalities: ["DIALOGUE"], members: [{ actor: actorId, role: "LEAD" }, { actor: actors.nodes[0].id }] } },
    "EDITOR",
  );
  expect(alliance.data.createAlliance.__typename).toBe("CreateAllianceSuccess");
  const { id } = await api.db.prisma.actor.findFirstOrThrow({ where: { name: HOSTILE }, select: { id: true } });
  await api.db.prisma.person.create({ data: { actorId: id, name: PERSON, email: "jo@example.org" } });
  await api.graph.catchUp();
});
afterAll(() => api?.close());

const SCOPE = `territory:${CODE}`;

describe("a hostile name", () => {
  it("comes back from GEXF and GraphML through strict XML parsers, less only what XML cannot hold", async () => {
    const gexf = (await exportText(api, { format: "gexf", scope: SCOPE, people: "true" }, tokens.ADMIN)).text;
    const graph = parseGexf(gexf);
    expect(graph.getNodeAttribute(actorId, "label")).toBe(IN_XML);
    // The contact list item holds a comma, quotes, brackets and a backslash: quoted, it stays one item.
    expect(graph.getNodeAttribute(actorId, "contacts")).toEqual([`${PERSON} <jo@example.org>`]);
    const graphml = parseGraphml((await exportText(api, { format: "graphml", scope: SCOPE }, tokens.RESEARCHER)).text);
    expect(graphml.getNodeAttribute(actorId, "label")).toBe(IN_XML);
    expect(gexf).not.toMatch(/[\u0001\u0008\u000B\u001F\uFFFE]/);
  });

  it("comes back whole from CSV, JSON Graph and JSON-LD, which can carry every character", async () => {
    const nodes = parseCsv((await exportText(api, { format: "csv", part: "nodes", scope: SCOPE }, tokens.RESEARCHER)).text, { columns: true }) as Record<
      string,
      string
    >[];
    // CSV drops the characters XML refuses too: they are junk in a spreadsheet.
    expect(nodes.find((row) => row.id === actorId)!.label).toBe(IN_XML);
    const { graph } = JSON.parse((await exportText(api, { format: "jgf", scope: SCOPE }, tokens.RESEARCHER)).text);
    expect(graph.nodes[actorId].label).toBe(HOSTILE);
    const doc = JSON.parse((await exportText(api, { format: "jsonld", scope: SCOPE }, tokens.RESEARCHER)).text);
    const expanded = await jsonld.expand(doc, { safe: true } as unknown as jsonld.Options.Expand);
    const names = expanded.flatMap((node) => ((node as Record<string, { "@value": string }[]>)["https://schema.org/name"] ?? []).map((n) => n["@value"]));
    expect(names.filter((name) => name === HOSTILE)).toHaveLength(2);
  });
});

describe("XML text", () => {
  it("drops what XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF), keeps tab, newline and astral characters", () => {
    expect(xmlSafe("a\u0000b\u0007c\td\ne\rf\uD800g\uDFFFh\uFFFFi🌍")).toBe("abc\td\ne\rfghi🌍");
  });

  it("escapes markup in text, and quotes and white space in attribute values so they survive normalisation", () => {
    expect(escapeText(`<a href="x">&</a>`)).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;');
    expect(escapeAttribute(`"it's"\t\n\r`)).toBe("&quot;it&apos;s&quot;&#9;&#10;&#13;");
    const doc = parseXml(`<r a="${escapeAttribute(IN_XML)}">${escapeText(IN_XML)}</r>`);
    expect(doc.documentElement!.getAttribute("a")).toBe(IN_XML);
    expect(doc.documentElement!.textContent).toBe(IN_XML);
  });
});
