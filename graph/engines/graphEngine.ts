import type { MembershipIndex } from "../membershipIndex.js";
import type { NetworkSnapshot, SnapshotOptions } from "../snapshot.js";
import type { AppliedChangeListener } from "./appliedChanges.js";

/** What the readiness check reports of an engine. */
export interface GraphReadiness {
  /** "degraded": the engine cannot follow the record now; writes still succeed and wait in the outbox. */
  status: "ok" | "degraded";
  engine: GraphEngine["name"];
  /** Whatever else the engine tells of its state (Neo4j: reachability, projector role, backlog). */
  [detail: string]: unknown;
}

/**
 * What the API asks of a graph engine, whichever holds the network (in process, or Neo4j).
 * The record is the truth; an engine follows it through the outbox and says which outbox
 * position (`version`) its answers reflect.
 */
export interface GraphEngine {
  readonly name: "memory" | "neo4j";
  /** The outbox position the engine has applied. */
  version(): bigint;
  /** Loads the network from the record. */
  start(): Promise<void>;
  /** Applies the outbox events committed since the last call; resolves with how many. */
  catchUp(): Promise<number>;
  /** Catches up every `intervalMs` with what other instances write, until `close`. */
  follow(intervalMs: number): void;
  /** Whether the engine serves current answers: "degraded" while it cannot follow the record, with why. */
  readiness(): Promise<GraphReadiness>;
  /** Calls `listener` after each catch-up that applied events, with the ecosystems they touched; returns the unsubscribe. */
  onApplied(listener: AppliedChangeListener): () => void;
  /** The network at the current version (or as of a past day), built once and shared. */
  snapshot(options?: SnapshotOptions): Promise<NetworkSnapshot>;
  /**
   * Computes `compute` once per version of the network and `key` (scope and parameters), and
   * serves every later request for the same key from the cache until the network changes.
   */
  cached<T>(key: string, compute: (snapshot: NetworkSnapshot) => T | Promise<T>, options?: SnapshotOptions): Promise<T>;
  /** Who belongs to which alliance, at version(): nested membership queries walk it in memory. */
  memberships(): MembershipIndex;
  close(): Promise<void>;
}
