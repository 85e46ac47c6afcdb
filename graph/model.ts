import type { ActorKind, InteractionKind, Lever, Modality, Profile } from "../record/generated/prisma/enums.js";

/**
 * The network as the engines hold it between snapshots: the actors, alliances and interactions
 * of the record, in the very shape the outbox events carry (record/outbox.ts payloads), so that
 * loading from the record and applying an event are the same operation.
 */
export interface ActorRecord {
  id: number;
  name: string;
  profile: Profile;
  kind: ActorKind;
  isCatalyst: boolean;
  territories: number[];
}

export interface AllianceRecord {
  id: number;
  startDate: Date;
  endDate: Date | null;
  modalities: Modality[];
  levers: Lever[];
  impacts: string[];
  members: { actorId: number; role: string; confirmedAt: Date | null }[];
}

export interface InteractionRecord {
  id: number;
  kind: InteractionKind;
  date: Date;
  intensity: number | null;
  amountEuros: number | null;
  allianceId: number | null;
  participants: number[];
}

export interface PracticeAssessmentRecord {
  id: number;
  actorId: number;
  date: Date;
  /** Mean score 0-4 over the practices assessed. */
  mean: number;
  /** Score 0-4 of each practice assessed, by practice key. */
  scores: Record<string, number>;
}

/** Where each territory sits: its ecosystem (if any covers it) and its région. */
export interface TerritoryPlacement {
  ecosystemOf: Map<number, number>;
  regionOf: Map<number, number>;
}

export class NetworkModel {
  readonly actors = new Map<number, ActorRecord>();
  readonly alliances = new Map<number, AllianceRecord>();
  readonly interactions = new Map<number, InteractionRecord>();
  readonly practiceAssessments = new Map<number, PracticeAssessmentRecord>();
  /** The outbox position this model reflects: every event up to it is applied. */
  version = 0n;

  constructor(readonly placement: TerritoryPlacement) {}
}

/** Outbox payloads are JSON: dates arrive as ISO strings. */
export function reviveAlliance(payload: Record<string, unknown>): AllianceRecord {
  const raw = payload as unknown as AllianceRecord & { startDate: string | Date; endDate: string | Date | null };
  return {
    ...raw,
    startDate: new Date(raw.startDate),
    endDate: raw.endDate === null ? null : new Date(raw.endDate),
    members: raw.members.map((m) => ({ ...m, confirmedAt: m.confirmedAt === null ? null : new Date(m.confirmedAt) })),
  };
}

export function revivePracticeAssessment(payload: Record<string, unknown>): PracticeAssessmentRecord {
  const raw = payload as unknown as PracticeAssessmentRecord & { date: string | Date };
  return { ...raw, date: new Date(raw.date) };
}

export function reviveInteraction(payload: Record<string, unknown>): InteractionRecord {
  const raw = payload as unknown as InteractionRecord & { date: string | Date };
  return { ...raw, date: new Date(raw.date) };
}
