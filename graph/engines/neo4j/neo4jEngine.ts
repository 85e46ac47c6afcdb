import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { PrismaClient } from "../../../record/generated/prisma/client.js";
import { latestOutboxPosition, readOutbox } from "../../../record/outbox.js";
import type { NetworkModel, TerritoryPlacement } from "../../model.js";
import { loadPlacement } from "../../recordLoader.js";
import { MembershipIndexCache, type MembershipIndex } from "../../membershipIndex.js";
import type { NetworkSnapshot, SnapshotOptions } from "../../snapshot.js";
import { AnalyticsCache } from "../analyticsCache.js";
import { ChangeCollector, ChangeListeners, type AppliedChangeListener } from "../appliedChanges.js";
import type { GraphEngine, GraphReadiness } from "../graphEngine.js";
import { GraphUnavailableError, int, Neo4jExecutor, type Neo4jConnection } from "./executor.js";
import { readChanges, readNetworkModel } from "./modelReader.js";
import { NoProjectionError, OutboxProjector, type ProjectorOptions, type RebuildSummary } from "./projector.js";
import { SoleLeadership, type ProjectorLeadership } from "./projectorLeadership.js";
import { ACTOR_EXISTS, neighbourhoodStatement, pathsStatement, scopeStatement, selectPaths } from "./queries.js";
import { ensureSchema } from "./schema.js";

/** Past this many events since the last read, reading the whole model is cheaper than by id. */
const INCREMENTAL_LIMIT = 2_000;
/** How long a follower starting on a Neo4j with no projection waits for the leader to build one. */
const FOLLOWER_START_TIMEOUT_MS = 300_000;

export interface Neo4jEngineOptions {
  /** Where Neo4j is; the engine opens (and closes) its own driver. */
  connection: Neo4jConnection;
  logger?: Logger | undefined;
  projector?: Omit<ProjectorOptions, "logger">;
  /**
   * Rebuild the projection from this record at start, whatever Neo4j holds. For tests, where
   * many private copies of the record take turns on one Neo4j (Community has one database) and
   * a projection left by another copy can sit at a position this record also has.
   */
  rebuildOnStart?: boolean;
  /**
   * Whether this process may project, when several share one record (projectorLeadership.ts).
   * Followers only read Neo4j back. @default this process alone (SoleLeadership)
   */
  leadership?: ProjectorLeadership;
  /** How long a follower's catch-up waits for the leader to project what the record holds. @default 5000 */
  followerWaitMs?: number;
}

export interface Neo4jReadiness extends GraphReadiness {
  /** "degraded": Neo4j cannot be reached; writes succeed and wait in the outbox (`backlog`). */
  status: "ok" | "degraded";
  engine: "neo4j";
  neo4j: "ok" | "unreachable";
  /** Whether this process projects the outbox (leader) or reads what another projected (follower). */
  projector: "leader" | "follower";
  /** Outbox events not yet projected. */
  backlog: number;
  /** The version analytics are computed on. */
  version: string;
  /** Since when Neo4j has not been reached, when it is not. */
  unreachableSince?: string;
}

export interface IntroductionPathQuery {
  /** Longest path, in ties. @default 3 */
  maxLength?: number;
  /** Use only ties both ends confirmed. @default true */
  confirmedOnly?: boolean;
  /** Most paths returned. @default 10 */
  limit?: number;
}

/**
 * The network in Neo4j. The projector keeps Neo4j in step with the outbox; the engine reads the
 * network back from Neo4j into the same NetworkModel the memory engine holds, so snapshots and
 * every analytic over them are computed by the same code and give the same numbers, and it asks
 * Neo4j directly what a graph database answers well (neighbourhoods, paths).
 *
 * Catching up reads back from Neo4j only the records the new events touched (and those their
 * deletions cascaded to); a long backlog, a rebuild or a position moved by another projector
 * read the whole model again instead (about a second for the demo, see scripts/neo4j/README.md).
 *
 * When Neo4j cannot be reached, catchUp does not fail (a write must succeed with the record
 * committed): the engine keeps serving the last model it read, reports itself degraded, and a
 * background drain retries with exponential backoff until the backlog is projected.
 *
 * Several processes on one record elect one projector (projectorLeadership.ts); the others are
 * followers: they never write to Neo4j, they read back what the leader projected.
 */
export class Neo4jGraphEngine implements GraphEngine {
  readonly name = "neo4j";
  readonly projector: OutboxProjector;
  private readonly executor: Neo4jExecutor;
  private readonly logger: Logger | undefined;
  private readonly cache = new AnalyticsCache();
  private readonly membershipIndex = new MembershipIndexCache();
  private readonly listeners = new ChangeListeners((error) => this.logger?.error({ err: error }, "graph/neo4j: a change listener failed"));
  private model: NetworkModel | null = null;
  private placement: TerritoryPlacement | null = null;
  private ecosystemOf: Record<string, unknown> = {};
  private chain: Promise<unknown> = Promise.resolve();
  private recovering: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private poller: NodeJS.Timeout | null = null;
  private readonly rebuildOnStart: boolean;
  private readonly leadership: ProjectorLeadership;
  private readonly followerWaitMs: number;
  /** This process projected at its last step (a new leader re-reads the position first). */
  private leading = false;

  constructor(
    private readonly prisma: PrismaClient,
    options: Neo4jEngineOptions,
  ) {
    this.logger = options.logger;
    this.rebuildOnStart = options.rebuildOnStart ?? false;
    this.leadership = options.leadership ?? new SoleLeadership();
    this.followerWaitMs = options.followerWaitMs ?? 5_000;
    this.executor = new Neo4jExecutor(options.connection);
    this.projector = new OutboxProjector(prisma, this.executor, { ...options.projector, logger: options.logger });
  }

  version(): bigint {
    return this.requireModel().version;
  }

  /** Ensures the schema, brings the projection up to date (building it if missing), then reads the model. */
  async start(): Promise<void> {
    const started = performance.now();
    await ensureSchema(this.executor);
    this.placement = await loadPlacement(this.prisma);
    this.ecosystemOf = Object.fromEntries([...this.placement.ecosystemOf].map(([territory, ecosystem]) => [String(territory), int(ecosystem)]));
    await this.leadership.start();
    if (this.leadership.isLeader) await this.lead();
    else await this.awaitProjection();
    await this.reload();
    const onError = (error: unknown) => this.logger?.error({ err: error }, "graph/neo4j: catch-up failed");
    // A follower asked for its write to be projected now; or this process was just elected.
    this.leadership.onNudge(() => void this.catchUp().catch(onError));
    this.leadership.onChange((leader) => leader && void this.catchUp().catch(onError));
    const model = this.requireModel();
    this.logger?.info(
      {
        actors: model.actors.size,
        alliances: model.alliances.size,
        interactions: model.interactions.size,
        version: String(model.version),
        ms: Math.round(performance.now() - started),
      },
      "graph engine loaded from Neo4j",
    );
  }

  /** Polls the outbox every `intervalMs` for writes made by other instances. */
  follow(intervalMs: number): void {
    this.poller ??= setInterval(() => void this.catchUp().catch((error) => this.logger?.error({ err: error }, "graph/neo4j: catch-up failed")), intervalMs);
    this.poller.unref();
  }

  catchUp(): Promise<number> {
    return this.serially(() => this.step());
  }

  onApplied(listener: AppliedChangeListener): () => void {
    return this.listeners.add(listener);
  }

  /** Wipes the projection, writes the whole record again and reads it back (`rebuild-graph`). */
  rebuild(): Promise<RebuildSummary> {
    return this.serially(async () => {
      const summary = await this.projector.rebuild();
      await this.reload();
      return summary;
    });
  }

  async snapshot(options: SnapshotOptions = {}): Promise<NetworkSnapshot> {
    return this.cache.snapshot(this.requireModel(), options);
  }

  async cached<T>(key: string, compute: (snapshot: NetworkSnapshot) => T | Promise<T>, options: SnapshotOptions = {}): Promise<T> {
    return this.cache.cached(this.requireModel(), key, compute, options);
  }

  memberships(): MembershipIndex {
    return this.membershipIndex.of(this.requireModel());
  }

  /** Outbox events not yet in Neo4j. */
  backlog(): Promise<number> {
    return this.projector.backlog();
  }

  /** For the readiness check: degraded while Neo4j is unreachable, with what waits for it. */
  async readiness(): Promise<Neo4jReadiness> {
    const reachable = await this.executor.ping().then(
      () => true,
      () => false,
    );
    const failure = this.projector.lastFailure;
    const down = !reachable || this.recovering !== null;
    return {
      status: down ? "degraded" : "ok",
      engine: this.name,
      neo4j: reachable ? "ok" : "unreachable",
      projector: this.leadership.isLeader ? "leader" : "follower",
      backlog: await this.projector.backlog(),
      version: String(this.model?.version ?? 0n),
      ...(down && failure && { unreachableSince: failure.since.toISOString() }),
    };
  }

  /** Resolves once a drain started while Neo4j was down has projected the backlog and re-read the model. */
  async recovered(): Promise<void> {
    while (this.recovering) await this.recovering;
  }

  /** Actors within `depth` ties of an actor, nearest first, then by id. */
  async neighbourhood(actorId: number, depth: number): Promise<{ actorId: number; distance: number }[]> {
    await this.requireActors([actorId]);
    return this.executor.read("query.neighbourhood", (tx) => tx.rows<{ actorId: number; distance: number }>(neighbourhoodStatement(actorId, depth)));
  }

  /**
   * Introduction paths between two actors, as actor record ids: the same paths, in the same
   * order, as graph/ecosystem/introductionPaths.ts finds on the snapshot.
   */
  async introductionPaths(fromId: number, toId: number, query: IntroductionPathQuery = {}): Promise<number[][]> {
    const { maxLength = 3, confirmedOnly = true, limit = 10 } = query;
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`graph/neo4j: limit must be a positive integer, got ${limit}`);
    await this.requireActors([fromId, toId]);
    if (fromId === toId) return [[fromId]];
    const rows = await this.executor.read("query.introductionPaths", (tx) =>
      tx.rows<{ actors: number[] }>(pathsStatement(fromId, toId, maxLength, confirmedOnly)),
    );
    return selectPaths(
      rows.map((row) => row.actors),
      limit,
    );
  }

  /** The actors of an ecosystem, by record id, ascending (graph/scope.ts's scopeNodes, as record ids). */
  async scopeActorIds(ecosystemId: number): Promise<number[]> {
    const rows = await this.executor.read("query.scopeActorIds", (tx) => tx.rows<{ id: number }>(scopeStatement(ecosystemId, this.ecosystemOf)));
    return rows.map((row) => row.id);
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    this.stopping.abort();
    await this.recovering?.catch(() => {});
    await this.chain.catch(() => {});
    await this.leadership.close();
    await this.executor.close();
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.chain.catch(() => {}).then(run);
    this.chain = next;
    return next;
  }

  private async step(): Promise<number> {
    // While the drain retries, it owns the projector; it catches up on its own when it succeeds.
    if (this.recovering || this.stopping.signal.aborted) return 0;
    if (!this.leadership.isLeader) return this.readBack();
    try {
      if (!this.leading) {
        // Just elected: the position this process last saw may be stale, or the projection gone.
        if ((await this.projector.readPosition()) === null) {
          await this.projector.rebuild();
          await this.reload();
        }
        this.leading = true;
      }
      const applied = await this.projector.projectPending();
      if (this.projector.position !== this.requireModel().version) await this.refresh();
      return applied;
    } catch (error) {
      if (!(error instanceof GraphUnavailableError)) throw error;
      this.recover(error);
      return 0;
    }
  }

  /** The leader's part at start: the projection up to date, built if missing or not this record's. */
  private async lead(): Promise<void> {
    const projected = await this.projector.readPosition();
    const latest = await latestOutboxPosition(this.prisma);
    // No projection, or one ahead of this record (built from another database): start afresh.
    if (this.rebuildOnStart || projected === null || projected > latest) await this.projector.rebuild();
    else await this.projector.projectPending();
    this.leading = true;
  }

  /** A follower starting on a Neo4j the leader has not built yet waits for it (or for leadership). */
  private async awaitProjection(): Promise<void> {
    const deadline = performance.now() + FOLLOWER_START_TIMEOUT_MS;
    for (;;) {
      if (this.leadership.isLeader) return this.lead();
      if ((await this.projector.readPosition()) !== null) return;
      if (performance.now() > deadline) throw new NoProjectionError();
      this.logger?.info("graph/neo4j: waiting for the leader to build the projection");
      await sleep(500, undefined, { signal: this.stopping.signal });
    }
  }

  /**
   * A follower's catch-up: reads back what the leader projected. So that a client reads its own
   * write on this process too, it waits (up to followerWaitMs, nudging the leader) until Neo4j
   * holds what the record held when called. Neo4j unreachable: the last model stays, and
   * readiness says degraded.
   */
  private async readBack(): Promise<number> {
    this.leading = false;
    const before = this.requireModel().version;
    const latest = await latestOutboxPosition(this.prisma);
    const deadline = performance.now() + this.followerWaitMs;
    try {
      for (let round = 0; ; round += 1) {
        const position = await this.projector.readPosition();
        if (position !== null && position !== this.requireModel().version) await this.refresh();
        if (this.requireModel().version >= latest || performance.now() > deadline) break;
        if (this.leadership.isLeader) return this.step();
        if (round === 0) await this.leadership.nudge();
        await sleep(25);
      }
    } catch (error) {
      if (!(error instanceof GraphUnavailableError)) throw error;
      return 0;
    }
    return Number(this.requireModel().version - before);
  }

  private recover(error: GraphUnavailableError): void {
    this.logger?.warn({ code: error.driverCode }, "graph/neo4j: Neo4j unreachable; writes go on, the projector retries in the background");
    this.recovering = this.projector
      .drain(this.stopping.signal)
      .then(() => {
        this.recovering = null;
        this.logger?.info("graph/neo4j: Neo4j reachable again; backlog projected");
        return this.catchUp();
      })
      .then(
        () => {},
        (failure: unknown) => {
          this.recovering = null;
          if (!this.stopping.signal.aborted) this.logger?.error({ err: failure }, "graph/neo4j: the projector stopped retrying");
        },
      );
  }

  /**
   * Re-reads from Neo4j what the events since the model's version changed; the whole model
   * when they are many, or when Neo4j's position is not where the projector left it.
   */
  private async refresh(): Promise<void> {
    const model = this.requireModel();
    const to = this.projector.position ?? model.version;
    const events = await readOutbox(this.prisma, model.version, INCREMENTAL_LIMIT + 1, to);
    const changes = this.listeners.size > 0 ? new ChangeCollector() : null;
    for (const event of events) changes?.before(model, event);
    if (events.length > INCREMENTAL_LIMIT || !(await readChanges(this.executor, model, events))) await this.reload();
    if (!changes) return;
    const now = this.requireModel();
    if (events.length > INCREMENTAL_LIMIT) changes.everything(now, new Set(events.map((event) => event.aggregate)));
    else for (const event of events) changes.after(now, event);
    this.listeners.emit(changes.result(now.version));
  }

  private async reload(): Promise<void> {
    this.model = await readNetworkModel(this.executor, this.requirePlacement());
    // A rebuild can bring back the same version in a new model: drop what was computed on the old one.
    this.cache.clear();
  }

  private async requireActors(ids: number[]): Promise<void> {
    const rows = await this.executor.read("query.actorExists", (tx) => tx.rows<{ id: number; found: boolean }>(ACTOR_EXISTS(ids)));
    const missing = rows.find((row) => !row.found);
    if (missing) throw new Error(`graph/neo4j: actor ${missing.id} does not exist`);
  }

  private requireModel(): NetworkModel {
    if (!this.model) throw new Error("graph/neo4j: the engine has not been started");
    return this.model;
  }

  private requirePlacement(): TerritoryPlacement {
    if (!this.placement) throw new Error("graph/neo4j: the engine has not been started");
    return this.placement;
  }
}
