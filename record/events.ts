import { z } from "zod";
import { ActorKind, Impact, InteractionKind, Lever, MemberRole, Modality, Profile } from "./generated/prisma/enums.js";
import type { OutboxAggregate, OutboxOperation } from "./generated/prisma/enums.js";

/**
 * The outbox events: one per change of an aggregate the graph engines follow, written in the
 * transaction of the change (record/outbox.ts). A created or updated record's event carries its
 * whole state, so an engine applies it without reading the record; a deletion's carries its id.
 *
 * Every producer (the API's mutations, the importer) builds its events with the builders below,
 * and every consumer (the memory engine, the Neo4j projector, live updates) reads them through
 * `parseEvent`: the one place that says what an event holds. The states are also the shapes in
 * which the engines hold the network (graph/model.ts), so loading the record and applying an
 * event give the same records. Lists whose order means nothing (an actor's territories, an
 * alliance's members, an interaction's participants) are kept ascending, whoever wrote them.
 */

const recordId = z.number().int().positive();
/** Payloads are JSON: instants arrive as ISO strings and are read back as dates. */
const instant = z.coerce.date();
const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);

export const actorState = z.object({
  id: recordId,
  name: z.string(),
  profile: z.enum(Profile),
  kind: z.enum(ActorKind),
  isCatalyst: z.boolean(),
  /** Where the actor acts; the first one with an ecosystem places the actor (graph/snapshot.ts). */
  territories: z.array(recordId).transform(ascending),
});

const member = z.object({ actorId: recordId, role: z.enum(MemberRole), confirmedAt: instant.nullable() });

export const allianceState = z.object({
  id: recordId,
  startDate: instant,
  endDate: instant.nullable(),
  modalities: z.array(z.enum(Modality)),
  levers: z.array(z.enum(Lever)),
  impacts: z.array(z.enum(Impact)),
  members: z.array(member).transform((members) => [...members].sort((a, b) => a.actorId - b.actorId)),
});

export const interactionState = z.object({
  id: recordId,
  kind: z.enum(InteractionKind),
  date: instant,
  intensity: z.number().int().nullable(),
  amountEuros: z.number().int().nullable(),
  allianceId: recordId.nullable(),
  participants: z.array(recordId).transform(ascending),
});

export const practiceAssessmentState = z.object({
  id: recordId,
  actorId: recordId,
  date: instant,
  /** Mean score 0-4 over the practices assessed. */
  mean: z.number(),
  /** Score 0-4 of each practice assessed, by practice key. */
  scores: z.record(z.string(), z.number()),
});

export type ActorRecord = z.output<typeof actorState>;
export type AllianceRecord = z.output<typeof allianceState>;
export type InteractionRecord = z.output<typeof interactionState>;
export type PracticeAssessmentRecord = z.output<typeof practiceAssessmentState>;

const STATES = {
  ACTOR: actorState,
  ALLIANCE: allianceState,
  INTERACTION: interactionState,
  PRACTICE_ASSESSMENT: practiceAssessmentState,
} as const satisfies Record<OutboxAggregate, z.ZodType>;

type StateOf = { [A in OutboxAggregate]: z.output<(typeof STATES)[A]> };
type InputOf = { [A in OutboxAggregate]: z.input<(typeof STATES)[A]> };

/** A change of one aggregate: its whole state when created or updated, nothing more than its id when deleted. */
export type RecordEvent = {
  [A in OutboxAggregate]:
    | { aggregate: A; aggregateId: number; operation: "CREATED" | "UPDATED"; state: StateOf[A] }
    | { aggregate: A; aggregateId: number; operation: "DELETED"; state: null };
}[OutboxAggregate];

/** An event as read from the outbox, with its position. */
export type OutboxEvent = RecordEvent & { position: bigint };

/** An event as the outbox stores it: its payload is JSON. */
export interface OutboxRow {
  aggregate: OutboxAggregate;
  aggregateId: number;
  operation: OutboxOperation;
  payload: unknown;
}

export class InvalidEventError extends Error {
  override name = "InvalidEventError";
  readonly code = "record/invalid-event";
}

function build<A extends OutboxAggregate>(aggregate: A, operation: OutboxOperation, input: InputOf[A] | number): RecordEvent {
  if (operation === "DELETED") {
    const aggregateId = typeof input === "number" ? input : input.id;
    return { aggregate, aggregateId, operation, state: null } as RecordEvent;
  }
  if (typeof input === "number") throw new InvalidEventError(`record/events: a ${operation} ${aggregate} event needs the record's state`);
  const state = STATES[aggregate].parse(input);
  return { aggregate, aggregateId: state.id, operation, state } as RecordEvent;
}

type Saved = "CREATED" | "UPDATED";

/** An actor created or updated (its state), or deleted (its id). */
export function actorEvent(operation: Saved, state: InputOf["ACTOR"]): RecordEvent;
export function actorEvent(operation: "DELETED", id: number): RecordEvent;
export function actorEvent(operation: OutboxOperation, input: InputOf["ACTOR"] | number): RecordEvent {
  return build("ACTOR", operation, input);
}

/** An alliance created or updated (its state), or deleted (its id). */
export function allianceEvent(operation: Saved, state: InputOf["ALLIANCE"]): RecordEvent;
export function allianceEvent(operation: "DELETED", id: number): RecordEvent;
export function allianceEvent(operation: OutboxOperation, input: InputOf["ALLIANCE"] | number): RecordEvent {
  return build("ALLIANCE", operation, input);
}

/** An interaction created or updated (its state), or deleted (its id). */
export function interactionEvent(operation: Saved, state: InputOf["INTERACTION"]): RecordEvent;
export function interactionEvent(operation: "DELETED", id: number): RecordEvent;
export function interactionEvent(operation: OutboxOperation, input: InputOf["INTERACTION"] | number): RecordEvent {
  return build("INTERACTION", operation, input);
}

/** A practice assessment created or updated (its state), or deleted (its id). */
export function practiceAssessmentEvent(operation: Saved, state: InputOf["PRACTICE_ASSESSMENT"]): RecordEvent;
export function practiceAssessmentEvent(operation: "DELETED", id: number): RecordEvent;
export function practiceAssessmentEvent(operation: OutboxOperation, input: InputOf["PRACTICE_ASSESSMENT"] | number): RecordEvent {
  return build("PRACTICE_ASSESSMENT", operation, input);
}

/** The payload the outbox stores for an event: the state as JSON (dates as ISO strings), or the id of a deletion. */
export function eventPayload(event: RecordEvent): Record<string, unknown> {
  return event.state === null ? { id: event.aggregateId } : (JSON.parse(JSON.stringify(event.state)) as Record<string, unknown>);
}

/** Reads an outbox row back into its event; a row no builder could have written is refused, naming its position. */
export function parseEvent(row: OutboxRow & { position: bigint }): OutboxEvent {
  const { aggregate, aggregateId, operation, position } = row;
  if (operation === "DELETED") return { aggregate, aggregateId, operation, state: null, position } as OutboxEvent;
  const parsed = STATES[aggregate].safeParse(row.payload);
  if (!parsed.success) {
    throw new InvalidEventError(
      `record/events: outbox event ${position} (${aggregate} ${operation} ${aggregateId}) does not hold a valid state: ${parsed.error.message}`,
    );
  }
  if (parsed.data.id !== aggregateId)
    throw new InvalidEventError(`record/events: outbox event ${position} names ${aggregateId} but holds the state of ${parsed.data.id}`);
  return { aggregate, aggregateId, operation, state: parsed.data, position } as OutboxEvent;
}
