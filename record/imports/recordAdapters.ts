import { actorImport } from "../actors.js";
import { allianceImport } from "../alliances.js";
import type { RecordEvent } from "../events.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { interactionImport } from "../interactions.js";
import { needImport } from "../needAssessments.js";
import { practiceImport } from "../practiceAssessments.js";
import type { RecordType } from "./importColumns.js";
import type { Resolved } from "./planSection.js";
import type { RecordRef } from "./references.js";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

/** A row's values with every reference bound to a record id: the state the record should hold. */
export type Bound<T extends RecordType> = BoundOf<Resolved[T]>;
type BoundOf<V> = V extends RecordRef
  ? number
  : V extends Date
    ? Date
    : V extends (infer I)[]
      ? BoundOf<I>[]
      : V extends object
        ? { [K in keyof V]: BoundOf<V[K]> }
        : V;

/** Record ids of what rows name: actors and alliances are told apart, their file ids may coincide. */
export interface Binder {
  actor(ref: RecordRef): number;
  alliance(ref: RecordRef): number;
}

export interface Existing<T extends RecordType> {
  id: number;
  state: Bound<T>;
}

/**
 * What the import needs of each record type: read the records a batch names, say whether a row
 * changes one, create and update them as the API's mutations do, and the outbox event of a
 * change (record/events.ts), for the record types the graph engines follow.
 */
export interface RecordAdapter<T extends RecordType> {
  recordType: string;
  bind(values: Resolved[T], ids: Binder): Bound<T>;
  /** A canonical text of a state: equal texts, nothing to write. */
  canonical(state: Bound<T>): string;
  load(db: Db, source: string, externalIds: string[]): Promise<Map<string, Existing<T>>>;
  create(tx: Tx, source: string, rows: { externalId: string; state: Bound<T> }[]): Promise<Map<string, number>>;
  update(tx: Tx, id: number, state: Bound<T>, previous: Bound<T>): Promise<void>;
  /** The outbox event of a change; null for a record type the graph engines do not follow. */
  event(operation: "CREATED" | "UPDATED", id: number, state: Bound<T>): RecordEvent | null;
}

/**
 * Each adapter lives in its aggregate's write service, beside the API's writes. The services take
 * only types from this module (their helpers are in bulkInsert.ts and canonical.ts): it imports
 * them, and a value imported back would be read before it is defined.
 */
export const ADAPTERS: { [T in RecordType]: RecordAdapter<T> } = {
  actors: actorImport,
  alliances: allianceImport,
  interactions: interactionImport,
  needs: needImport,
  practices: practiceImport,
};
