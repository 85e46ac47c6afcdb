import type { Logger } from "pino";
import type { GraphEngine } from "../graph/engines/graphEngine.js";
import type { OutboxAggregate, Role } from "../record/generated/prisma/enums.js";
import type { Limits } from "./limits.js";
import type { PrismaClient } from "../record/generated/prisma/client.js";
import type { QueryCount } from "../record/queryCounter.js";

/** Who is asking. Anonymous requests carry no role. */
export interface Viewer {
  readonly role: Role | null;
  readonly tokenId: number | null;
  /** The actor a catalyst's token speaks for. */
  readonly actorId: number | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: null, tokenId: null, actorId: null });

/**
 * Created fresh for every request: DataLoaders and auth-scope results are cached on it, so
 * nothing one request loads leaks into another.
 */
export interface Context {
  readonly prisma: PrismaClient;
  /** The network and its analytics. */
  readonly graph: GraphEngine;
  readonly viewer: Viewer;
  readonly logger: Logger;
  readonly limits: Limits;
  /** SQL statements this request sent; read by tests that bound N+1 queries. */
  readonly queryCount: QueryCount;
  /** Set on subscription operations by the host's live updates plugin. */
  readonly live?: LiveChanges;
}

/** One ecosystem's share of a change the graph engine has applied. */
export interface EcosystemChange {
  ecosystemId: number;
  /** The outbox position the engine reached: a refetch from now on sees the change. */
  graphVersion: bigint;
  kinds: OutboxAggregate[];
  actorIds: number[];
}

/** What a subscription asks of the host's live updates: one ecosystem's changes, until the subscriber leaves. */
export interface LiveChanges {
  changes(ecosystemId: number): AsyncIterableIterator<EcosystemChange>;
}
