import type { ActorKind, Impact, Lever, MemberRole, Modality, Profile, TerritoryLevel } from "../../record/generated/prisma/enums.js";

/**
 * The network an export writes, in one format-neutral shape: every writer (server/exports/*.ts)
 * reads this and nothing else, so the five formats cannot disagree on a count or a value.
 * Ids are the API's global ids, so a file's rows can be matched with what the API answers.
 */
export interface ExportDataset {
  meta: ExportMeta;
  nodes: ExportNode[];
  ties: ExportTie[];
  /** Alliances with at least one member among the nodes, with those members' memberships. */
  alliances: ExportAlliance[];
  /** Whether `contacts` were read: asked for, and allowed to the caller. */
  peopleIncluded: boolean;
}

export interface ExportMeta {
  /** The scope as written in the request: "region:84". */
  scope: string;
  scopeLabel: string;
  /** The outbox position the network reflects (`computedOn.graphVersion`). */
  graphVersion: string;
  /** The day the network is taken on, YYYY-MM-DD (`computedOn.asOf`). */
  asOf: string;
  /** Whether the request asked for a past day. */
  timeTravel: boolean;
  /** Where the metrics were computed: "national", "ecosystem:<global id>", or null without metrics. */
  metricsScope: string | null;
  /** "exact" or "sampled" betweenness (graph/ecosystem/scopeMetrics.ts), null without metrics. */
  betweenness: "exact" | "sampled" | null;
  /** The filters applied, as request parameters ("profile=ECONOMIC; confirmed=true"), or "". */
  filters: string;
  generatedAt: string;
}

/** Metrics of the actor in the export's metrics network; null where a ratio is undefined (0/0). */
export interface NodeMetrics {
  degree: number;
  strength: number;
  betweenness: number;
  weightedBetweenness: number;
  crossProfileBetweenness: number;
  crossTerritoryBetweenness: number | null;
  constraint: number | null;
  effectiveSize: number | null;
  eiIndex: number | null;
  coreNumber: number;
  community: number;
  isArticulationPoint: boolean;
  bridgeScore: number;
}

export interface ExportPlace {
  level: TerritoryLevel;
  code: string;
  name: string;
}

export interface ExportPerson {
  /** Record id, for a stable JSON-LD identifier. */
  recordId: number;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

export interface ExportNode {
  /** The Actor's global id. */
  id: string;
  recordId: number;
  label: string;
  profile: Profile;
  kind: ActorKind;
  isCatalyst: boolean;
  /** The territory the actor acts in (the first, by record id, when it has several). */
  territory: ExportPlace | null;
  region: ExportPlace | null;
  /** The global id of the actor's ecosystem, null outside every ecosystem. */
  ecosystem: string | null;
  source: string;
  externalId: string | null;
  siren: string | null;
  rna: string | null;
  /** Null when metrics were not asked for, or the actor is outside the metrics network. */
  metrics: NodeMetrics | null;
  /** First day (days since 1970-01-01) of the actor's ties in the file; null without one. */
  firstDay: number | null;
  /** Contact people; null unless `peopleIncluded`. */
  contacts: ExportPerson[] | null;
}

export type TieKind = "ALLIANCE" | "MEETING" | "JOINT_PROJECT" | "RESOURCE_EXCHANGE" | "FUNDING";

/** A period of activity in days since 1970-01-01, both ends included; `end` null: still running. */
export interface Spell {
  start: number;
  end: number | null;
}

export interface ExportTie {
  /** "<source record id>-<target record id>", source the smaller. */
  id: string;
  source: string;
  target: string;
  /** What the tie is made of: an alliance shared, interactions of these kinds (multiplex). */
  kinds: TieKind[];
  /** The strength the network algorithms use (`NetworkTie.strength`). */
  weight: number;
  /** The interaction value with the default weights (`NetworkTie.value`). */
  value: number;
  confirmed: boolean;
  alliances: number;
  interactions: number;
  crossesProfiles: boolean;
  /** Removing the tie splits the metrics network; null outside it or without metrics. */
  isBridge: boolean | null;
  firstDay: number;
  lastDay: number;
  /** When the tie was active: its alliances' periods and its interactions' days, merged. */
  spells: Spell[];
}

export interface ExportMembership {
  /** The member Actor's global id. */
  actor: string;
  actorRecordId: number;
  role: MemberRole;
  confirmedAt: Date | null;
}

export interface ExportAlliance {
  id: string;
  recordId: number;
  name: string;
  purpose: string | null;
  startDate: Date;
  /** Null while running, and for an end after the export's day. */
  endDate: Date | null;
  modalities: Modality[];
  levers: Lever[];
  impacts: Impact[];
  source: string;
  externalId: string | null;
  members: ExportMembership[];
}

const DAY = 86_400_000;

/** A day number as YYYY-MM-DD. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
