/**
 * GEXF 1.3 (https://gexf.net/1.3), the format Gephi reads best. The graph is dynamic with dates
 * (mode="dynamic", timeformat="date"): each tie carries the spells it was active in (its
 * alliances' periods and its interactions' days, merged) and each actor a spell from its first
 * tie on, so Gephi's timeline replays the network's growth. Ties are undirected and weighted by
 * their strength; every other fact is a declared attribute.
 */
import { metaEntries, nodeAttributes, TIE_ATTRIBUTES, type AttributeSpec, type AttributeType, type AttributeValue } from "./attributes.js";
import { isoDay, type ExportDataset, type Spell } from "./dataset.js";
import { attributes, escapeText } from "./xml.js";

const GEXF_TYPES: Record<AttributeType, string> = {
  string: "string",
  integer: "integer",
  double: "double",
  boolean: "boolean",
  liststring: "liststring",
  date: "string",
};

/** Written as XML attributes or elements of their own, not as attvalues. */
const NOT_ATTVALUES = new Set(["weight", "spells"]);

export function* writeGexf(dataset: ExportDataset): Generator<string> {
  const nodeSpecs = nodeAttributes(dataset);
  const tieSpecs = TIE_ATTRIBUTES.filter((spec) => !NOT_ATTVALUES.has(spec.key));
  const description = metaEntries(dataset)
    .filter(([key]) => key !== "generatedAt")
    .map(([key, value]) => `${key}: ${value}`)
    .join("; ");
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta${attributes({ lastmodifieddate: dataset.meta.generatedAt.slice(0, 10) })}>\n`;
  yield `    <creator>Maillage</creator>\n    <keywords>territorial cooperation, alliances, ${escapeText(dataset.meta.scope)}</keywords>\n`;
  yield `    <description>${escapeText(`Maillage network, ${dataset.meta.scopeLabel}. ${description}`)}</description>\n  </meta>\n`;
  yield '  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval" idtype="string">\n';
  yield* declarations("node", nodeSpecs);
  yield* declarations("edge", tieSpecs);
  yield `    <nodes${attributes({ count: dataset.nodes.length })}>\n`;
  for (const node of dataset.nodes) {
    yield `      <node${attributes({ id: node.id, label: node.label })}>\n`;
    yield* attvalues(nodeSpecs, node);
    if (node.firstDay !== null) yield* spells([{ start: node.firstDay, end: null }]);
    yield "      </node>\n";
  }
  yield `    </nodes>\n    <edges${attributes({ count: dataset.ties.length })}>\n`;
  for (const tie of dataset.ties) {
    yield `      <edge${attributes({ id: tie.id, source: tie.source, target: tie.target, weight: tie.weight })}>\n`;
    yield* attvalues(tieSpecs, tie);
    yield* spells(tie.spells);
    yield "      </edge>\n";
  }
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

function* declarations<T>(kind: "node" | "edge", specs: readonly AttributeSpec<T>[]): Generator<string> {
  yield `    <attributes class="${kind}">\n`;
  for (const spec of specs) yield `      <attribute${attributes({ id: spec.key, title: spec.key, type: GEXF_TYPES[spec.type] })}/>\n`;
  yield "    </attributes>\n";
}

function* attvalues<T>(specs: readonly AttributeSpec<T>[], item: T): Generator<string> {
  const values = specs.map((spec) => [spec.key, gexfValue(spec.value(item))] as const).filter(([, value]) => value !== null);
  if (values.length === 0) return;
  yield "        <attvalues>\n";
  for (const [key, value] of values) yield `          <attvalue${attributes({ for: key, value })}/>\n`;
  yield "        </attvalues>\n";
}

function* spells(list: readonly Spell[]): Generator<string> {
  if (list.length === 0) return;
  yield "        <spells>\n";
  for (const spell of list) yield `          <spell${attributes({ start: isoDay(spell.start), end: spell.end === null ? null : isoDay(spell.end) })}/>\n`;
  yield "        </spells>\n";
}

/** Lists as Gephi writes them, [a, b]; an item holding a separator, a quote or a bracket is quoted with backslash escapes. */
function gexfValue(value: AttributeValue): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return `[${value.map(listItem).join(", ")}]`;
  return String(value);
}

function listItem(item: string): string {
  if (item !== "" && !/[,"'\\[\]\s]/.test(item)) return item;
  return `"${item.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}
