import type { ActorRecord, AllianceRecord, InteractionRecord, PracticeAssessmentRecord } from "../record/events.js";

/** Where each territory sits: its ecosystem (if any covers it) and its région. */
export interface TerritoryPlacement {
  ecosystemOf: Map<number, number>;
  regionOf: Map<number, number>;
}

/**
 * The network as the engines hold it between snapshots: the actors, alliances and interactions
 * of the record, in the very shape the outbox events carry (record/events.ts), so that loading
 * from the record and applying an event are the same operation.
 */
export class NetworkModel {
  readonly actors = new Map<number, ActorRecord>();
  readonly alliances = new Map<number, AllianceRecord>();
  readonly interactions = new Map<number, InteractionRecord>();
  readonly practiceAssessments = new Map<number, PracticeAssessmentRecord>();
  /** The outbox position this model reflects: every event up to it is applied. */
  version = 0n;

  constructor(readonly placement: TerritoryPlacement) {}
}
