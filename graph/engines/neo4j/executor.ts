/**
 * The one module that touches neo4j-driver. Everything else hands it statements
 * (`{ cypher, params }`, parameters always, never input spliced into text) and gets plain rows
 * back: reads run in `executeRead`, writes in `executeWrite` (the driver retries transient
 * failures, so a unit of work must be safe to run twice), each session is closed in `finally`,
 * each transaction carries metadata naming the operation (visible in Neo4j's query log and
 * `SHOW TRANSACTIONS`), and driver errors are mapped by `error.code`, never by message text.
 */
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";

export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

export interface Neo4jConnection {
  /** bolt://host:port, neo4j://host:port (routing), or their +s variants. */
  uri: string;
  /** Unset: no authentication (the test harness runs with auth off). */
  username?: string | undefined;
  password?: string | undefined;
  /** Unset: the server's default database (Community has only `neo4j`). */
  database?: string | undefined;
  /**
   * How long the driver keeps retrying a transaction that failed transiently (the server
   * unreachable included) before giving up with GraphUnavailableError. Short, because the
   * projector has its own backoff and a write request must not wait on a Neo4j that is down.
   * @default 2000
   */
  maxTransactionRetryTimeMs?: number;
  /** @default 5000 */
  connectionTimeoutMs?: number;
}

/** Neo4j cannot be reached (down, restarting, network): the record is safe, the graph lags. */
export class GraphUnavailableError extends Error {
  override name = "GraphUnavailableError";
  readonly code = "graph/unavailable";
  constructor(
    readonly operation: string,
    readonly driverCode: string,
    options?: { cause?: unknown },
  ) {
    super(`graph/neo4j: ${operation}: Neo4j is unavailable (${driverCode})`, options);
  }
}

/** Neo4j answered, with an error: a bug in a statement or a broken invariant, not an outage. */
export class GraphQueryError extends Error {
  override name = "GraphQueryError";
  readonly code = "graph/query-failed";
  constructor(
    readonly operation: string,
    readonly driverCode: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`graph/neo4j: ${operation} failed (${driverCode}): ${message}`, options);
  }
}

/** Driver and server codes that mean "not reachable now", as opposed to "refused this". */
const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.TransientError.Database.DatabaseUnavailable",
  "Neo.ClientError.Cluster.NotALeader",
]);

export function mapError(operation: string, error: unknown): Error {
  if (error instanceof GraphUnavailableError || error instanceof GraphQueryError) return error;
  if (error instanceof neo4j.Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new GraphUnavailableError(operation, error.code, { cause: error });
    return new GraphQueryError(operation, error.code, error.message, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A transaction as the rest of the module sees it: statements in, plain objects out. */
export interface Tx {
  rows<T = Record<string, unknown>>(statement: Statement): Promise<T[]>;
}

function wrap(tx: ManagedTransaction): Tx {
  return {
    rows: async <T>({ cypher, params }: Statement) => {
      const result = await tx.run(cypher, params);
      return result.records.map((record) => record.toObject() as T);
    },
  };
}

/** Integers must be sent as such: the driver sends a JavaScript number as a float. */
export const int = (value: number | bigint | string): unknown => neo4j.int(typeof value === "number" ? value : value.toString());
export const ints = (values: readonly number[]): unknown[] => values.map((v) => neo4j.int(v));
export const intOrNull = (value: number | null | undefined): unknown => (value === null || value === undefined ? null : neo4j.int(value));

export class Neo4jExecutor {
  private readonly driver: Driver;

  constructor(private readonly connection: Neo4jConnection) {
    // No token at all is the "none" scheme, which a server with auth off accepts.
    const auth = connection.username ? neo4j.auth.basic(connection.username, connection.password ?? "") : undefined;
    this.driver = neo4j.driver(connection.uri, auth, {
      // Every integer we store is an id, a count or an amount far below 2^53; positions, which
      // are bigints in the record, are read back as strings (toString in Cypher).
      disableLosslessIntegers: true,
      maxTransactionRetryTime: connection.maxTransactionRetryTimeMs ?? 2_000,
      connectionTimeout: connection.connectionTimeoutMs ?? 5_000,
      connectionAcquisitionTimeout: (connection.connectionTimeoutMs ?? 5_000) * 2,
      userAgent: "maillage",
    });
  }

  get uri(): string {
    return this.connection.uri;
  }

  read<T>(operation: string, work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.execute("READ", operation, work, timeoutMs);
  }

  write<T>(operation: string, work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.execute("WRITE", operation, work, timeoutMs);
  }

  /** Resolves when a Bolt connection can be opened and the server answers. */
  async ping(): Promise<void> {
    try {
      await this.driver.verifyConnectivity(this.connection.database ? { database: this.connection.database } : {});
    } catch (error) {
      throw mapError("ping", error);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async execute<T>(mode: "READ" | "WRITE", operation: string, work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE, database: this.connection.database });
    const config = { metadata: { app: "maillage", operation }, ...(timeoutMs !== undefined && { timeout: timeoutMs }) };
    try {
      return mode === "READ" ? await session.executeRead((tx) => work(wrap(tx)), config) : await session.executeWrite((tx) => work(wrap(tx)), config);
    } catch (error) {
      throw mapError(operation, error);
    } finally {
      await session.close().catch(() => {});
    }
  }
}

/** The connection settings from the environment (server/config.ts validates them for the server). */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConnection | null {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return null;
  return { uri, username: env.NEO4J_USERNAME || undefined, password: env.NEO4J_PASSWORD || undefined, database: env.NEO4J_DATABASE || undefined };
}
