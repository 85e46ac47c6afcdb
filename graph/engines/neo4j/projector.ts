import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { PrismaClient } from "../../../record/generated/prisma/client.js";
import type { OutboxEvent } from "../../../record/events.js";
import { readOutbox } from "../../../record/outbox.js";
import { loadNetworkModel } from "../../recordLoader.js";
import { GraphUnavailableError, type Neo4jExecutor, type Statement } from "./executor.js";
import { DELETE_STATE, READ_POSITION, remove, upsert, wipeSome, writePosition, type Aggregate, type AggregateRecord } from "./projection.js";

export interface ProjectorOptions {
  /** Outbox events per write transaction. @default 500 */
  batchSize?: number;
  /** Records per UNWIND statement when rebuilding. @default 2000 */
  rebuildBatchSize?: number;
  /** First wait after Neo4j was found unreachable; doubled after each failure. @default 250 */
  initialDelayMs?: number;
  /** Longest wait between two attempts. @default 10000 */
  maxDelayMs?: number;
  logger?: Logger | undefined;
}

export interface RebuildSummary {
  version: bigint;
  actors: number;
  alliances: number;
  interactions: number;
  practiceAssessments: number;
  ms: number;
}

/** The projection was wiped or never built: only a rebuild can tell where to start. */
export class NoProjectionError extends Error {
  override name = "NoProjectionError";
  readonly code = "graph/no-projection";
  constructor() {
    super("graph/neo4j: Neo4j holds no projection of the record (no ProjectionState): rebuild it (npm run rebuild-graph)");
  }
}

/**
 * Applies the outbox (PostgreSQL, by position) to Neo4j. Each batch of events is one write
 * transaction that also moves `(:ProjectionState {id: 'outbox'}).position`, so Neo4j holds
 * either a whole batch and its position or neither: after a crash or a lost acknowledgement the
 * batch is applied again, which the idempotent statements (projection.ts) make harmless. The
 * batch first re-reads the position it expects, so a second projector (there should be only one)
 * makes this one skip ahead rather than apply events out of order.
 */
export class OutboxProjector {
  private projected: bigint | null = null;
  private failure: { error: Error; since: Date } | null = null;
  private written = 0;
  private readonly options: Required<Omit<ProjectorOptions, "logger">>;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly executor: Neo4jExecutor,
    options: ProjectorOptions = {},
  ) {
    this.options = { batchSize: 500, rebuildBatchSize: 2_000, initialDelayMs: 250, maxDelayMs: 10_000, ...withoutUndefined(options) };
    this.logger = options.logger;
  }

  /** The last position known to be in Neo4j; null before the first read or without projection. */
  get position(): bigint | null {
    return this.projected;
  }

  /** Outbox events this projector has written to Neo4j since it was created (rebuilds aside): a follower's stays 0. */
  get eventsProjected(): number {
    return this.written;
  }

  /** The failure since which Neo4j has not been reached, if it has not been reached since. */
  get lastFailure(): { error: Error; since: Date } | null {
    return this.failure;
  }

  async readPosition(): Promise<bigint | null> {
    const [row] = await this.guard(() => this.executor.read("projection.position", (tx) => tx.rows<{ position: string | null }>(READ_POSITION)));
    this.projected = row?.position == null ? null : BigInt(row.position);
    return this.projected;
  }

  /** Projects every event committed after the projected position; throws GraphUnavailableError when Neo4j is down. */
  async projectPending(): Promise<number> {
    const start = this.projected ?? (await this.readPosition());
    if (start === null) throw new NoProjectionError();
    let position: bigint = start;
    let applied = 0;
    for (;;) {
      const events = await readOutbox(this.prisma, position, this.options.batchSize);
      if (events.length === 0) break;
      const to: bigint = events.at(-1)!.position;
      const from: bigint = position;
      const found: bigint | null = await this.guard(() =>
        this.executor.write("projection.batch", async (tx): Promise<bigint | null> => {
          const [row] = await tx.rows<{ position: string | null }>(READ_POSITION);
          const current = row?.position == null ? null : BigInt(row.position);
          if (current !== from) return current;
          for (const statement of batchStatements(events)) await tx.rows(statement);
          await tx.rows(writePosition(to));
          return to;
        }),
      );
      if (found === null) {
        this.projected = null;
        throw new NoProjectionError();
      }
      if (found === to) {
        applied += events.length;
        this.written += events.length;
      } else this.logger?.warn({ expected: String(from), found: String(found) }, "graph/neo4j: another projector moved the position; continuing from there");
      position = found;
      this.projected = found;
      if (found === to && events.length < this.options.batchSize) break;
    }
    return applied;
  }

  /**
   * projectPending, retried while Neo4j is unreachable: first after initialDelayMs, then twice as
   * long each time up to maxDelayMs, until it succeeds or `signal` aborts.
   */
  async drain(signal?: AbortSignal): Promise<number> {
    let delay = this.options.initialDelayMs;
    for (;;) {
      try {
        return await this.projectPending();
      } catch (error) {
        if (!(error instanceof GraphUnavailableError) || signal?.aborted) throw error;
        this.logger?.warn({ retryInMs: delay, code: error.driverCode }, "graph/neo4j: Neo4j unreachable; the projector will retry");
        await sleep(delay, undefined, { signal });
        delay = Math.min(this.options.maxDelayMs, delay * 2);
      }
    }
  }

  /** Outbox events not yet in Neo4j, counted in PostgreSQL (so it answers while Neo4j is down). */
  async backlog(): Promise<number> {
    return this.prisma.outboxEvent.count({ where: { position: { gt: this.projected ?? 0n } } });
  }

  /**
   * Wipes the projection and writes the whole record again, in bulk: the network as one
   * repeatable-read load from PostgreSQL (graph/recordLoader.ts), then UNWIND batches, then the
   * position that load reflects. The state node goes first and comes back last, so an
   * interrupted rebuild is seen as no projection at all.
   */
  async rebuild(): Promise<RebuildSummary> {
    const started = performance.now();
    const model = await loadNetworkModel(this.prisma);
    this.projected = null;
    await this.guard(async () => {
      await this.executor.write("projection.rebuild.forget", (tx) => tx.rows(DELETE_STATE));
      for (;;) {
        const [row] = await this.executor.write("projection.rebuild.wipe", (tx) => tx.rows<{ deleted: number }>(wipeSome(10_000)));
        if (!row || row.deleted === 0) break;
      }
      const byId = <T extends { id: number }>(records: Iterable<T>) => [...records].sort((a, b) => a.id - b.id);
      const parts: [Aggregate, AggregateRecord[]][] = [
        ["ACTOR", byId(model.actors.values())],
        ["ALLIANCE", byId(model.alliances.values())],
        ["INTERACTION", byId(model.interactions.values())],
        ["PRACTICE_ASSESSMENT", byId(model.practiceAssessments.values())],
      ];
      for (const [aggregate, records] of parts) {
        for (let i = 0; i < records.length; i += this.options.rebuildBatchSize) {
          const chunk = records.slice(i, i + this.options.rebuildBatchSize);
          await this.executor.write("projection.rebuild.load", (tx) => tx.rows(upsert(aggregate, chunk)));
        }
      }
      await this.executor.write("projection.rebuild.done", (tx) => tx.rows(writePosition(model.version)));
    });
    this.projected = model.version;
    const summary = {
      version: model.version,
      actors: model.actors.size,
      alliances: model.alliances.size,
      interactions: model.interactions.size,
      practiceAssessments: model.practiceAssessments.size,
      ms: Math.round(performance.now() - started),
    };
    this.logger?.info({ ...summary, version: String(summary.version) }, "graph/neo4j: projection rebuilt from the record");
    return summary;
  }

  /** Remembers since when Neo4j has been unreachable, and forgets it at the first success. */
  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.failure = null;
      return result;
    } catch (error) {
      if (error instanceof GraphUnavailableError) this.failure ??= { error, since: new Date() };
      throw error;
    }
  }
}

/**
 * A batch of events as statements, in order: consecutive events of one aggregate and one kind
 * (upsert or delete) make one UNWIND statement. Within such a run only the last state of each
 * record counts (an event carries the whole record), and one statement never sees the same id
 * twice, which UNWIND with relationship replacement would otherwise get wrong.
 */
export function batchStatements(events: readonly OutboxEvent[]): Statement[] {
  const statements: Statement[] = [];
  let run: { aggregate: Aggregate; deleting: boolean; records: Map<number, AggregateRecord | null> } | null = null;
  const flush = () => {
    if (!run) return;
    const ids = [...run.records.keys()];
    statements.push(run.deleting ? remove(run.aggregate, ids) : upsert(run.aggregate, [...run.records.values()] as AggregateRecord[]));
  };
  for (const event of events) {
    const deleting = event.operation === "DELETED";
    if (!run || run.aggregate !== event.aggregate || run.deleting !== deleting) {
      flush();
      run = { aggregate: event.aggregate, deleting, records: new Map() };
    }
    run.records.delete(event.aggregateId);
    run.records.set(event.aggregateId, event.state);
  }
  flush();
  return statements;
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => value !== undefined && key !== "logger")) as Partial<T>;
}
