import { createRequire } from "node:module";
import { DOMParser as XmlDomParser, type Document as XmlDocument } from "@xmldom/xmldom";
import { createToken } from "../../server/auth.js";
import type { Role } from "../../record/generated/prisma/enums.js";
import type { TestApi } from "../support/testApi.js";

/**
 * Reading exports back with parsers that owe nothing to the writers: graphology's GEXF and GraphML
 * readers, fed @xmldom/xmldom's DOMParser set to refuse any malformed XML (the readers' bundled
 * DOMParser would only warn), csv-parse, the jsonld processor, JSON.parse.
 */
const require = createRequire(import.meta.url);
/** graphology's constructor (its CommonJS export), typed as the class its declarations default-export. */
type Graph = import("graphology").default;
const Graph = require("graphology") as typeof import("graphology").default;
type ParserFactory = (domParser: unknown, document: unknown) => (graph: typeof Graph, source: string) => Graph;
const createGexfParser = require("graphology-gexf/common/parser.js") as ParserFactory;
const createGraphmlParser = require("graphology-graphml/common/parser.js") as ParserFactory;

/** A DOMParser that throws on every error and warning instead of recovering. */
class StrictDomParser extends XmlDomParser {
  constructor() {
    super({
      onError: (level: string, message: string) => {
        throw new Error(`XML ${level}: ${message}`);
      },
    });
  }
}

const DocumentClass = new XmlDomParser().parseFromString("<t/>", "application/xml").constructor;
const gexfParser = createGexfParser(StrictDomParser, DocumentClass);
const graphmlParser = createGraphmlParser(StrictDomParser, DocumentClass);

export const parseGexf = (text: string): Graph => gexfParser(Graph, text);
export const parseGraphml = (text: string): Graph => graphmlParser(Graph, text);
export const parseXml = (text: string): XmlDocument => new StrictDomParser().parseFromString(text, "application/xml");

/** Tokens for every role, made once per test API. */
export async function tokensFor(api: TestApi): Promise<Record<Role, string>> {
  const catalyst = await api.db.prisma.actor.findFirst({ where: { isCatalyst: true }, orderBy: { id: "asc" }, select: { id: true } });
  const tokens = {} as Record<Role, string>;
  for (const role of ["CATALYST", "RESEARCHER", "EDITOR", "ADMIN"] as const) {
    tokens[role] = (await createToken(api.db.prisma, role, `exports ${role}`, role === "CATALYST" ? catalyst!.id : null)).token;
  }
  return tokens;
}

/** GET /export with these parameters, as a token (or anonymously with none). */
export async function fetchExport(api: TestApi, params: Record<string, string | string[]>, token?: string, init: RequestInit = {}): Promise<Response> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) search.append(key, item);
  return api.yoga.fetch(`http://maillage.test/export?${search}`, { ...init, headers: { ...(token && { authorization: `Bearer ${token}` }), ...init.headers } });
}

/** The body of an export that must succeed, with a clear failure when it did not. */
export async function exportText(api: TestApi, params: Record<string, string | string[]>, token: string): Promise<{ text: string; response: Response }> {
  const response = await fetchExport(api, params, token);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`export ${JSON.stringify(params)} answered ${response.status}: ${text.slice(0, 500)}`);
  return { text, response };
}

/** Numbers written as text and read back: equal to the last bit, or both absent. */
export function sameNumber(actual: unknown, expected: number | null | undefined): boolean {
  if (expected === null || expected === undefined) return actual === undefined || actual === null;
  return Number(actual) === expected;
}
