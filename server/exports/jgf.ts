/**
 * JSON Graph Format v2 (https://jsongraphformat.info): one undirected graph whose `nodes` is an
 * object keyed by the actors' global ids and whose `edges` is a list, each element's facts in its
 * `metadata` with JSON's own types (numbers, booleans, lists, null for an absent value). The graph's
 * metadata carries the export's facts and the attribute declarations, so a reader knows the types.
 */
import { metaEntries, nodeAttributes, TIE_ATTRIBUTES, type AttributeSpec } from "./attributes.js";
import { isoDay, type ExportDataset } from "./dataset.js";

export function* writeJgf(dataset: ExportDataset): Generator<string> {
  const nodeSpecs = nodeAttributes(dataset).filter((spec) => spec.key !== "contacts");
  const declare = <T>(specs: readonly AttributeSpec<T>[]) => specs.map(({ key, type, description }) => ({ key, type, description }));
  const graphMeta = {
    ...Object.fromEntries(metaEntries(dataset)),
    timeTravel: dataset.meta.timeTravel,
    peopleIncluded: dataset.peopleIncluded,
    attributes: { nodes: declare(nodeSpecs), edges: declare(TIE_ATTRIBUTES.filter((spec) => spec.key !== "spells")) },
  };
  yield `{"graph":{"id":${JSON.stringify(`maillage:${dataset.meta.scope}`)},"type":"maillage.cooperation","label":${JSON.stringify(`Maillage: ${dataset.meta.scopeLabel}`)},"directed":false,`;
  yield `"metadata":${JSON.stringify(graphMeta)},\n"nodes":{`;
  let first = true;
  for (const node of dataset.nodes) {
    const metadata: Record<string, unknown> = Object.fromEntries(nodeSpecs.map((spec) => [spec.key, spec.value(node)]));
    if (node.contacts) metadata.contacts = node.contacts.map(({ name, email, phone, role }) => ({ name, email, phone, role }));
    yield `${first ? "\n" : ",\n"}${JSON.stringify(node.id)}:${JSON.stringify({ label: node.label, metadata })}`;
    first = false;
  }
  yield '\n},\n"edges":[';
  first = true;
  for (const tie of dataset.ties) {
    const metadata: Record<string, unknown> = Object.fromEntries(
      TIE_ATTRIBUTES.filter((spec) => spec.key !== "spells").map((spec) => [spec.key, spec.value(tie)]),
    );
    metadata.spells = tie.spells.map((spell) => ({ start: isoDay(spell.start), end: spell.end === null ? null : isoDay(spell.end) }));
    yield `${first ? "\n" : ",\n"}${JSON.stringify({ id: tie.id, source: tie.source, target: tie.target, relation: "cooperates-with", directed: false, metadata })}`;
    first = false;
  }
  yield "\n]}}\n";
}
