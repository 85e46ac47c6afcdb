/**
 * Which process projects the outbox into Neo4j when several service processes share one record.
 * Two projectors would not corrupt the graph (each batch checks the position it expects, and
 * every statement is idempotent), but they would do the work twice and fight over the position;
 * one leader projects and the others only read Neo4j back.
 *
 * The leader is the process holding a PostgreSQL session-level advisory lock, taken with
 * `pg_try_advisory_lock` on a connection of its own kept for the process's life: PostgreSQL
 * releases the lock when that session ends, so a process that dies, or loses its connection,
 * loses leadership, and another takes it at its next try. Advisory locks belong to one
 * database, so two records on one server elect separately.
 *
 * There is a window in which two processes project: the server has ended the old leader's
 * session (and another process took the lock) while the old leader has not yet noticed. It lasts
 * at most until the old leader's next check (`retryMs`, or at once when the driver reports the
 * connection lost), and the position check makes the old leader's batches no-ops or skips.
 *
 * The same connection carries a nudge: a follower that committed a write asks the leader, by
 * NOTIFY, to project it now rather than at its next poll, then waits to read it back.
 */
import pg from "pg";
import type { Logger } from "pino";

export interface ProjectorLeadership {
  /** Whether this process may project now. */
  readonly isLeader: boolean;
  /** Takes leadership if it is free, and keeps trying (or checking it still holds it) in the background. */
  start(): Promise<void>;
  /** `listener(true)` when this process becomes leader, `listener(false)` when it stops being one. */
  onChange(listener: (leader: boolean) => void): void;
  /** `listener()` when a follower asks the leader to project now. */
  onNudge(listener: () => void): void;
  /** Asks the leader to project now (does nothing when this process leads, or cannot reach the database). */
  nudge(): Promise<void>;
  /** Gives leadership up. */
  close(): Promise<void>;
}

/** The embedded database admits one process (its data-folder lock): that process leads. */
export class SoleLeadership implements ProjectorLeadership {
  readonly isLeader = true;
  async start(): Promise<void> {}
  onChange(): void {}
  onNudge(): void {}
  async nudge(): Promise<void> {}
  async close(): Promise<void> {}
}

/** The advisory lock's key, distinct from the migrations' lock (record/database.ts). */
export const PROJECTOR_LOCK_KEY = "7881696737270785893"; // the bytes of "maillage" as a bigint
const NUDGE_CHANNEL = "maillage_projector";

export interface AdvisoryLockOptions {
  /** How often a follower tries the lock, and a leader checks its connection. @default 2000 */
  retryMs?: number;
  logger?: Logger | undefined;
}

export class AdvisoryLockLeadership implements ProjectorLeadership {
  private client: pg.Client | null = null;
  private leader = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private readonly changeListeners: ((leader: boolean) => void)[] = [];
  private readonly nudgeListeners: (() => void)[] = [];
  private readonly retryMs: number;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly connectionString: string,
    options: AdvisoryLockOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 2_000;
    this.logger = options.logger;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  async start(): Promise<void> {
    await this.check();
    this.timer ??= setInterval(() => void this.check(), this.retryMs);
    this.timer.unref();
  }

  onChange(listener: (leader: boolean) => void): void {
    this.changeListeners.push(listener);
  }

  onNudge(listener: () => void): void {
    this.nudgeListeners.push(listener);
  }

  async nudge(): Promise<void> {
    if (this.leader || !this.client) return;
    await this.client.query("SELECT pg_notify($1, '')", [NUDGE_CHANNEL]).catch(() => {});
  }

  /** One round, one at a time: a leader checks its session answers; a follower (re)connects and tries the lock. */
  check(): Promise<void> {
    this.round = this.round.then(() => this.tryOnce());
    return this.round;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
    // Ending the session releases the lock: no explicit unlock that a dead connection could not send.
    const client = this.client;
    this.client = null;
    this.setLeader(false);
    await client?.end().catch(() => {});
  }

  private async tryOnce(): Promise<void> {
    if (this.closed) return;
    try {
      const client = this.client ?? (await this.connect());
      if (this.leader) {
        await client.query("SELECT 1");
        return;
      }
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [PROJECTOR_LOCK_KEY]);
      if (rows[0]?.locked && !this.closed) this.setLeader(true);
    } catch (error) {
      this.logger?.warn({ err: error }, "graph/neo4j: the projector's lock connection failed; retrying");
      this.drop();
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "maillage projector lock",
      keepAlive: true,
      // A connection that stops answering must not hold a round (and the engine's belief it leads) forever.
      query_timeout: Math.max(this.retryMs, 5_000),
    });
    client.on("error", (error) => {
      if (this.client !== client) return;
      this.logger?.warn({ err: error }, "graph/neo4j: the projector's lock connection was lost");
      this.drop();
    });
    client.on("end", () => {
      if (this.client === client) this.drop();
    });
    client.on("notification", (message) => {
      if (message.channel === NUDGE_CHANNEL && this.leader) for (const listener of this.nudgeListeners) listener();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NUDGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    return client;
  }

  /** The session is gone or unusable: so is the lock it held. */
  private drop(): void {
    const client = this.client;
    this.client = null;
    this.setLeader(false);
    void client?.end().catch(() => {});
  }

  private setLeader(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.logger?.info(
      { leader },
      leader ? "graph/neo4j: this process now projects the outbox into Neo4j" : "graph/neo4j: this process no longer projects the outbox",
    );
    for (const listener of this.changeListeners) listener(leader);
  }
}
