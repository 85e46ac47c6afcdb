/**
 * JSON-LD 1.1 with schema.org and the W3C Organization ontology (https://www.w3.org/TR/vocab-org/):
 * each actor is an org:Organization (and a schema:Organization) classified by its profile; each
 * alliance an org:OrganizationalCollaboration whose org:Membership nodes name the member
 * (org:member), the alliance (org:organization), the member's role (org:role, an org:Role with
 * French and English labels) and the period (org:memberDuring). Contact people, when included,
 * are schema:Person nodes working for their actor. The @context is inline, so no processor needs
 * the network to read the file; identifiers are URNs, stable across exports.
 */
import type { MemberRole, Profile } from "../../record/generated/prisma/enums.js";
import type { ExportDataset, ExportNode, ExportPlace } from "./dataset.js";

const URN = "urn:maillage:";
const actorIri = (recordId: number) => `${URN}actor:${recordId}`;
const allianceIri = (recordId: number) => `${URN}alliance:${recordId}`;
const placeIri = (place: ExportPlace) => `${URN}territory:${place.level}:${place.code}`;

export const JSONLD_CONTEXT = {
  "@version": 1.1,
  schema: "https://schema.org/",
  org: "http://www.w3.org/ns/org#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  time: "http://www.w3.org/2006/time#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  mlg: `${URN}vocab:`,
  name: "schema:name",
  description: "schema:description",
  identifier: "schema:identifier",
  propertyID: "schema:propertyID",
  value: "schema:value",
  dateCreated: { "@id": "schema:dateCreated", "@type": "xsd:dateTime" },
  spatialCoverage: "schema:spatialCoverage",
  temporalCoverage: "schema:temporalCoverage",
  foundingDate: { "@id": "schema:foundingDate", "@type": "xsd:date" },
  dissolutionDate: { "@id": "schema:dissolutionDate", "@type": "xsd:date" },
  areaServed: { "@id": "schema:areaServed", "@type": "@id" },
  containedInPlace: { "@id": "schema:containedInPlace", "@type": "@id" },
  email: "schema:email",
  telephone: "schema:telephone",
  jobTitle: "schema:jobTitle",
  worksFor: { "@id": "schema:worksFor", "@type": "@id" },
  memberOf: { "@id": "org:memberOf", "@type": "@id" },
  classification: { "@id": "org:classification", "@type": "@id" },
  hasMembership: { "@id": "org:hasMembership", "@container": "@set" },
  member: { "@id": "org:member", "@type": "@id" },
  organization: { "@id": "org:organization", "@type": "@id" },
  role: { "@id": "org:role", "@type": "@id" },
  memberDuring: "org:memberDuring",
  hasBeginning: "time:hasBeginning",
  hasEnd: "time:hasEnd",
  inXSDDate: { "@id": "time:inXSDDate", "@type": "xsd:date" },
  prefLabel: { "@id": "skos:prefLabel", "@container": "@language" },
  kind: "mlg:kind",
  isCatalyst: "mlg:isCatalyst",
  ecosystem: "mlg:ecosystem",
  modality: { "@id": "mlg:modality", "@container": "@set" },
  lever: { "@id": "mlg:lever", "@container": "@set" },
  impact: { "@id": "mlg:impact", "@container": "@set" },
  confirmedAt: { "@id": "mlg:confirmedAt", "@type": "xsd:dateTime" },
} as const;

const ROLE_LABELS: Record<MemberRole, { en: string; fr: string }> = {
  LEAD: { en: "lead", fr: "chef de file" },
  PARTNER: { en: "partner", fr: "partenaire" },
  FUNDER: { en: "funder", fr: "financeur" },
  EXPERT: { en: "expert", fr: "expert" },
  BENEFICIARY: { en: "beneficiary", fr: "bénéficiaire" },
};

const PROFILE_LABELS: Record<Profile, { en: string; fr: string }> = {
  ECONOMIC: { en: "economic actor", fr: "acteur économique" },
  GENERAL_INTEREST: { en: "general-interest actor", fr: "acteur d'intérêt général" },
  PUBLIC: { en: "public actor", fr: "acteur public" },
  ACADEMIC: { en: "academic actor", fr: "acteur académique" },
};

const day = (date: Date) => date.toISOString().slice(0, 10);

export function* writeJsonld(dataset: ExportDataset): Generator<string> {
  const { meta } = dataset;
  yield `{"@context":${JSON.stringify(JSONLD_CONTEXT)},\n"@graph":[\n`;
  yield JSON.stringify({
    "@id": `${URN}export:${meta.scope}:${meta.asOf}`,
    "@type": "schema:Dataset",
    name: `Maillage: ${meta.scopeLabel}`,
    description: `Organisations cooperating in ${meta.scopeLabel} and their alliances, as of ${meta.asOf} (graph version ${meta.graphVersion}).${meta.filters ? ` Filters: ${meta.filters}.` : ""}`,
    dateCreated: meta.generatedAt,
    spatialCoverage: meta.scopeLabel,
    temporalCoverage: `../${meta.asOf}`,
  });
  for (const [role, label] of Object.entries(ROLE_LABELS)) yield `,\n${JSON.stringify({ "@id": `${URN}role:${role}`, "@type": "org:Role", prefLabel: label })}`;
  for (const [profile, label] of Object.entries(PROFILE_LABELS))
    yield `,\n${JSON.stringify({ "@id": `${URN}profile:${profile}`, "@type": "skos:Concept", prefLabel: label })}`;
  for (const place of places(dataset.nodes)) yield `,\n${JSON.stringify(place)}`;
  for (const node of dataset.nodes) {
    yield `,\n${JSON.stringify(organisation(node))}`;
    for (const person of node.contacts ?? []) {
      const contact = {
        "@id": `${URN}person:${person.recordId}`,
        "@type": "schema:Person",
        name: person.name,
        email: person.email,
        telephone: person.phone,
        jobTitle: person.role,
      };
      yield `,\n${JSON.stringify({ ...withoutNulls(contact), worksFor: actorIri(node.recordId), memberOf: actorIri(node.recordId) })}`;
    }
  }
  for (const alliance of dataset.alliances) {
    const during = {
      "@type": "time:Interval",
      hasBeginning: { "@type": "time:Instant", inXSDDate: day(alliance.startDate) },
      ...(alliance.endDate && { hasEnd: { "@type": "time:Instant", inXSDDate: day(alliance.endDate) } }),
    };
    const node = {
      "@id": allianceIri(alliance.recordId),
      "@type": ["org:OrganizationalCollaboration", "schema:Organization"],
      name: alliance.name,
      description: alliance.purpose,
      identifier: identifiers(alliance.id, alliance.source, alliance.externalId, null, null),
      foundingDate: day(alliance.startDate),
      dissolutionDate: alliance.endDate && day(alliance.endDate),
      modality: alliance.modalities,
      lever: alliance.levers,
      impact: alliance.impacts,
      hasMembership: alliance.members.map((m) => ({
        "@id": `${URN}membership:${alliance.recordId}:${m.actorRecordId}`,
        "@type": "org:Membership",
        member: actorIri(m.actorRecordId),
        organization: allianceIri(alliance.recordId),
        role: `${URN}role:${m.role}`,
        memberDuring: during,
        ...(m.confirmedAt && { confirmedAt: m.confirmedAt.toISOString() }),
      })),
    };
    yield `,\n${JSON.stringify(withoutNulls(node))}`;
  }
  yield "\n]}\n";
}

function organisation(node: ExportNode): Record<string, unknown> {
  return withoutNulls({
    "@id": actorIri(node.recordId),
    "@type": ["org:Organization", "schema:Organization"],
    name: node.label,
    identifier: identifiers(node.id, node.source, node.externalId, node.siren, node.rna),
    classification: `${URN}profile:${node.profile}`,
    kind: node.kind,
    isCatalyst: node.isCatalyst,
    areaServed: node.territory && placeIri(node.territory),
    ecosystem: node.ecosystem,
  });
}

/** The API's global id, the source's own id, SIREN and RNA, as schema:PropertyValue. */
function identifiers(globalId: string, source: string, externalId: string | null, siren: string | null, rna: string | null) {
  const pairs: [string, string | null][] = [
    ["maillage", globalId],
    [`source:${source}`, externalId],
    ["SIREN", siren],
    ["RNA", rna],
  ];
  return pairs.filter(([, value]) => value !== null).map(([propertyID, value]) => ({ "@type": "schema:PropertyValue", propertyID, value }));
}

/** Each territory and région named by an actor, once. */
function places(nodes: readonly ExportNode[]): Record<string, unknown>[] {
  const seen = new Map<string, Record<string, unknown>>();
  for (const node of nodes) {
    for (const place of [node.region, node.territory]) {
      if (!place || seen.has(placeIri(place))) continue;
      const inRegion = place !== node.region && node.region ? placeIri(node.region) : null;
      seen.set(
        placeIri(place),
        withoutNulls({ "@id": placeIri(place), "@type": "schema:AdministrativeArea", name: place.name, identifier: place.code, containedInPlace: inRegion }),
      );
    }
  }
  return [...seen.values()];
}

function withoutNulls<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined)) as T;
}
