/**
 * GraphML (http://graphml.graphdrawing.org/), read by Gephi, yEd, Cytoscape, igraph, NetworkX.
 * Every attribute is a declared <key> with its type (GraphML has no list or date type: lists are
 * joined with "|", dates written YYYY-MM-DD, and the tie's periods sit in its `spells` string).
 * Facts about the whole export (scope, day, graph version, filters) are graph-level keys.
 */
import { metaEntries, nodeAttributes, TIE_ATTRIBUTES, type AttributeSpec, type AttributeType, type AttributeValue } from "./attributes.js";
import type { ExportDataset } from "./dataset.js";
import { attributes, escapeText } from "./xml.js";

const GRAPHML_TYPES: Record<AttributeType, string> = {
  string: "string",
  integer: "int",
  double: "double",
  boolean: "boolean",
  liststring: "string",
  date: "string",
};

/** Key ids carry their domain, so a node's and a tie's attribute may share a name. */
const keyId = (domain: "g" | "n" | "e", name: string) => `${domain}_${name}`;

export function* writeGraphml(dataset: ExportDataset): Generator<string> {
  const nodeSpecs = nodeAttributes(dataset);
  const meta = metaEntries(dataset);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [name] of meta) yield `  <key${attributes({ id: keyId("g", name), for: "graph", "attr.name": name, "attr.type": "string" })}/>\n`;
  yield `  <key${attributes({ id: keyId("n", "label"), for: "node", "attr.name": "label", "attr.type": "string" })}><desc>The actor's name</desc></key>\n`;
  yield* keys("n", "node", nodeSpecs);
  yield* keys("e", "edge", TIE_ATTRIBUTES);
  yield '  <graph id="maillage" edgedefault="undirected">\n';
  for (const [name, value] of meta) yield `    <data${attributes({ key: keyId("g", name) })}>${escapeText(value)}</data>\n`;
  for (const node of dataset.nodes) {
    yield `    <node${attributes({ id: node.id })}>\n      <data key="${keyId("n", "label")}">${escapeText(node.label)}</data>\n`;
    yield* data("n", nodeSpecs, node);
    yield "    </node>\n";
  }
  for (const tie of dataset.ties) {
    yield `    <edge${attributes({ id: tie.id, source: tie.source, target: tie.target })}>\n`;
    yield* data("e", TIE_ATTRIBUTES, tie);
    yield "    </edge>\n";
  }
  yield "  </graph>\n</graphml>\n";
}

function* keys<T>(domain: "n" | "e", kind: "node" | "edge", specs: readonly AttributeSpec<T>[]): Generator<string> {
  for (const spec of specs) {
    yield `  <key${attributes({ id: keyId(domain, spec.key), for: kind, "attr.name": spec.key, "attr.type": GRAPHML_TYPES[spec.type] })}><desc>${escapeText(spec.description)}</desc></key>\n`;
  }
}

function* data<T>(domain: "n" | "e", specs: readonly AttributeSpec<T>[], item: T): Generator<string> {
  for (const spec of specs) {
    const value = graphmlValue(spec.value(item));
    if (value !== null) yield `      <data key="${keyId(domain, spec.key)}">${escapeText(value)}</data>\n`;
  }
}

function graphmlValue(value: AttributeValue): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? value.join("|") : String(value);
}
