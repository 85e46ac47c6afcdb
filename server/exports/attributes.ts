import { isoDay, type ExportDataset, type ExportNode, type ExportPerson, type ExportTie, type NodeMetrics } from "./dataset.js";

/**
 * The attributes every tabular and graph format writes, declared once with their type, so GEXF's
 * <attributes>, GraphML's <key>s, the CSV headers and JGF's metadata name and type them alike.
 * `date` values are YYYY-MM-DD strings; `liststring` values are lists (GEXF writes them natively,
 * GraphML and CSV join them with "|").
 */
export type AttributeType = "string" | "integer" | "double" | "boolean" | "liststring" | "date";
export type AttributeValue = string | number | boolean | string[] | null;

export interface AttributeSpec<T> {
  key: string;
  type: AttributeType;
  description: string;
  value: (item: T) => AttributeValue;
}

const metric = <K extends keyof NodeMetrics>(key: K, type: AttributeType, description: string): AttributeSpec<ExportNode> => ({
  key,
  type,
  description,
  value: (node) => (node.metrics ? node.metrics[key] : null),
});

const NODE_BASE: AttributeSpec<ExportNode>[] = [
  { key: "recordId", type: "integer", description: "The actor's record id", value: (n) => n.recordId },
  { key: "profile", type: "string", description: "ECONOMIC, GENERAL_INTEREST, PUBLIC or ACADEMIC", value: (n) => n.profile },
  { key: "kind", type: "string", description: "The finer kind under the profile", value: (n) => n.kind },
  { key: "isCatalyst", type: "boolean", description: "The actor is a territorial catalyst", value: (n) => n.isCatalyst },
  { key: "territory", type: "string", description: "Name of the territory the actor acts in", value: (n) => n.territory?.name ?? null },
  { key: "territoryCode", type: "string", description: "Official code of that territory (INSEE, SIREN for an EPCI)", value: (n) => n.territory?.code ?? null },
  { key: "territoryLevel", type: "string", description: "REGION, DEPARTEMENT, EPCI, COMMUNE or PROJECT", value: (n) => n.territory?.level ?? null },
  { key: "region", type: "string", description: "Name of the actor's région", value: (n) => n.region?.name ?? null },
  { key: "regionCode", type: "string", description: "INSEE code of the actor's région", value: (n) => n.region?.code ?? null },
  { key: "ecosystem", type: "string", description: "Global id of the actor's ecosystem", value: (n) => n.ecosystem },
  { key: "source", type: "string", description: "Where the record came from (demo, api, an import's source)", value: (n) => n.source },
  { key: "externalId", type: "string", description: "The record's id in its source", value: (n) => n.externalId },
  { key: "siren", type: "string", description: "SIREN number", value: (n) => n.siren },
  { key: "rna", type: "string", description: "RNA number (associations)", value: (n) => n.rna },
];

const NODE_METRICS: AttributeSpec<ExportNode>[] = [
  metric("degree", "integer", "Ties in the metrics network"),
  metric("strength", "double", "Sum of the strengths of those ties"),
  metric("betweenness", "double", "Normalized shortest-path betweenness, every tie counting 1"),
  metric("weightedBetweenness", "double", "Normalized betweenness with each tie as long as 1 / its strength"),
  metric("crossProfileBetweenness", "double", "Betweenness over pairs of actors of different profiles"),
  metric("crossTerritoryBetweenness", "double", "Betweenness over pairs of actors of different territories (national metrics only)"),
  metric("constraint", "double", "Burt's constraint"),
  metric("effectiveSize", "double", "Burt's effective size"),
  metric("eiIndex", "double", "Krackhardt's E-I index of the actor's ties by profile"),
  metric("coreNumber", "integer", "k-core number"),
  metric("community", "integer", "Louvain community (seeded), numbered within the metrics network"),
  metric("isArticulationPoint", "boolean", "Removing the actor splits the network"),
  metric("bridgeScore", "double", "Bridge score in [0, 1] (graph/ecosystem/bridgeModel.ts)"),
];

const CONTACTS: AttributeSpec<ExportNode> = {
  key: "contacts",
  type: "liststring",
  description: "Contact people (personal data): name <email> phone (role)",
  value: (n) => (n.contacts ?? []).map(contactText),
};

export function contactText(person: ExportPerson): string {
  return [person.name, person.email && `<${person.email}>`, person.phone, person.role && `(${person.role})`].filter(Boolean).join(" ");
}

export const TIE_ATTRIBUTES: readonly AttributeSpec<ExportTie>[] = [
  { key: "kinds", type: "liststring", description: "What the tie is made of: ALLIANCE and interaction kinds (multiplex)", value: (t) => t.kinds },
  { key: "weight", type: "double", description: "Tie strength, the weight the network algorithms use", value: (t) => t.weight },
  { key: "value", type: "double", description: "Interaction value with the default weights", value: (t) => t.value },
  { key: "confirmed", type: "boolean", description: "Both ends confirmed an alliance they share", value: (t) => t.confirmed },
  { key: "alliances", type: "integer", description: "Alliances the two actors share", value: (t) => t.alliances },
  { key: "interactions", type: "integer", description: "Interactions the two actors took part in together", value: (t) => t.interactions },
  { key: "crossesProfiles", type: "boolean", description: "The two actors have different profiles", value: (t) => t.crossesProfiles },
  { key: "isBridge", type: "boolean", description: "Removing the tie splits the metrics network", value: (t) => t.isBridge },
  { key: "firstDate", type: "date", description: "First day the tie was active", value: (t) => isoDay(t.firstDay) },
  { key: "lastDate", type: "date", description: "Last day the tie was active", value: (t) => isoDay(t.lastDay) },
  {
    key: "spells",
    type: "liststring",
    description: "Periods of activity, start/end (ISO 8601 intervals, open end while running)",
    value: (t) => t.spells.map((s) => `${isoDay(s.start)}/${s.end === null ? ".." : isoDay(s.end)}`),
  },
];

/** The node attributes of a dataset: metrics only when computed, contacts only when included. */
export function nodeAttributes(dataset: ExportDataset): AttributeSpec<ExportNode>[] {
  return [...NODE_BASE, ...(dataset.meta.metricsScope !== null ? NODE_METRICS : []), ...(dataset.peopleIncluded ? [CONTACTS] : [])];
}

/** Graph-level facts, for the formats that carry them as key/value pairs. */
export function metaEntries(dataset: ExportDataset): [string, string][] {
  const { meta } = dataset;
  return [
    ["scope", meta.scope],
    ["scopeLabel", meta.scopeLabel],
    ["asOf", meta.asOf],
    ["graphVersion", meta.graphVersion],
    ["metricsScope", meta.metricsScope ?? "none"],
    ["betweenness", meta.betweenness ?? "none"],
    ["filters", meta.filters],
    ["generatedAt", meta.generatedAt],
  ];
}
